package render

import (
	"bytes"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
)

// Fragments. The site header and footer, a story's list entry and a
// figure's table row are the same on thousands of pages, and html/template's
// escaping makes each rendering costly, so the theme's templates render them
// through "cached": {{cached "figure-row" . .}} renders the template
// figure-row with the data (the last argument) once per build and key (the
// second). The key names what the fragment shows, so it must cover all the
// fragment reads: that holds for jinzhan's own templates, checked by
// rendering sites with and without the cache (theme_test.go), and for
// nothing else. So a fragment is kept only when its template, and every
// template it calls, is jinzhan's own, and no template of the site's calls
// "cached" (its key would be the site's guess); otherwise it is rendered
// every time. A key names one build's things: a pointer to one of them, or
// — with a page's data — anything, taken with the build's model.

// fragmentKey names one kept rendering.
type fragmentKey struct {
	name string
	key  any
	site *site.Site // the build a key such as a menu item's URL belongs to
}

// fragmentStore keeps the renderings of the build being rendered; a
// page of another build empties it (no key names that build's things, so
// this only frees memory).
type fragmentStore struct {
	mu    sync.Mutex // held while the store changes build
	site  atomic.Pointer[site.Site]
	saved atomic.Pointer[sync.Map]
}

func (f *fragmentStore) use(s *site.Site) {
	if f.site.Load() == s {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.site.Load() != s {
		f.saved.Store(new(sync.Map))
		f.site.Store(s)
	}
}

// builtinFiles tells, for the theme being read, whether a file reads as
// jinzhan's own theme has it (theme.Layers.Builtin), asking once a file.
type builtinFiles struct {
	layers theme.Layers
	known  map[string]bool
}

func (b *builtinFiles) has(name string) bool {
	is, ok := b.known[name]
	if !ok {
		is = b.layers.Builtin(name)
		b.known[name] = is
	}
	return is
}

// fragmentFunc is "cached" for one template set: the kept rendering of
// template name with data for key, or a fresh one.
type fragmentFunc func(name string, key, data any) (template.HTML, error)

// withCache gives set its "cached" function: kept renderings for the
// fragments cacheable in set, a rendering every time for the others. It
// returns the function too (for the pages jinzhan writes in Go,
// ownpages.go) and which of set's templates are jinzhan's own throughout.
func (t *Theme) withCache(set *template.Template, builtin *builtinFiles) (*template.Template, fragmentFunc, map[string]bool) {
	keep := cacheable(set, builtin)
	render := func(name string, data any) (template.HTML, error) {
		var buf bytes.Buffer
		if err := set.ExecuteTemplate(&buf, name, data); err != nil {
			return "", err
		}
		// The fragment was escaped for the HTML body, where "cached" is used.
		return template.HTML(buf.String()), nil
	}
	cached := func(name string, key, data any) (template.HTML, error) {
		k := fragmentKey{name: name, key: key}
		if d, ok := data.(pageData); ok {
			k.site = d.Site
		}
		saved := t.fragments.saved.Load()
		if !keep[name] || saved == nil || !reflect.ValueOf(key).Comparable() || (k.site == nil && !pointer(key)) {
			return render(name, data)
		}
		if v, ok := saved.Load(k); ok {
			return v.(template.HTML), nil
		}
		h, err := render(name, data)
		if err == nil {
			saved.Store(k, h)
		}
		return h, err
	}
	return set.Funcs(template.FuncMap{"cached": cached}), cached, keep
}

func pointer(key any) bool {
	v := reflect.ValueOf(key)
	return v.Kind() == reflect.Pointer && !v.IsNil()
}

// cacheable lists the fragments whose renderings set may keep: jinzhan's
// own templates calling only jinzhan's own, when no template of the
// site's calls "cached".
func cacheable(set *template.Template, files *builtinFiles) map[string]bool {
	trees := map[string]*parse.Tree{}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			trees[t.Name()] = t.Tree
		}
	}
	builtin := func(tree *parse.Tree) bool { return files.has(tree.ParseName) }
	for _, tree := range trees {
		if !builtin(tree) && callsCached(tree.Root) {
			return nil
		}
	}
	keep := map[string]bool{}
	var own func(name string, seen map[string]bool) bool
	own = func(name string, seen map[string]bool) bool {
		tree, ok := trees[name]
		if !ok || !builtin(tree) {
			return false
		}
		if seen[name] {
			return true
		}
		seen[name] = true
		for _, callee := range callees(tree.Root) {
			if !own(callee, seen) {
				return false
			}
		}
		return true
	}
	for name := range trees {
		if own(name, map[string]bool{}) {
			keep[name] = true
		}
	}
	return keep
}

// callsCached reports whether a template calls "cached".
func callsCached(root parse.Node) bool {
	found := false
	eachNode(root, func(n parse.Node) {
		if id, ok := n.(*parse.IdentifierNode); ok && id.Ident == "cached" {
			found = true
		}
	})
	return found
}

// callees are the templates a template calls ({{template}} and cached
// with a written name); "" for a name made at run time.
func callees(root parse.Node) []string {
	var out []string
	eachNode(root, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.TemplateNode:
			out = append(out, n.Name)
		case *parse.CommandNode:
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok && id.Ident == "cached" {
				name := ""
				if len(n.Args) > 1 {
					if s, ok := n.Args[1].(*parse.StringNode); ok {
						name = s.Text
					}
				}
				out = append(out, name)
			}
		}
	})
	return out
}

// eachNode calls visit on every node of a parse tree.
func eachNode(n parse.Node, visit func(parse.Node)) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	visit(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			eachNode(c, visit)
		}
	case *parse.ActionNode:
		eachNode(n.Pipe, visit)
	case *parse.IfNode:
		eachBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		eachBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		eachBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		eachNode(n.Pipe, visit)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			eachNode(c, visit)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			eachNode(a, visit)
		}
	case *parse.ChainNode:
		eachNode(n.Node, visit)
	}
}

func eachBranch(b *parse.BranchNode, visit func(parse.Node)) {
	eachNode(b.Pipe, visit)
	eachNode(b.List, visit)
	eachNode(b.ElseList, visit)
}
