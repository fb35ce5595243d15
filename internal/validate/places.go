package validate

import (
	"fmt"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
)

// TownshipsURL is the page listing a site's places, made only when
// data/townships.yaml lists some.
const TownshipsURL = "/townships/"

// placeSettings checks site.yaml's place names and that the menu links
// to the list of places only on a site that has one.
func (v *validator) placeSettings() {
	s := &v.in.Site
	n := &s.PlaceNames
	for _, name := range []struct{ key, value string }{{"township", n.Township}, {"townships", n.Townships}, {"village", n.Village}, {"villages", n.Villages}} {
		if strings.ContainsAny(name.value, "{}%") { // the names are filled into format strings
			v.list.Errorf(n.At(name.key), "place_names."+name.key, diag.T("write the word alone, e.g. 县 or county"), "a place name cannot hold { } or %%, got %q", name.value)
		}
	}
	if !v.placesKnown() || len(v.in.Townships.Townships) > 0 {
		return
	}
	if s.Has("place_names") {
		v.list.Warnf(s.At("place_names"), "place_names", diag.T("list the places in %s, or leave place_names out", load.TownshipsPath),
			"place_names names the levels of %s, which this site does not have", load.TownshipsPath)
	}
	for i, m := range s.Menu {
		if strings.HasPrefix(m.URL, TownshipsURL) {
			v.list.Errorf(m.At("url"), fmt.Sprintf("menu[%d].url", i), diag.T("list the places in %s, or take the item out of the menu", load.TownshipsPath),
				"%s is not built: the site has no %s", m.URL, load.TownshipsPath)
		}
	}
}
