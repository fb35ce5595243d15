package site

import (
	"reflect"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
)

// Field names one field of one model object, as the preview's signatures
// record what a page read (render.Signatures) and as Changes lists what a
// build changed: the field's address in a kept object, or for the Site —
// a new object every build — its index (SiteField).
type Field uint64

// siteFields marks a Field that is an index of Site's fields: no address
// has the top bit set.
const siteFields = Field(1) << 63

// FieldAt is the Field of the field at addr.
func FieldAt(addr uintptr) Field { return Field(addr) }

// SiteField is the Field of Site's i-th field.
func SiteField(i int) Field { return siteFields | Field(i) }

// Changes is what one build of a Kept model changed.
type Changes struct {
	// All is set when the model is new: every page may read something
	// new, and Fields is empty.
	All bool
	// Fields are the fields of kept objects the build set to new values,
	// and the fields of the Site that differ from the last build's.
	Fields []Field
	undo   []func()
	equal  map[[2]uintptr]bool // pairs of other stages' objects compared, and whether the same
}

// set gives the field dst the value v when they differ, noting it (and
// how to set it back) unless c is nil. Values are compared as a
// template would tell them apart (same).
func (c *Changes) set(dst, v reflect.Value) {
	if c.same(dst, v) {
		return
	}
	if c != nil {
		old := reflect.New(dst.Type()).Elem()
		old.Set(dst)
		c.Fields = append(c.Fields, FieldAt(dst.UnsafeAddr()))
		c.undo = append(c.undo, func() { dst.Set(old) })
	}
	dst.Set(v)
}

// assign gives every field of the kept object *dst the value it has in v,
// noting each that changes.
func assign[T any](c *Changes, dst *T, v T) {
	d, s := reflect.ValueOf(dst).Elem(), reflect.ValueOf(v)
	for i := range d.NumField() {
		c.set(d.Field(i), s.Field(i))
	}
}

// keep adds a change of something other than a field (a kept map's entry)
// to be undone with the build.
func (c *Changes) keep(undo func()) {
	if c != nil {
		c.undo = append(c.undo, undo)
	}
}

// rollback sets every changed field back, last change first.
func (c *Changes) rollback() {
	for i := len(c.undo) - 1; i >= 0; i-- {
		c.undo[i]()
	}
	c.undo = nil
}

// identities are the types whose objects are compared by address: the
// model's own, which an update keeps (so a new one is another), and the
// parses the load cache keeps while a file is the same. The objects of
// other types — figures, sources, places, charts, datasets, resolved
// figures, photos: made anew by each build from data that may not have
// changed — are compared by what they hold.
var identities = map[reflect.Type]bool{
	reflect.TypeFor[Site]():      true,
	reflect.TypeFor[Campaign]():  true,
	reflect.TypeFor[Activity]():  true,
	reflect.TypeFor[Township]():  true,
	reflect.TypeFor[Breakdown](): true,
	reflect.TypeFor[Story]():     true,
	reflect.TypeFor[Page]():      true,
	reflect.TypeFor[StoryList](): true,
	reflect.TypeFor[load.Doc]():  true,
	// the marks of a parse, by which a Resolved finds what each shows
	reflect.TypeFor[markdown.FigureRef]():  true,
	reflect.TypeFor[markdown.ChartBlock](): true,
}

// same reports whether two values of one type read the same: strings and
// numbers by value, structs field by field, slices element by element (a
// nil slice differs from an empty one, as %#v prints them), maps key by
// key, pointers by address or by what they point to (identities).
func (c *Changes) same(a, b reflect.Value) bool {
	return c.sameIn(a, b, nil)
}

// sameIn is same, with the pairs of pointers being compared (a pair met
// again is a cycle: the same so far).
func (c *Changes) sameIn(a, b reflect.Value, seen map[[2]uintptr]bool) bool {
	switch a.Kind() {
	case reflect.Pointer:
		if a.Pointer() == b.Pointer() {
			return true
		}
		if a.IsNil() || b.IsNil() || identities[a.Type().Elem()] {
			return false
		}
		pair := [2]uintptr{a.Pointer(), b.Pointer()}
		if eq, ok := c.compared(pair); ok {
			return eq
		}
		if seen[pair] {
			return true
		}
		outer := seen == nil // this pair's answer does not rest on one assumed
		if outer {
			seen = map[[2]uintptr]bool{}
		}
		seen[pair] = true
		eq := c.sameIn(a.Elem(), b.Elem(), seen)
		if c != nil && outer {
			c.equal[pair] = eq
		}
		return eq
	case reflect.Interface:
		if a.IsNil() || b.IsNil() || a.Elem().Type() != b.Elem().Type() {
			return a.IsNil() && b.IsNil()
		}
		return c.sameIn(a.Elem(), b.Elem(), seen)
	case reflect.Slice:
		if a.Len() != b.Len() || a.IsNil() != b.IsNil() {
			return false
		}
		if a.Len() == 0 || a.Pointer() == b.Pointer() {
			return true
		}
		for i := range a.Len() {
			if !c.sameIn(a.Index(i), b.Index(i), seen) {
				return false
			}
		}
		return true
	case reflect.Array:
		for i := range a.Len() {
			if !c.sameIn(a.Index(i), b.Index(i), seen) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !c.sameIn(a.Field(i), b.Field(i), seen) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() || a.IsNil() != b.IsNil() {
			return false
		}
		if a.Pointer() == b.Pointer() {
			return true
		}
		iter := a.MapRange()
		for iter.Next() {
			w := b.MapIndex(iter.Key())
			if !w.IsValid() || !c.sameIn(iter.Value(), w, seen) {
				return false
			}
		}
		return true
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return a.Pointer() == b.Pointer()
	}
	return a.Equal(b)
}

// compared is the answer kept for a pair of pointers compared before in
// this build: the objects of other stages are compared once each.
func (c *Changes) compared(pair [2]uintptr) (eq, ok bool) {
	if c == nil {
		return false, false
	}
	if c.equal == nil {
		c.equal = map[[2]uintptr]bool{}
	}
	eq, ok = c.equal[pair]
	return eq, ok
}

// siteChanges lists the fields in which two builds' Sites differ.
func (c *Changes) siteChanges(old, cur *Site) []Field {
	var out []Field
	o, n := reflect.ValueOf(old).Elem(), reflect.ValueOf(cur).Elem()
	for i := range o.NumField() {
		if !c.same(o.Field(i), n.Field(i)) {
			out = append(out, SiteField(i))
		}
	}
	return out
}
