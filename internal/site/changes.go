package site

import (
	"reflect"
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
}

// set gives the field dst the value v when they differ, noting it (and
// how to set it back) unless c is nil. Values are compared as a
// template would tell them apart: pointers by address, strings and
// numbers by value, slices element by element (the elements of the
// model's slices are comparable).
func (c *Changes) set(dst, v reflect.Value) {
	if same(dst, v) {
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

// same reports whether two values of one type read the same: pointers by
// address, strings and numbers by value, structs field by field, slices
// element by element (a nil slice differs from an empty one, as %#v
// prints them).
func same(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Slice:
		if a.Len() != b.Len() || a.IsNil() != b.IsNil() {
			return false
		}
		if a.Len() == 0 || a.Pointer() == b.Pointer() {
			return true
		}
		for i := range a.Len() {
			if !same(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !same(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return a.Equal(b)
}

// siteChanges lists the fields in which two builds' Sites differ.
func siteChanges(old, cur *Site) []Field {
	var out []Field
	o, n := reflect.ValueOf(old).Elem(), reflect.ValueOf(cur).Elem()
	for i := range o.NumField() {
		if !same(o.Field(i), n.Field(i)) {
			out = append(out, SiteField(i))
		}
	}
	return out
}
