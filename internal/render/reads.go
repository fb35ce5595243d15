package render

import (
	"fmt"
	"strconv"
	"strings"
	"text/template/parse"
)

// What a page reads. The preview renders a page again only when something
// it reads changed, and what it reads is found in the templates that render
// it — the theme's or the site's own, whichever they are — never declared
// beside them. This file walks a page kind's parsed templates and notes
// every path from the page's data that an action prints, a condition tests,
// a range walks or a function is handed (a readPlan); readsum.go hashes the
// values at those paths for one page of one build. The plan
// over-approximates: both branches of a condition, every element of a
// range, every value a variable may hold. Where the walk cannot follow a
// template (call, a template name made at run time, endless recursion) the
// plan is unbounded, and such pages are rendered on every rebuild.

// readHow says how a template reads a value.
type readHow uint8

const (
	readTruth readHow = 1 << iota // if, with, not, and, or: empty or not
	readLen                       // range, len: how many (a map's keys, a number's value)
	readShown                     // handed to one of jinzhan's functions: all it shows (not where the input wrote it)
	readWhole                     // printed, compared, a method's receiver: all of it
)

// Steps that are not names: every element, the first n, the n-th.
const elemStep = "[]"

func firstStep(n int) string { return "[:" + strconv.Itoa(n) + "]" }
func indexStep(n int) string { return "[" + strconv.Itoa(n) + "]" }

// readNode is a path from the page's data (the root: Site, Page, Content)
// and how the templates read the value at its end.
type readNode struct {
	step string // a field, method or map key name, or one of the steps above
	how  readHow
	next []*readNode
	id   int // position in the plan, hashed with the value (readsum.go)
	// perPage marks .Page and the values right below it (.Page.Story …),
	// which belong to one page: their hashes are not worth keeping for
	// other pages.
	perPage bool
}

// readPlan is what one kind of page reads from its data.
type readPlan struct {
	root      readNode
	nodes     int
	unbounded bool   // the pages are rendered on every rebuild
	why       string // what could not be followed, for tests
}

// maxPlanNodes and maxPathDepth bound a plan; past them it is unbounded
// (a template recursing down a path, say).
const (
	maxPlanNodes = 4096
	maxPathDepth = 24
)

func (p *readPlan) child(n *readNode, step string, depth int) *readNode {
	for _, c := range n.next {
		if c.step == step {
			return c
		}
	}
	if p.nodes >= maxPlanNodes || depth >= maxPathDepth {
		p.give("paths too many or too deep")
		return nil
	}
	p.nodes++
	c := &readNode{step: step, id: p.nodes, perPage: n == &p.root && step == "Page" || n.perPage && n.step == "Page"}
	n.next = append(n.next, c)
	return c
}

func (p *readPlan) give(why string) {
	if !p.unbounded {
		p.unbounded, p.why = true, why
	}
}

// value is what an expression yields, as far as reads go: the paths it may
// come from. A literal, or a function's result made from arguments read in
// full, comes from none.
type value struct {
	from    []pathRef
	top     bool // could not be followed
	literal any  // a literal's value (a template name, an index), else nil
}

type pathRef struct {
	node  *readNode
	depth int
}

func (v value) union(w value) value {
	out := value{top: v.top || w.top}
	out.from = append(append(out.from, v.from...), w.from...)
	return out
}

// funcKind says how a template function reads its arguments.
type funcKind uint8

const (
	funcShown  funcKind = iota // jinzhan's: reads what each argument shows; the result is made from them
	funcWhole                  // a builtin: reads each argument whole
	funcPick                   // and, or: reads each argument's truth; yields one of them
	funcNot                    // not: reads its argument's truth
	funcLen                    // len: reads how many
	funcIndex                  // index: yields an element of its first argument
	funcSlice                  // slice: yields a part of its first argument
	funcFirst                  // limit n xs: yields the first n of its last argument
	funcCached                 // cached name key data: renders template name with data
	funcOpaque                 // call: cannot be followed
)

