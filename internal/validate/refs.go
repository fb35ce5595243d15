package validate

import (
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// unresolved reports a reference that names no figure, saying what it
// names instead when it names something: a series cited without a point,
// a point the series does not have, @ after a figure that is not a series,
// the actual of a target that has none.
func (v *validator) unresolved(ref, scope string, pos diag.Pos, field string) {
	if name, date, ok := strings.Cut(ref, PointMark); ok {
		s, isSeries := lookup(v.cat.Series, name, scope)
		_, isFigure := v.cat.Cite(name, scope)
		switch {
		case isSeries:
			hint := diag.T("write the date of a point as the data file writes it (%s), or latest", strings.Join(s.Dates()[:len(s.Points)], ", "))
			if near := diag.Nearest(date, s.Dates()); near != "" {
				hint = diag.T("did you mean %s?", name+PointMark+near)
			}
			v.list.Errorf(pos, field, hint, "series %s has no point dated %q", name, date)
		case isFigure:
			v.list.Errorf(pos, field, diag.T("write %s without @: only a point of a series is cited with @ and its date", name), "%s is a figure, not a series", name)
		default:
			v.list.Errorf(pos, field, suggest(name, v.seriesNames(scope), diag.T("define it under series: in an activity file")), "unknown series %q", name)
		}
		return
	}
	if s, ok := lookup(v.cat.Series, ref, scope); ok && len(s.Points) > 0 {
		v.list.Errorf(pos, field, diag.T("write the date of a point after @, e.g. %s@%s, or %s@latest for the newest", ref, s.Points[0].Date.ISO(), ref),
			"%s is a series: cite one of its points", ref)
		return
	}
	if name, ok := strings.CutSuffix(ref, ActualSuffix); ok {
		if t, ok := lookup(v.cat.Targets, name, scope); ok && t.Actual == nil {
			v.list.Errorf(pos, field, diag.T("add actual: to the target, or cite its goal as %s", name), "target %s has no actual value", name)
			return
		}
	}
	v.list.Errorf(pos, field, v.refHint(ref, scope, false), "unknown figure %q", ref)
}

// lookup finds name in m relative to scope (when scope is not ""), then
// as a full reference.
func lookup[V any](m map[string]V, name, scope string) (V, bool) {
	if scope != "" {
		if x, ok := m[scope+"."+name]; ok {
			return x, true
		}
	}
	x, ok := m[name]
	return x, ok
}

// citable lists what a reference may name, for suggestions: every figure,
// each target's actual and each series (whose points follow an @); relative
// to scope when scope is not "".
func (v *validator) citable(scope string) []string {
	all := v.cat.FigureRefs()
	for _, ref := range sortedKeys(v.cat.Targets) {
		if v.cat.Targets[ref].Actual != nil {
			all = append(all, ref+ActualSuffix)
		}
	}
	all = append(all, sortedKeys(v.cat.Series)...)
	if scope == "" {
		return all
	}
	var out []string
	for _, ref := range all {
		if rest, ok := strings.CutPrefix(ref, scope+"."); ok {
			out = append(out, rest)
		}
	}
	return out
}

// seriesNames lists the series a reference may name, relative to scope
// when scope is not "".
func (v *validator) seriesNames(scope string) []string {
	var out []string
	for _, ref := range sortedKeys(v.cat.Series) {
		if scope == "" {
			out = append(out, ref)
		} else if rest, ok := strings.CutPrefix(ref, scope+"."); ok {
			out = append(out, rest)
		}
	}
	return out
}
