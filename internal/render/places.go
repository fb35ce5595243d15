package render

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/load"
)

// The places a site's stories are about are listed in data/townships.yaml
// on two levels, 乡镇 and 村 unless site.yaml's place_names says otherwise
// (县 and 村 on a provincial site). The theme's strings name the levels
// with {township}, {townships}, {village} and {villages} — capitalised,
// {Township} …, where English starts a heading with them — and the
// default names are its place_township, place_townships, place_village and
// place_villages.

// placeStrings are the interface strings strs with the site's place
// names n filled in (the theme's own names where the site gives none).
func placeStrings(strs map[string]string, n load.PlaceNames, english bool) map[string]string {
	names := map[string]string{
		"township":  cmp.Or(n.Township, strs["place_township"]),
		"townships": cmp.Or(n.Townships, plural(n.Township, english), strs["place_townships"]),
		"village":   cmp.Or(n.Village, strs["place_village"]),
		"villages":  cmp.Or(n.Villages, plural(n.Village, english), strs["place_villages"]),
	}
	var pairs []string
	for _, key := range []string{"township", "townships", "village", "villages"} {
		pairs = append(pairs, "{"+key+"}", names[key], "{"+capitalised(key)+"}", capitalised(names[key]))
	}
	fill := strings.NewReplacer(pairs...)
	out := make(map[string]string, len(strs))
	for key, s := range strs {
		out[key] = fill.Replace(s)
	}
	return out
}

// plural is the plural of a place name in English (county, counties;
// township, townships); "" for no name, and the name itself in Chinese.
func plural(name string, english bool) string {
	last := name[max(0, len(name)-1):]
	switch {
	case !english || last == "" || !strings.ContainsAny(strings.ToLower(last), "abcdefghijklmnopqrstuvwxyz"):
		return name // no name, or not an English word
	case last == "y" && len(name) > 1 && !strings.ContainsAny(name[len(name)-2:len(name)-1], "aeiou"):
		return name[:len(name)-1] + "ies"
	case strings.HasSuffix(name, "s"), strings.HasSuffix(name, "x"), strings.HasSuffix(name, "ch"), strings.HasSuffix(name, "sh"):
		return name + "es"
	}
	return name + "s"
}

// capitalised starts s with a capital letter (a no-op for Chinese).
func capitalised(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
