package render

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// Streaming stories. A one-off build can render each story's page as soon
// as its text is read and let the text go (build's stream), so that memory
// does not grow with the stories' texts, when the layouts allow it: a
// story page may read nothing the other stories make — the lists of
// stories, the pages, the charts, what the activity texts add — and no
// other page may read a story's text, which is gone by the time it renders
// (the feeds keep the texts they show; they are jinzhan's). The read plans
// (reads.go) tell, for the theme's layouts and the site's own alike; where
// they cannot tell, the build takes the whole path.

// StreamsStories reports whether the theme's layouts let a build render
// each story's page while the texts are read; why says what stops it.
func (t *Theme) StreamsStories() (ok bool, why string) {
	for _, kind := range pageKinds {
		plan := t.plans[kind]
		switch {
		case plan == nil:
			return false, kind + " pages have no read plan"
		case plan.unbounded:
			return false, kind + " pages: " + plan.why
		case plan.root.how&^readTruth != 0:
			return false, kind + " pages read their whole data"
		}
		w := planWalk{story: kind == "story"}
		root := reflect.TypeFor[pageData]()
		for _, c := range plan.root.next {
			if why := w.node(c, root, "", false); why != "" {
				return false, kind + " pages read " + why
			}
		}
	}
	return true, ""
}

// planWalk follows a read plan with the types of the values it reads.
type planWalk struct {
	story bool // the plan is a story page's
}

// node checks c, a step from a value of type from; path names the value
// (for why); own is set for the steps from the page's own Page.
func (w planWalk) node(c *readNode, from reflect.Type, path string, own bool) string {
	at := strings.TrimPrefix(path+"."+c.step, ".")
	typ, why := w.step(from, c.step, own)
	if why != "" {
		return at + ": " + why
	}
	if c.how&(readShown|readWhole) != 0 && reachesModel(typ, map[reflect.Type]bool{}) {
		return at + " whole"
	}
	for _, n := range c.next {
		if why := w.node(n, typ, at, at == "Page"); why != "" {
			return why
		}
	}
	return ""
}

// step is the type of the value step reaches from a value of type from,
// or why the walk may not take it; own is set when from is the page's
// own Page.
func (w planWalk) step(from reflect.Type, step string, own bool) (reflect.Type, string) {
	for from.Kind() == reflect.Pointer {
		from = from.Elem()
	}
	switch {
	case strings.HasPrefix(step, "[:"): // the first n: a part of the same list
		return from, ""
	case step == elemStep || strings.HasPrefix(step, "["):
		if k := from.Kind(); k == reflect.Slice || k == reflect.Array || k == reflect.Map {
			return from.Elem(), ""
		}
		return nil, "an element of a " + from.Kind().String()
	case from.Kind() == reflect.Map:
		return from.Elem(), ""
	case from.Kind() != reflect.Struct:
		return nil, "a field of a " + from.Kind().String()
	}
	if f, ok := from.FieldByName(step); ok {
		if w.story {
			for _, late := range site.FinishedFields[from] {
				if late == step {
					return nil, "what the other texts make"
				}
			}
		}
		if !w.story && !own && from == reflect.TypeFor[site.Page]() && (step == "Doc" || step == "Resolved") {
			return nil, "a story's text"
		}
		return f.Type, ""
	}
	if m, ok := reflect.PointerTo(from).MethodByName(step); ok && m.Type.NumOut() > 0 {
		if from.PkgPath() == modelPkg {
			return nil, "a method of the model"
		}
		return m.Type.Out(0), ""
	}
	return nil, fmt.Sprintf("no field %s in %s", step, from)
}

var modelPkg = reflect.TypeFor[site.Site]().PkgPath()

// changing reports whether t holds a field Finish sets
// (site.FinishedFields) or a story's text (site.Page).
func changing(t reflect.Type) bool {
	_, finished := site.FinishedFields[t]
	return finished || t == reflect.TypeFor[site.Page]()
}

// reachesModel reports whether a value of type t holds, at any depth, an
// object of the model the stream changes (changing), which reading it
// whole would read.
func reachesModel(t reflect.Type, seen map[reflect.Type]bool) bool {
	if t == nil || seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return reachesModel(t.Elem(), seen)
	case reflect.Interface:
		return true // could hold anything
	case reflect.Struct:
		if changing(t) {
			return true
		}
		for i := range t.NumField() {
			if reachesModel(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}
