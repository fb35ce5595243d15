package render

import (
	"hash/maphash"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

// Signatures hash, for the pages of one build, the values their templates
// read (reads.go): two builds that give a page the same signature render it
// the same. Values several pages read (the site's header data, an
// activity, a figure) are hashed once. Signing a page also lists the
// fields of the model's objects it read (Reads): a preview that keeps the
// model between builds (site.Kept) signs again only the pages that read a
// field the build changed. Not safe for concurrent use.
type Signatures struct {
	theme *Theme
	site  *site.Site
	seed  maphash.Seed
	// over is set when a value could not be hashed (too large, a function):
	// the page then has no signature.
	over  bool
	deeps map[deepKey]typedSum
	subs  map[subKey]typedSum
	ways  map[*readNode][]way
	// positions lists, by struct type, which fields hold input positions.
	positions map[reflect.Type][]bool
	seen      []uintptr // pointers met on the current deep walk (a few)
	steps     int       // values the current deep walk visited
	// reads are the fields of model objects the page being signed read
	// (hashes kept for several pages keep the reads they were made from).
	reads []site.Field
	// model tells, by struct type, whether it is one of the model's
	// (package site): only their objects change between builds.
	model map[reflect.Type]bool
}

// maxDeepValues and maxDeepPointers bound one value hashed whole: a
// template printing the whole site, say, makes its pages unsigned rather
// than slow.
const (
	maxDeepValues   = 1 << 14
	maxDeepPointers = 1 << 8
)

// Kept hashes are found by address (hashing a reflect.Type costs more
// than the rest of a lookup) and checked against the type.
type deepKey struct {
	ptr       uintptr
	positions bool
}

type subKey struct {
	node *readNode
	ptr  uintptr
}

type typedSum struct {
	typ   reflect.Type
	sum   uint64
	reads []site.Field
}

// Signatures hashes what the pages of s read; seed must be the same for
// signatures to be compared.
func (t *Theme) Signatures(s *site.Site, seed maphash.Seed) *Signatures {
	return &Signatures{theme: t, site: s, seed: seed, deeps: map[deepKey]typedSum{}, subs: map[subKey]typedSum{}, ways: map[*readNode][]way{}, positions: map[reflect.Type][]bool{}, model: map[reflect.Type]bool{}}
}

// Reads lists the fields of the model's objects the page last signed read
// (valid until the next Page).
func (g *Signatures) Reads() []site.Field { return g.reads }

// Page is p's signature; ok is false when p must be rendered whatever
// changed (its templates do what the reads cannot follow, or read a value
// too large to hash).
func (g *Signatures) Page(p *site.Page) (sum uint64, ok bool) {
	defer func() {
		if recover() != nil {
			sum, ok = 0, false // a value the walk did not expect: render the page
		}
	}()
	plan := g.theme.plans[p.Kind]
	if plan == nil || plan.unbounded || plan.root.how&^readTruth != 0 {
		return 0, false // or the whole data is read: the page's Markdown too, which is not at hand
	}
	g.over, g.reads = false, g.reads[:0]
	sum = g.text(p.Kind)
	root := reflect.ValueOf(pageData{Site: g.site, Page: p})
	for _, c := range plan.root.next {
		if c.step == "Content" {
			sum = fold(sum, g.content(c, p))
			continue
		}
		sum = fold(sum, g.step(c, root))
	}
	return sum, !g.over
}

// content hashes what a page's rendered Markdown is made from: the parse
// (which a preview keeps while the file's bytes stay the same) and what
// its references and chart blocks resolved to in this build.
func (g *Signatures) content(n *readNode, p *site.Page) uint64 {
	sum := fold(uint64(n.id), uint64(n.how))
	g.reads = append(g.reads, site.FieldAt(reflect.ValueOf(&p.Doc).Pointer()), site.FieldAt(reflect.ValueOf(&p.Resolved).Pointer()))
	if p.Doc != nil {
		sum = fold(sum, p.Doc.Parsed)
		for _, r := range p.Resolved.Shown() {
			sum = fold(sum, g.deep(reflect.ValueOf(r), true))
		}
	}
	return sum
}

// node hashes the reads of n on v and of the paths below it.
func (g *Signatures) node(n *readNode, v reflect.Value) uint64 {
	key, shared := subKey{node: n}, false
	if !n.perPage && v.Kind() == reflect.Pointer && !v.IsNil() {
		key.ptr, shared = v.Pointer(), true
		if kept, ok := g.subs[key]; ok && kept.typ == v.Type() {
			g.reads = append(g.reads, kept.reads...)
			return kept.sum
		}
	}
	from := len(g.reads)
	sum := uint64(n.id)
	switch {
	case n.how&readWhole != 0:
		sum = fold(sum, g.deep(v, true))
	case n.how&readShown != 0:
		sum = fold(sum, g.deep(v, false))
	}
	if n.how&readTruth != 0 {
		sum = fold(sum, uint64(truthByte(v)))
	}
	if n.how&readLen != 0 {
		sum = fold(sum, g.length(v))
	}
	for _, c := range n.next {
		sum = fold(sum, g.step(c, v))
	}
	if shared {
		g.subs[key] = typedSum{v.Type(), sum, slices.Clone(g.reads[from:])}
	}
	return sum
}

// step hashes the path c, one step below the value v.
func (g *Signatures) step(c *readNode, v reflect.Value) uint64 {
	switch {
	case c.step == elemStep:
		return g.elements(c, v)
	case strings.HasPrefix(c.step, "[:"):
		n, _ := strconv.Atoi(c.step[2 : len(c.step)-1])
		return g.node(c, firstOf(v, n))
	case strings.HasPrefix(c.step, "["):
		n, _ := strconv.Atoi(c.step[1 : len(c.step)-1])
		return g.node(c, indexOf(v, n))
	}
	next, method := g.field(c, v)
	if method {
		// Whatever the method returns is made from its receiver (and its
		// arguments, read where they are written).
		return fold(uint64(c.id), g.deep(v, true))
	}
	return g.node(c, next)
}

// elements hashes the paths below "every element" of v, as range and
// index walk them.
func (g *Signatures) elements(c *readNode, v reflect.Value) uint64 {
	v, _ = indirect(v)
	sum := uint64(c.id)
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			sum = fold(sum, g.node(c, v.Index(i)))
		}
	case reflect.String:
		sum = fold(sum, g.text(v.String())) // index of a string is one of its bytes
	case reflect.Map:
		var all uint64 // in no order: a template walks keys sorted, and the keys are hashed with them
		iter := v.MapRange()
		for iter.Next() {
			all += fold(g.deep(iter.Key(), true), g.node(c, iter.Value()))
		}
		sum = fold(sum, all)
	case reflect.Invalid, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		// nothing below, or range over a number (its value is read with its length)
	default:
		g.over = true // a channel or an iterator function
	}
	return sum
}

