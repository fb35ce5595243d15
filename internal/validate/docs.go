package validate

import (
	"bytes"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

func (v *validator) docs() {
	narratives := map[string]bool{}
	for _, d := range v.in.Docs {
		if d.Kind == load.KindActivity {
			narratives[d.Slug] = true
		}
		v.docChecked(d)
	}
	for _, a := range v.in.Activities {
		if !narratives[a.Slug] {
			v.list.Warnf(a.Pos, "", diag.T("write content/activities/%s.md", a.Slug), "activity %q has no narrative", a.Slug)
		}
	}
}

// doc checks one Markdown file against the data.
func (v *validator) doc(d *load.Doc) {
	{
		fm := &d.Front
		switch d.Kind {
		case load.KindActivity:
			if _, ok := v.cat.Activities[d.Slug]; !ok && !v.activityUnreadable(d.Slug) {
				v.list.Errorf(diag.Pos{File: d.Path}, "", suggest(d.Slug, sortedKeys(v.cat.Activities), diag.T("add %s/%s.yaml", load.ActivitiesDir, d.Slug)),
					"no activity data for %q: a narrative needs %s/%s.yaml", d.Slug, load.ActivitiesDir, d.Slug)
			}
			if fm.Activity != "" && fm.Activity != d.Slug {
				v.list.Errorf(fm.At("activity"), "activity", diag.T("leave activity: out, or write %s", d.Slug), "this narrative belongs to %q, not %q", d.Slug, fm.Activity)
			}
		case load.KindStory:
			if fm.Date.IsZero() && !fm.Has("date") { // a date written wrong is reported where it is
				v.list.Errorf(fm.At("date"), "date", diag.T("add a line date: 2020-08-05"), "a story needs a date")
			}
			if fm.Activity == "" {
				v.list.Errorf(fm.At("activity"), "activity", diag.T("write the slug of one of: %s", strings.Join(sortedKeys(v.cat.Activities), ", ")), "a story needs an activity")
			}
		}
		if fm.Activity != "" {
			if _, ok := v.cat.Activities[fm.Activity]; !ok && !v.activityUnreadable(fm.Activity) {
				v.list.Errorf(fm.At("activity"), "activity", suggest(fm.Activity, sortedKeys(v.cat.Activities), diag.Text{}), "unknown activity %q", fm.Activity)
			}
		}
		v.places(fm, "", fm.Townships, fm.Villages)
		v.textBraces(fm)
		v.photos(d)
		v.docBody(d)
	}
}

// docBody checks the figure references and chart blocks of a Markdown body.
func (v *validator) docBody(d *load.Doc) {
	for _, n := range d.Marks {
		switch n := n.(type) {
		case *markdown.FigureRef:
			if f, ok := v.figureRef(n.Ref, "", d.PosAt(n.Offset), "{{"+n.Ref+"}}"); ok && d.Kind == load.KindStory {
				v.placeOfFigure(d, f, d.PosAt(n.Offset))
			}
		case *markdown.MistypedRef:
			v.mistypedRef(d, n)
		case *markdown.ChartBlock:
			v.chartBlock(d, n)
		}
	}
	v.chartIDs(v.textCharts(d))
}

// chartBlock decodes a ```chart block as a chart spec with file positions.
func (v *validator) chartBlock(d *load.Doc, b *markdown.ChartBlock) {
	pos := d.PosAt(b.Offset)
	spec := &load.ChartSpec{}
	if len(bytes.TrimSpace(b.YAML)) == 0 {
		v.list.Errorf(pos, "chart", diag.T("write type:, title: and metrics: inside the block"), "the chart block is empty")
		return
	}
	if !strictyaml.DecodeAt(d.Path, pos.Line, b.YAML, spec, v.list) {
		return
	}
	v.cat.Blocks[b] = spec
	v.textBraces(spec)
	v.chart(spec, "", "chart")
}

// placeOfFigure warns when a story cites a figure of a place the story is
// not about: often a copy-paste slip, sometimes a deliberate comparison.
func (v *validator) placeOfFigure(d *load.Doc, f *Figure, pos diag.Pos) {
	figurePlaces := v.townshipsOf(f.Breakdown.TownshipsOrNil(), f.Breakdown.VillagesOrNil())
	storyPlaces := v.townshipsOf(d.Front.Townships, d.Front.Villages)
	if len(figurePlaces) == 0 || len(storyPlaces) == 0 {
		return
	}
	for t := range figurePlaces {
		if storyPlaces[t] {
			return
		}
	}
	v.list.Warnf(pos, "{{"+f.Ref+"}}", diag.T("check the reference, or add the township to townships: in the front matter"),
		"the story is about %s but cites a figure of %s", joinNames(storyPlaces), joinNames(figurePlaces))
}

// townshipsOf collects township slugs, counting villages as their townships.
func (v *validator) townshipsOf(townships, villages []string) map[string]bool {
	out := map[string]bool{}
	for _, t := range townships {
		out[t] = true
	}
	for _, vil := range villages {
		if vp, ok := v.cat.Villages[vil]; ok {
			out[vp.Township.Slug] = true
		}
	}
	return out
}

func joinNames(set map[string]bool) string {
	return strings.Join(sortedKeys(set), ", ")
}
