package build

import (
	"encoding/binary"
	"slices"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// fieldSet is the few fields of the model a build changed, asked about
// every field every page read: a mask of one bit a field lets most of
// them through without a lookup.
type fieldSet struct {
	mask   uint64
	fields map[site.Field]bool
}

func newFieldSet(fields []site.Field) fieldSet {
	set := fieldSet{fields: make(map[site.Field]bool, len(fields))}
	for _, f := range fields {
		set.mask |= fieldBit(f)
		set.fields[f] = true
	}
	return set
}

// fieldBit spreads fields over 64 bits; the low bits of an address are
// alike (fields are aligned), so higher ones are mixed in.
func fieldBit(f site.Field) uint64 { return 1 << ((f ^ f>>6 ^ f>>12 ^ f>>63) & 63) }

// any reports whether one of the fields of list is in the set.
func (s fieldSet) any(list fieldList) bool {
	if s.mask == 0 {
		return false
	}
	var f site.Field
	for p := 0; p < len(list); {
		d, n := binary.Uvarint(list[p:])
		p += n
		f += site.Field(d)
		if s.mask&fieldBit(f) != 0 && s.fields[f] {
			return true
		}
	}
	return false
}

// fieldList is what a page read, each field once, kept small: the fields
// sorted, each written as its distance from the one before, in as few
// bytes as it takes (the fields of one object lie close together). 10,000
// stories read 660,000 fields.
type fieldList []byte

// newFieldList makes the fieldList of fields, which it sorts in place.
func newFieldList(fields []site.Field) fieldList {
	slices.Sort(fields)
	sorted := slices.Compact(fields)
	out := make([]byte, 0, 2*len(sorted))
	var last site.Field
	for _, f := range sorted {
		out = binary.AppendUvarint(out, uint64(f-last))
		last = f
	}
	return slices.Clip(out)
}