// builtinFuncs are text/template's own functions.
var builtinFuncs = map[string]funcKind{
	"and": funcPick, "or": funcPick, "not": funcNot, "len": funcLen, "index": funcIndex, "slice": funcSlice, "call": funcOpaque,
	"html": funcWhole, "js": funcWhole, "print": funcWhole, "printf": funcWhole, "println": funcWhole, "urlquery": funcWhole,
	"eq": funcWhole, "ne": funcWhole, "lt": funcWhole, "le": funcWhole, "gt": funcWhole, "ge": funcWhole,
}

// scope holds the variables of one template invocation ($ included).
type scope struct {
	vars   map[string]value
	parent *scope
}

func (s *scope) find(name string) (*scope, bool) {
	for c := s; c != nil; c = c.parent {
		if _, ok := c.vars[name]; ok {
			return c, true
		}
	}
	return nil, false
}

// analyser walks the templates of one page kind.
type analyser struct {
	plan   *readPlan
	lookup func(name string) *parse.Tree
	funcs  map[string]funcKind // jinzhan's functions that are not funcShown
	done   map[string]bool     // template invocations walked: name and data paths
	active map[string]bool     // invocations being walked (recursion)
	growth int                 // counts variables taking a new path: loops go round again
}

// planReads finds what the template named entry reads from its data.
func planReads(entry string, lookup func(string) *parse.Tree, funcs map[string]funcKind) *readPlan {
	a := &analyser{plan: &readPlan{}, lookup: lookup, funcs: funcs, done: map[string]bool{}, active: map[string]bool{}}
	a.invoke(entry, value{from: []pathRef{{&a.plan.root, 0}}})
	return a.plan
}

// invoke walks template name run with data dot.
func (a *analyser) invoke(name string, dot value) {
	if a.plan.unbounded {
		return
	}
	if dot.top {
		a.plan.give("a template's data cannot be followed")
		return
	}
	key := name + "\x00" + refsKey(dot.from)
	if a.done[key] || a.active[key] {
		return // the same template on the same paths reads the same
	}
	tree := a.lookup(name)
	if tree == nil || tree.Root == nil {
		return // executing it fails, and so does the build
	}
	a.active[key] = true
	a.walk(tree.Root, dot, &scope{vars: map[string]value{"$": dot}})
	delete(a.active, key)
	a.done[key] = true
}

func refsKey(refs []pathRef) string {
	var b strings.Builder
	for _, r := range refs {
		fmt.Fprintf(&b, "%p,", r.node)
	}
	return b.String()
}

func (a *analyser) read(v value, how readHow) {
	if v.top {
		a.plan.give("a value read cannot be followed")
		return
	}
	for _, r := range v.from {
		r.node.how |= how
	}
}

// step follows one field, method or key name (or an element step) from v.
func (a *analyser) step(v value, name string) value {
	out := value{top: v.top}
	for _, r := range v.from {
		if c := a.plan.child(r.node, name, r.depth+1); c != nil {
			out.from = append(out.from, pathRef{c, r.depth + 1})
		} else {
			out.top = true
		}
	}
	return out
}

func (a *analyser) walk(node parse.Node, dot value, sc *scope) {
	if a.plan.unbounded {
		return
	}
	switch n := node.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			a.walk(c, dot, sc)
		}
	case *parse.ActionNode:
		v := a.pipe(n.Pipe, dot, sc)
		if len(n.Pipe.Decl) == 0 {
			a.read(v, readWhole) // printed
		}
	case *parse.IfNode:
		inner := &scope{vars: map[string]value{}, parent: sc}
		a.read(a.pipe(n.Pipe, dot, inner), readTruth)
		a.walk(n.List, dot, &scope{vars: map[string]value{}, parent: inner})
		a.walk(n.ElseList, dot, &scope{vars: map[string]value{}, parent: inner})
	case *parse.WithNode:
		inner := &scope{vars: map[string]value{}, parent: sc}
		v := a.pipe(n.Pipe, dot, inner)
		a.read(v, readTruth)
		a.walk(n.List, v, &scope{vars: map[string]value{}, parent: inner})
		a.walk(n.ElseList, dot, &scope{vars: map[string]value{}, parent: inner})
	case *parse.RangeNode:
		a.rangeNode(n, dot, sc)
	case *parse.TemplateNode:
		data := value{}
		if n.Pipe != nil {
			data = a.pipe(n.Pipe, dot, sc)
		}
		a.invoke(n.Name, data)
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	default:
		a.plan.give(fmt.Sprintf("template node %T", node))
	}
}