func firstOf(v reflect.Value, n int) reflect.Value {
	v, _ = indirect(v)
	switch v.Kind() {
	case reflect.Slice, reflect.String:
		return v.Slice(0, min(n, v.Len()))
	case reflect.Array:
		if v.CanAddr() {
			return v.Slice(0, min(n, v.Len()))
		}
	}
	return v // limit refuses it, and the build fails
}

func indexOf(v reflect.Value, n int) reflect.Value {
	v, _ = indirect(v)
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.String:
		if n < v.Len() {
			return v.Index(n)
		}
	case reflect.Map:
		switch key := v.Type().Key(); key.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return v.MapIndex(reflect.ValueOf(n).Convert(key))
		}
	}
	return reflect.Value{}
}

// way is how text/template reaches a name on a type (addressable or
// not): a method, a field (by index) or a map key.
type way struct {
	typ    reflect.Type
	addr   bool
	method bool
	field  []int
	key    bool
}

// field follows c's name from v as text/template does: a method of the
// value (or of its address), else a struct field, else a map key. method
// is true when the name is a method of v.
func (g *Signatures) field(c *readNode, v reflect.Value) (next reflect.Value, method bool) {
	if !v.IsValid() {
		return reflect.Value{}, false
	}
	recv, isNil := indirect(v)
	if recv.Kind() == reflect.Interface && isNil {
		return reflect.Value{}, false
	}
	typ, addr := recv.Type(), recv.Kind() != reflect.Interface && recv.Kind() != reflect.Pointer && recv.CanAddr()
	var w way
	i := slices.IndexFunc(g.ways[c], func(w way) bool { return w.typ == typ && w.addr == addr })
	if i >= 0 {
		w = g.ways[c][i]
	} else {
		w = findWay(typ, addr, c.step)
		g.ways[c] = append(g.ways[c], w)
	}
	switch {
	case w.method:
		return reflect.Value{}, true
	case w.field != nil:
		f, err := recv.FieldByIndexErr(w.field)
		if err != nil {
			return reflect.Value{}, false // through a nil embedded pointer: execution fails
		}
		g.read(recv, w.field[0], f)
		return f, false
	case w.key:
		return recv.MapIndex(reflect.ValueOf(c.step).Convert(recv.Type().Key())), false
	}
	return reflect.Value{}, false
}

