package build

import (
	"slices"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// A page's reads, kept small, tell the changed fields among them from the
// others: addresses near and far apart, the Site's fields, repeats.
func TestFieldListsFindTheChangedFields(t *testing.T) {
	reads := []site.Field{0xc000123458, 0xc000123450, site.SiteField(3), 0xc000123450, 0x7f0000001000, site.SiteField(0), 0xc000123460}
	list := newFieldList(slices.Clone(reads))
	if len(list) >= 8*len(reads) {
		t.Errorf("%d fields kept in %d bytes", len(reads), len(list))
	}
	for _, f := range reads {
		if !newFieldSet([]site.Field{0x1234, f}).any(list) {
			t.Errorf("%#x read, not found", f)
		}
	}
	for _, f := range []site.Field{0xc000123459, 0xc000123448, site.SiteField(1), site.SiteField(4), 0x7f0000001008, 0} {
		if newFieldSet([]site.Field{f}).any(list) {
			t.Errorf("%#x not read, found", f)
		}
	}
	if newFieldSet(nil).any(list) || newFieldSet(slices.Clone(reads)).any(nil) {
		t.Error("an empty set or list has a field")
	}
}