// rangeNode walks a range: it reads how many, and runs its body with each
// element as dot, until no variable takes a new path (a variable assigned
// in the body may be read in the next round).
func (a *analyser) rangeNode(n *parse.RangeNode, dot value, sc *scope) {
	inner := &scope{vars: map[string]value{}, parent: sc}
	coll := a.commands(n.Pipe, dot, inner) // its variables are the key and element, bound here
	a.read(coll, readLen)
	elem := a.step(coll, elemStep)
	switch decl := n.Pipe.Decl; len(decl) {
	case 1:
		inner.vars[decl[0].Ident[0]] = elem
	case 2:
		inner.vars[decl[0].Ident[0]] = value{} // an index, or a map key: read with the length
		inner.vars[decl[1].Ident[0]] = elem
	}
	for round := 0; ; round++ {
		before := a.growth
		a.walk(n.List, elem, &scope{vars: map[string]value{}, parent: inner})
		if a.growth == before || a.plan.unbounded {
			break
		}
		if round == 8 {
			a.plan.give("a loop's variables keep growing")
			return
		}
	}
	a.walk(n.ElseList, dot, &scope{vars: map[string]value{}, parent: inner})
}

// pipe evaluates a pipeline and binds its variables.
func (a *analyser) pipe(p *parse.PipeNode, dot value, sc *scope) value {
	if p == nil {
		return value{}
	}
	v := a.commands(p, dot, sc)
	for _, d := range p.Decl {
		name := d.Ident[0]
		if p.IsAssign {
			if owner, ok := sc.find(name); ok {
				old := owner.vars[name]
				merged := dedupe(old.union(v))
				if len(merged.from) > len(old.from) || merged.top != old.top {
					a.growth++
				}
				owner.vars[name] = merged
				continue
			}
		}
		sc.vars[name] = v
	}
	return v
}

// commands evaluates a pipeline's commands, each result the next one's
// last argument.
func (a *analyser) commands(p *parse.PipeNode, dot value, sc *scope) value {
	var v value
	for i, cmd := range p.Cmds {
		var final *value
		if i > 0 {
			final = &v
		}
		v = a.command(cmd, dot, sc, final)
	}
	return v
}

func dedupe(v value) value {
	seen := map[*readNode]bool{}
	out := value{top: v.top}
	for _, r := range v.from {
		if !seen[r.node] {
			seen[r.node] = true
			out.from = append(out.from, r)
		}
	}
	return out
}

// command evaluates one command of a pipeline; final is the previous
// command's result, passed as the last argument.
func (a *analyser) command(cmd *parse.CommandNode, dot value, sc *scope, final *value) value {
	args := func(nodes []parse.Node) []value {
		var out []value
		for _, n := range nodes {
			out = append(out, a.arg(n, dot, sc))
		}
		if final != nil {
			out = append(out, *final)
		}
		return out
	}
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return a.fields(dot, n.Ident, args(cmd.Args[1:]))
	case *parse.ChainNode:
		return a.fields(a.arg(n.Node, dot, sc), n.Field, args(cmd.Args[1:]))
	case *parse.VariableNode:
		return a.fields(a.variable(n.Ident[0], sc), n.Ident[1:], args(cmd.Args[1:]))
	case *parse.IdentifierNode:
		return a.call(n.Ident, cmd.Args[1:], args(cmd.Args[1:]))
	}
	v := a.arg(cmd.Args[0], dot, sc)
	if final != nil {
		a.read(*final, readWhole) // not callable: execution fails
	}
	return v
}

