package validate

import (
	"bytes"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
	"github.com/yuin/goldmark/ast"
)

func (v *validator) docs() {
	narratives := map[string]bool{}
	for _, d := range v.in.Docs {
		fm := &d.Front
		switch d.Kind {
		case load.KindActivity:
			if _, ok := v.cat.Activities[d.Slug]; !ok {
				v.list.Errorf(diag.Pos{File: d.Path}, "", suggest(d.Slug, sortedKeys(v.cat.Activities), diag.T("add %s/%s.yaml", load.ActivitiesDir, d.Slug)),
					"no activity data for %q: a narrative needs %s/%s.yaml", d.Slug, load.ActivitiesDir, d.Slug)
			}
			narratives[d.Slug] = true
			if fm.Activity != "" && fm.Activity != d.Slug {
				v.list.Errorf(fm.At("activity"), "activity", diag.T("leave activity: out, or write %s", d.Slug), "this narrative belongs to %q, not %q", d.Slug, fm.Activity)
			}
		case load.KindStory:
			if fm.Date.IsZero() {
				v.list.Errorf(fm.At("date"), "date", diag.T("add a line date: 2020-08-05"), "a story needs a date")
			}
			if fm.Activity == "" {
				v.list.Errorf(fm.At("activity"), "activity", diag.T("write the slug of one of: %s", strings.Join(sortedKeys(v.cat.Activities), ", ")), "a story needs an activity")
			}
		}
		if fm.Activity != "" {
			if _, ok := v.cat.Activities[fm.Activity]; !ok {
				v.list.Errorf(fm.At("activity"), "activity", suggest(fm.Activity, sortedKeys(v.cat.Activities), diag.Text{}), "unknown activity %q", fm.Activity)
			}
		}
		v.places(fm, "", fm.Townships, fm.Villages)
		v.docBody(d)
	}
	for _, a := range v.in.Activities {
		if !narratives[a.Slug] {
			v.list.Warnf(a.Pos, "", diag.T("write content/activities/%s.md", a.Slug), "activity %q has no narrative", a.Slug)
		}
	}
}

// docBody checks the figure references and chart blocks of a Markdown body.
func (v *validator) docBody(d *load.Doc) {
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *markdown.FigureRef:
			v.figureRef(n.Ref, "", d.PosAt(n.Offset), "{{"+n.Ref+"}}")
		case *markdown.ChartBlock:
			v.chartBlock(d, n)
		}
		return ast.WalkContinue, nil
	})
}

// chartBlock decodes a ```chart block as a chart spec with file positions.
func (v *validator) chartBlock(d *load.Doc, b *markdown.ChartBlock) {
	pos := d.PosAt(b.Offset)
	spec := &load.ChartSpec{}
	padded := append(bytes.Repeat([]byte("\n"), pos.Line-1), b.YAML...)
	if len(bytes.TrimSpace(b.YAML)) == 0 {
		v.list.Errorf(pos, "chart", diag.T("write type:, title: and metrics: inside the block"), "the chart block is empty")
		return
	}
	if !strictyaml.Decode(d.Path, padded, spec, v.list) {
		return
	}
	v.cat.Blocks[b] = spec
	v.chart(spec, "", "chart")
}
