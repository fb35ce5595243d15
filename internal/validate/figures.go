package validate

import (
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// figureDefaults are what a metric inherits from its file.
type figureDefaults struct {
	scope  string
	source string
	asOf   load.Date
}

// addFigure checks one metric and records it under prefix.id.
func (v *validator) addFigure(m *load.Metric, path, prefix string, bd *load.Breakdown, def figureDefaults, seen map[string]diag.Pos) {
	if m.ID == "" {
		return // reported as missing
	}
	if !load.ValidSlug(m.ID) {
		v.list.Errorf(m.At("id"), path+".id", diag.T("use lowercase letters, digits and -, e.g. households"), "%q cannot be used in a reference", m.ID)
		return
	}
	if first, dup := seen[m.ID]; dup {
		v.list.Errorf(m.At("id"), path+".id", diag.T("give each figure its own id"), "id %q is already used at %s", m.ID, first)
		return
	}
	seen[m.ID] = m.At("id")
	fig := v.figureOf(m.Value, m.Unit, m.Qualifier, m.AsOf, m.Source, &m.Meta, path, def)
	v.presentation(fig, m.UnitEn, m.DisplayUnit, &m.Meta, path)
	if fig == nil {
		v.broken[prefix+"."+m.ID] = true // reported; references to it stay quiet
		return
	}
	fig.Ref = prefix + "." + m.ID
	fig.Activity = def.scope
	fig.Breakdown = bd
	fig.Label = m.Label
	fig.Note = m.Note
	fig.Pos = m.Pos
	v.cat.Figures[fig.Ref] = fig
	if m.PartOf != "" {
		v.parts = append(v.parts, part{fig: fig, of: m.PartOf, pos: m.At("part_of"), path: path + ".part_of"})
	}
}

// part is a figure declared part of another (part_of), checked once every
// figure is known.
type part struct {
	fig  *Figure
	of   string
	pos  diag.Pos
	path string
}

// approximate qualifiers: a source that rounds may have parts a little
// above their total without being wrong.
var approximate = map[string]bool{"余": true, "多": true, "近": true, "约": true, "以上": true, "超过": true, "至少": true}

// checkParts compares the sum of each total's parts with the total.
func (v *validator) checkParts() {
	type group struct {
		total *Figure
		parts []part
	}
	groups := map[string]*group{}
	var order []string
	for _, p := range v.parts {
		total, ok := v.cat.Figure(p.of, p.fig.Activity)
		if !ok || total.Activity != p.fig.Activity {
			v.list.Errorf(p.pos, p.path, suggest(p.of, v.scopeIDs(p.fig.Activity), diag.T("name a metric of the same activity")), "unknown figure %q", p.of)
			continue
		}
		if total.Base() != p.fig.Base() {
			v.list.Errorf(p.pos, p.path, diag.T("a part is counted in the unit of its total"), "%s is in %s but %s is in %s", p.fig.Ref, p.fig.Base(), total.Ref, total.Base())
			continue
		}
		g := groups[total.Ref]
		if g == nil {
			g = &group{total: total}
			groups[total.Ref] = g
			order = append(order, total.Ref)
		}
		g.parts = append(g.parts, p)
	}
	for _, ref := range order {
		g := groups[ref]
		rounded := approximate[g.total.Qualifier]
		values := make([]num.Dec, len(g.parts))
		for i, p := range g.parts {
			values[i] = p.fig.Value
			rounded = rounded || approximate[p.fig.Qualifier]
		}
		if num.SumCmp(values, g.total.Value) <= 0 { // exact: 0.1 + 1.2 is 1.3
			continue
		}
		last := g.parts[len(g.parts)-1]
		if rounded {
			v.list.Warnf(last.pos, last.path, diag.T("the source rounds (余, 多, 近 …), so this may be its own inconsistency; check the figures against the source"), "the parts of %s add up to more than its %s", g.total.Ref, g.total.AsWritten())
		} else {
			v.list.Errorf(last.pos, last.path, diag.T("check each part and the total against the source"), "the parts of %s add up to more than its %s", g.total.Ref, g.total.AsWritten())
		}
	}
}

// figureOf checks a value with its unit, qualifier, date and source.
// It returns nil when the value cannot be shown.
func (v *validator) figureOf(value load.Number, unitText, qualifier string, asOf load.Date, source string, meta interface{ At(string) diag.Pos }, path string, def figureDefaults) *Figure {
	ok := true
	unit, known := num.ParseUnit(unitText)
	if unitText != "" && !known {
		v.list.Errorf(meta.At("unit"), path+".unit", unitHint(), "unknown unit %q", unitText)
		ok = false
	}
	if !num.ValidQualifier(qualifier) {
		v.list.Errorf(meta.At("qualifier"), path+".qualifier", diag.T("use one of: %s", strings.Join(num.Qualifiers(), " ")), "unknown qualifier %q", qualifier)
		ok = false
	}
	if value.Set && value.Sign() < 0 {
		v.list.Errorf(meta.At("value"), path+".value", diag.T("figures in this report are counts and amounts; write the number without a minus sign"), "a figure cannot be negative, got %s", value.Dec)
		ok = false
	}
	if known && unit.Base == "%" && value.Cmp(num.Dec{Coef: 100}) > 0 {
		v.list.Errorf(meta.At("value"), path+".value", diag.T("a percentage is at most 100"), "%s%% is more than 100%%", value.Dec)
		ok = false
	}
	own := source != "" // an inherited source is checked where it is written
	if !own {
		source = def.source
	}
	src, found := v.cat.Sources[source]
	if !found && own && v.sourcesKnown() {
		v.list.Errorf(meta.At("source"), path+".source", suggest(source, sortedKeys(v.cat.Sources), diag.T("add it to sources: in data/campaign.yaml")), "unknown source %q", source)
	}
	if !ok || !value.Set || !known {
		return nil
	}
	if asOf.IsZero() {
		asOf = def.asOf
	}
	if asOf.IsZero() && src != nil {
		asOf = src.Date
	}
	return &Figure{Quantity: num.NewQuantity(value.Dec, unit, qualifier), AsOf: asOf, Source: src}
}

// presentation checks how a figure asks to be shown (unit_en,
// display_unit) and records it; fig may be nil (a figure already refused).
func (v *validator) presentation(fig *Figure, unitEn, displayUnit string, meta interface{ At(string) diag.Pos }, path string) {
	var shown num.Unit
	if displayUnit != "" {
		u, ok := num.ParseUnit(displayUnit)
		switch {
		case !ok:
			v.list.Errorf(meta.At("display_unit"), path+".display_unit", unitHint(), "unknown unit %q", displayUnit)
			return
		case fig != nil && u.Base != fig.Base():
			v.list.Errorf(meta.At("display_unit"), path+".display_unit", diag.T("show it in %s with 万 or 亿 before it, or leave display_unit out", fig.Base()),
				"a figure counted in %s cannot be shown in %s", fig.Base(), displayUnit)
			return
		}
		shown = u
	}
	if fig != nil {
		fig.UnitEn, fig.Shown = unitEn, shown
	}
}

// unitHint lists the units a figure may be written in.
func unitHint() diag.Text {
	return diag.T("use one of: %s (optionally with 万 or 亿 before it), or in English: %s (optionally with thousand, million or billion before it)",
		strings.Join(num.Units(), " "), strings.Join(num.EnglishUnits(), ", "))
}