func findWay(typ reflect.Type, addr bool, name string) way {
	methods := typ
	if addr {
		methods = reflect.PointerTo(typ)
	}
	w := way{typ: typ, addr: addr}
	if _, ok := methods.MethodByName(name); ok {
		w.method = true
		return w
	}
	switch typ.Kind() {
	case reflect.Struct:
		if f, ok := typ.FieldByName(name); ok && f.IsExported() {
			w.field = f.Index
		}
	case reflect.Map:
		w.key = typ.Key().Kind() == reflect.String
	}
	return w
}

// siteType is the model's root object, a new one every build: its fields
// are known by their index (site.SiteField), the other objects' by their
// address.
var siteType = reflect.TypeFor[site.Site]()

// read notes that the field f of the struct recv (its i-th, or in its i-th)
// was read, when recv is one of the model's objects.
func (g *Signatures) read(recv reflect.Value, i int, f reflect.Value) {
	if !recv.CanAddr() || !g.ofModel(recv.Type()) {
		return
	}
	if recv.Type() == siteType {
		g.reads = append(g.reads, site.SiteField(i))
		return
	}
	g.reads = append(g.reads, site.FieldAt(f.UnsafeAddr()))
}

// ofModel reports whether t is a struct type of the model (package site).
func (g *Signatures) ofModel(t reflect.Type) bool {
	is, ok := g.model[t]
	if !ok {
		is = t.PkgPath() == siteType.PkgPath()
		g.model[t] = is
	}
	return is
}

// indirect follows pointers and interfaces as text/template does.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// truthByte is text/template's truth of v.
func truthByte(v reflect.Value) byte {
	if !v.IsValid() {
		return 0
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return b2b(v.Len() > 0)
	case reflect.Bool:
		return b2b(v.Bool())
	case reflect.Complex64, reflect.Complex128:
		return b2b(v.Complex() != 0)
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return b2b(!v.IsNil())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return b2b(v.Int() != 0)
	case reflect.Float32, reflect.Float64:
		return b2b(v.Float() != 0)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return b2b(v.Uint() != 0)
	}
	return 1 // a struct
}