// arg evaluates an argument without reading it: whoever takes it reads it.
func (a *analyser) arg(n parse.Node, dot value, sc *scope) value {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return a.fields(dot, n.Ident, nil)
	case *parse.VariableNode:
		return a.fields(a.variable(n.Ident[0], sc), n.Ident[1:], nil)
	case *parse.ChainNode:
		return a.fields(a.arg(n.Node, dot, sc), n.Field, nil)
	case *parse.PipeNode:
		return a.pipe(n, dot, &scope{vars: map[string]value{}, parent: sc})
	case *parse.IdentifierNode:
		return a.call(n.Ident, nil, nil)
	case *parse.StringNode:
		return value{literal: n.Text}
	case *parse.NumberNode:
		if n.IsInt {
			return value{literal: int(n.Int64)}
		}
		return value{}
	case *parse.BoolNode, *parse.NilNode:
		return value{}
	}
	a.plan.give(fmt.Sprintf("argument %T", n))
	return value{top: true}
}

func (a *analyser) variable(name string, sc *scope) value {
	if owner, ok := sc.find(name); ok {
		return owner.vars[name]
	}
	a.plan.give("variable " + name + " not found")
	return value{top: true}
}

// fields follows a chain of names; a method's arguments are read whole.
func (a *analyser) fields(v value, names []string, args []value) value {
	for _, name := range names {
		v = a.step(v, name)
	}
	for _, arg := range args {
		a.read(arg, readWhole)
	}
	return v
}

// call applies function name to args (nodes: the written arguments, for
// literal template names and indexes).
func (a *analyser) call(name string, nodes []parse.Node, args []value) value {
	kind, ok := a.funcs[name]
	if !ok {
		if kind, ok = builtinFuncs[name]; !ok {
			kind = funcShown
		}
	}
	readAll := func(vs []value, how readHow) {
		for _, v := range vs {
			a.read(v, how)
		}
	}
	switch kind {
	case funcWhole:
		readAll(args, readWhole)
	case funcShown:
		readAll(args, readShown)
	case funcNot:
		readAll(args, readTruth)
	case funcLen:
		readAll(args, readLen)
	case funcPick:
		readAll(args, readTruth)
		var out value
		for _, v := range args {
			out = out.union(v)
		}
		return out
	case funcIndex:
		if len(args) == 0 {
			return value{}
		}
		v := args[0]
		for _, i := range args[1:] {
			if n, ok := i.literal.(int); ok && n >= 0 {
				v = a.step(v, indexStep(n))
				continue
			}
			a.read(i, readWhole)
			v = a.step(v, elemStep)
		}
		return v
	case funcSlice:
		if len(args) == 0 {
			return value{}
		}
		readAll(args[1:], readWhole)
		a.read(args[0], readLen)
		return args[0] // a part of it: every element and its length stand for the part's
	case funcFirst:
		if len(args) < 2 {
			return value{}
		}
		n, xs := args[0], args[len(args)-1]
		if k, ok := n.literal.(int); ok && k >= 0 {
			return a.step(xs, firstStep(k))
		}
		a.read(n, readWhole)
		return xs
	case funcCached:
		if len(args) != 3 {
			return value{}
		}
		name, ok := args[0].literal.(string)
		if !ok {
			a.plan.give("cached with a name made at run time")
			return value{top: true}
		}
		// The key only names the fragment in a cache whose keys are
		// right (cacheable): the output is the template's on the data.
		a.invoke(name, args[2])
	case funcOpaque:
		a.plan.give("function " + name)
		return value{top: true}
	}
	return value{}
}
