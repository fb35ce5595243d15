package build

import "github.com/jinzhan-dev/jinzhan/internal/site"

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

// any reports whether one of fields is in the set.
func (s fieldSet) any(fields []site.Field) bool {
	if s.mask == 0 {
		return false
	}
	for _, f := range fields {
		if s.mask&fieldBit(f) != 0 && s.fields[f] {
			return true
		}
	}
	return false
}