func b2b(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// length hashes how many elements v has, as range and len read it: a
// map's keys, a number's value.
func (g *Signatures) length(v reflect.Value) uint64 {
	v, _ = indirect(v)
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.Chan:
		return uint64(v.Len())
	case reflect.String:
		return g.text(v.String())
	case reflect.Map:
		var keys uint64
		iter := v.MapRange()
		for iter.Next() {
			keys += fold(g.deep(iter.Key(), true), 1)
		}
		return fold(keys, uint64(v.Len()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return uint64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	case reflect.Invalid:
		return math.MaxUint64
	}
	g.over = true // an iterator function
	return 0
}

// Types of where the input wrote something, for messages only: a value
// handed to one of jinzhan's functions is hashed without them, so that a
// line added above a figure does not render again every page citing it.
// Printed, compared or a method's receiver, a value is hashed with them.
var (
	metaType = reflect.TypeFor[strictyaml.Meta]()
	posType  = reflect.TypeFor[diag.Pos]()
)

// deep hashes everything reachable from v (without input positions
// unless positions); a pointer's hash is kept for the build.
func (g *Signatures) deep(v reflect.Value, positions bool) uint64 {
	var key deepKey
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		key = deepKey{v.Pointer(), positions}
		if kept, ok := g.deeps[key]; ok && kept.typ == v.Type() {
			g.reads = append(g.reads, kept.reads...)
			return kept.sum
		}
	}
	g.seen, g.steps = g.seen[:0], 0
	overBefore := g.over
	g.over = false
	from := len(g.reads)
	sum := g.walkDeep(v, positions)
	over := g.over
	g.over = overBefore || over
	if key.ptr != 0 && !over {
		g.deeps[key] = typedSum{v.Type(), sum, slices.Clone(g.reads[from:])}
	}
	return sum
}

func (g *Signatures) walkDeep(v reflect.Value, positions bool) uint64 {
	if g.over {
		return 0
	}
	if g.steps++; g.steps > maxDeepValues {
		g.over = true
		return 0
	}
	sum := uint64(v.Kind())
	switch v.Kind() {
	case reflect.Invalid:
	case reflect.Bool:
		sum = fold(sum, uint64(b2b(v.Bool())))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sum = fold(sum, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		sum = fold(sum, v.Uint())
	case reflect.Float32, reflect.Float64:
		sum = fold(sum, math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		sum = fold(fold(sum, math.Float64bits(real(c))), math.Float64bits(imag(c)))
	case reflect.String:
		sum = fold(sum, g.text(v.String()))
	case reflect.Slice, reflect.Array:
		sum = fold(sum, uint64(v.Len()))
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return fold(sum, maphash.Bytes(g.seed, v.Bytes()))
		}
		for i := range v.Len() {
			sum = fold(sum, g.walkDeep(v.Index(i), positions))
		}
	case reflect.Map:
		var all uint64 // in no order
		iter := v.MapRange()
		for iter.Next() {
			all += fold(g.walkDeep(iter.Key(), positions), g.walkDeep(iter.Value(), positions))
		}
		sum = fold(fold(sum, uint64(v.Len())), all)
	case reflect.Struct:
		var skip []bool
		if !positions {
			skip = g.positionFields(v.Type())
		}
		for i := range v.NumField() {
			if skip == nil || !skip[i] {
				g.read(v, i, v.Field(i))
				sum = fold(sum, g.walkDeep(v.Field(i), positions))
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			return sum
		}
		if at := slices.Index(g.seen, v.Pointer()); at >= 0 {
			return fold(sum, uint64(at)) // a cycle, or a value met twice
		}
		if len(g.seen) == maxDeepPointers {
			g.over = true
			return 0
		}
		g.seen = append(g.seen, v.Pointer())
		sum = fold(sum, g.walkDeep(v.Elem(), positions))
	case reflect.Interface:
		if v.IsNil() {
			return sum
		}
		sum = fold(fold(sum, g.text(v.Elem().Type().String())), g.walkDeep(v.Elem(), positions))
	default:
		g.over = true // a function, a channel: not a value to compare
	}
	return sum
}

// positionFields marks the fields of a struct type that hold input
// positions (nil: none).
func (g *Signatures) positionFields(t reflect.Type) []bool {
	skip, ok := g.positions[t]
	if !ok {
		for i := range t.NumField() {
			if f := t.Field(i).Type; f == metaType || f == posType {
				if skip == nil {
					skip = make([]bool, t.NumField())
				}
				skip[i] = true
			}
		}
		g.positions[t] = skip
	}
	return skip
}

// text hashes a string.
func (g *Signatures) text(s string) uint64 { return maphash.String(g.seed, s) }

// fold adds x to the hash sum (in order: fold(fold(s, a), b) differs from
// fold(fold(s, b), a)); the multiply-xorshift steps are splitmix64's.
func fold(sum, x uint64) uint64 {
	z := sum*0x9e3779b97f4a7c15 ^ x
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	return z ^ z>>31
}
