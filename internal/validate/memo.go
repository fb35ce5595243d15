package validate

import (
	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/yuin/goldmark/ast"
)

// Memo keeps the checks of each Markdown file between builds of a preview
// session. A file's checks depend on its own parse and on the YAML data
// only, so while the data (load.Input.DataKey) is the same, a file parsed
// before (the same *load.Doc) needs no second check.
type Memo struct {
	dataKey uint64
	docs    map[*load.Doc]docChecks
}

type docChecks struct {
	problems diag.List
	blocks   map[*markdown.ChartBlock]*load.ChartSpec
	charts   map[*load.ChartSpec]*chart.Spec
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{docs: map[*load.Doc]docChecks{}} }

// CheckWith is Check reusing (and filling) memo.
func CheckWith(in *load.Input, list *diag.List, memo *Memo) *Catalog {
	if memo.dataKey != in.DataKey {
		memo.dataKey, memo.docs = in.DataKey, map[*load.Doc]docChecks{}
	}
	return check(in, list, memo)
}

// docChecked runs the per-file checks of d, or replays them from the memo.
func (v *validator) docChecked(d *load.Doc) {
	if v.memo == nil {
		v.doc(d)
		return
	}
	if m, ok := v.memo.docs[d]; ok {
		v.list.Merge(&m.problems)
		for b, spec := range m.blocks {
			v.cat.Blocks[b] = spec
			if c, ok := m.charts[spec]; ok {
				v.cat.Charts[spec] = c
			}
		}
		return
	}
	outer := v.list
	var local diag.List
	v.list = &local
	v.doc(d)
	v.list = outer
	outer.Merge(&local)
	m := docChecks{problems: local, blocks: map[*markdown.ChartBlock]*load.ChartSpec{}, charts: map[*load.ChartSpec]*chart.Spec{}}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*markdown.ChartBlock); ok && entering {
			if spec, ok := v.cat.Blocks[b]; ok {
				m.blocks[b] = spec
				if c, ok := v.cat.Charts[spec]; ok {
					m.charts[spec] = c
				}
			}
		}
		return ast.WalkContinue, nil
	})
	v.memo.docs[d] = m
}

// forgetOthers drops memo entries of files that are gone.
func (m *Memo) forgetOthers(docs []*load.Doc) {
	keep := make(map[*load.Doc]bool, len(docs))
	for _, d := range docs {
		keep[d] = true
	}
	for d := range m.docs {
		if !keep[d] {
			delete(m.docs, d)
		}
	}
}
