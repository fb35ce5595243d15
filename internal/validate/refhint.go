package validate

import (
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// refNames indexes the figure references for hints, built once per check
// on the first unknown reference.
type refNames struct {
	all     []string            // every reference, sorted
	scopes  []string            // activity slugs and campaign, sorted
	byScope map[string][]string // a scope's references, sorted
}

func (v *validator) refNames() *refNames {
	if v.names != nil {
		return v.names
	}
	n := &refNames{all: v.cat.FigureRefs(), byScope: map[string][]string{}}
	for _, ref := range n.all {
		scope, _, _ := strings.Cut(ref, ".")
		n.byScope[scope] = append(n.byScope[scope], ref)
	}
	n.scopes = sortedKeys(n.byScope)
	v.names = n
	return n
}

// nearRefs are the references a hint offers for an unknown one.
type nearRefs struct {
	names []string
	close bool // close enough to be what was meant
	all   bool // every choice of the part that differs
	// scopes: names are the activities (and campaign), not references.
	scopes bool
}

// nearest finds the references nearest to ref by the part that differs:
// the figure's id when the activity exists, else the activity (an id
// found in another activity, an activity named by its title, or the
// nearest slug), else the list of activities.
func (v *validator) nearest(ref string) nearRefs {
	n := v.refNames()
	first, rest, dotted := strings.Cut(ref, ".")
	if refs, ok := n.byScope[first]; ok {
		switch {
		case dotted:
			return nearestOf(rest, refs)
		case len(refs) <= maxListed:
			return nearRefs{names: refs, all: true}
		}
		return nearRefs{names: refs[:3]}
	}
	if !dotted { // an id without its activity
		rest = first
	}
	var same []string
	for _, r := range n.all {
		if id := r[strings.IndexByte(r, '.')+1:]; id == rest || strings.HasSuffix(id, "."+rest) {
			same = append(same, r)
		}
	}
	if len(same) > 0 {
		return nearRefs{names: same[:min(len(same), 3)], close: true}
	}
	scope := v.activityTitled(first)
	if scope == "" {
		scope = diag.Nearest(first, n.scopes)
	}
	if scope != "" && dotted {
		return nearestOf(rest, n.byScope[scope])
	}
	if !dotted {
		return nearestOf(rest, n.all)
	}
	return nearRefs{names: n.scopes, all: true, scopes: true}
}

// activityTitled is the slug of the activity whose title or short title
// is name (an editor writing 帮扶 for help), or "".
func (v *validator) activityTitled(name string) string {
	for _, a := range v.in.Activities {
		if name != "" && (a.Title == name || a.ShortTitle == name) {
			return a.Slug
		}
	}
	return ""
}

// nearestOf picks among refs by their id (what follows the activity): the
// nearest when close, else those holding the id (income: income-2013 and
// income-2020), else all of them when few, else the nearest three.
func nearestOf(id string, refs []string) nearRefs {
	ids := make([]string, len(refs))
	byID := map[string]string{}
	for i, r := range refs {
		ids[i] = r[strings.IndexByte(r, '.')+1:]
		byID[ids[i]] = r
	}
	if near := diag.Nearest(id, ids); near != "" {
		return nearRefs{names: []string{byID[near]}, close: true}
	}
	var holding []string
	for i, other := range ids {
		if id != "" && strings.Contains(other, id) && len(holding) < 3 {
			holding = append(holding, refs[i])
		}
	}
	if len(holding) > 0 {
		return nearRefs{names: holding, close: true}
	}
	if len(refs) <= maxListed {
		return nearRefs{names: refs, all: true}
	}
	var out []string
	for _, near := range diag.Closest(id, ids, 3) {
		out = append(out, byID[near])
	}
	return nearRefs{names: out}
}

// refHint is the hint for an unknown reference ref (relative to scope
// when scope is not ""); braces writes the references offered as {{…}}.
func (v *validator) refHint(ref, scope string, braces bool) diag.Text {
	first, _, _ := strings.Cut(ref, ".")
	if _, full := v.refNames().byScope[first]; scope != "" && !full {
		return suggest(ref, v.scopeIDs(scope), v.howToWriteRef())
	}
	if len(v.refNames().all) == 0 {
		return v.howToWriteRef()
	}
	near := v.nearest(ref)
	names := near.names
	if braces && !near.scopes {
		names = make([]string, len(near.names))
		for i, r := range near.names {
			names[i] = "{{" + r + "}}"
		}
	}
	list := strings.Join(names, ", ")
	switch {
	case near.scopes:
		return diag.T("a reference starts with one of: %s", list)
	case near.close && len(names) == 1:
		return diag.T("did you mean %s?", list)
	case near.close:
		return diag.T("did you mean one of %s?", list)
	case near.all:
		return diag.T("known: %s", list)
	}
	return diag.T("the nearest: %s", list)
}
