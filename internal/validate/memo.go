package validate

import (
	"hash/maphash"
	"strconv"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
)

// Memo keeps the checks of each Markdown file between builds of a preview
// session. A file's checks depend on its own parse and on the few data it
// names (figures, activity, places), so a file parsed before (the same
// *load.Doc) whose named data print the same needs no second check, even
// after a YAML edit elsewhere.
type Memo struct {
	seed    maphash.Seed
	dataKey uint64
	images  uint64               // imagesKey of the input being checked
	docs    map[string]docChecks // by path
	// checked counts the files of this check that docs holds: when they
	// are all it holds, none is gone.
	checked int
}

type docChecks struct {
	doc      *load.Doc // the parse checked
	problems diag.List
	blocks   map[*markdown.ChartBlock]*load.ChartSpec
	charts   map[*load.ChartSpec]*chart.Spec
	deps     deps
	key      uint64 // the deps' fingerprint when checked
	dataKey  uint64 // the data's: while it and the images are the same, so is key
	images   uint64
}

// deps are what a Markdown file's checks and page read from the data.
type deps struct {
	figures   []string
	activity  string
	townships []string
	villages  []string
	photos    []string // files under images/, as named
	opaque    bool     // a chart of targets or series: keyed by all the data
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{seed: maphash.MakeSeed(), docs: map[string]docChecks{}} }

// CheckWith is Check reusing (and filling) memo.
func CheckWith(in *load.Input, list *diag.List, memo *Memo) *Catalog {
	memo.dataKey, memo.images, memo.checked = in.DataKey, memo.imagesKey(in.Images), 0
	return check(in, list, memo)
}

// imagesKey fingerprints what the checks read of the images: a file's
// checks name a few, and while none changed a fingerprint of its deps
// stays the same.
func (m *Memo) imagesKey(images map[string]*load.Image) uint64 {
	var all uint64 // in no order: a map's
	for name, img := range images {
		all += maphash.Comparable(m.seed, struct {
			name      string
			size      int64
			sum       uint64
			read, bad bool
		}{name, img.Size, img.Sum, img.Read, img.Err != nil})
	}
	return all
}

// docChecked runs the per-file checks of d, or replays them from the memo.
func (v *validator) docChecked(d *load.Doc) {
	if v.memo == nil {
		v.doc(d)
		return
	}
	v.memo.checked++
	m, ok := v.memo.docs[d.Path]
	ok = ok && m.doc == d
	sameData := m.dataKey == v.in.DataKey && m.images == v.memo.images
	if ok && m.problems.Len() == 0 && (sameData || !m.deps.opaque && v.fingerprint(m.deps) == m.key) {
		if !sameData { // the data changed, but not what d names
			m.dataKey, m.images = v.in.DataKey, v.memo.images
			v.memo.docs[d.Path] = m
		}
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
	m = docChecks{doc: d, problems: local, dataKey: v.in.DataKey, images: v.memo.images} // maps only for chart blocks: most files have none
	m.deps = deps{activity: d.Front.Activity, townships: d.Front.Townships, villages: d.Front.Villages}
	for _, p := range d.Front.Photos {
		m.deps.photos = append(m.deps.photos, p.File)
	}
	if d.Kind == load.KindActivity {
		m.deps.activity = d.Slug
	}
	for _, n := range d.Marks {
		switch n := n.(type) {
		case *markdown.FigureRef:
			m.deps.figures = append(m.deps.figures, n.Ref)
		case *markdown.ChartBlock:
			spec, ok := v.cat.Blocks[n]
			if !ok {
				m.deps.opaque = true
				break
			}
			if m.blocks == nil {
				m.blocks, m.charts = map[*markdown.ChartBlock]*load.ChartSpec{}, map[*load.ChartSpec]*chart.Spec{}
			}
			m.blocks[n] = spec
			if c, ok := v.cat.Charts[spec]; ok {
				m.charts[spec] = c
			}
			m.deps.figures = append(m.deps.figures, spec.Metrics...)
			for _, r := range spec.Rows {
				m.deps.figures = append(m.deps.figures, r.Metrics...)
			}
			m.deps.opaque = m.deps.opaque || spec.Target != "" || len(spec.Series) > 0
		}
	}
	m.key = v.fingerprint(m.deps)
	v.memo.docs[d.Path] = m
}

// fingerprint hashes how the data a file names currently print.
func (v *validator) fingerprint(dp deps) uint64 {
	var h maphash.Hash
	h.SetSeed(v.memo.seed)
	str := func(ss ...string) {
		for _, s := range ss {
			h.WriteString(s)
			h.WriteByte(0)
		}
	}
	for _, ref := range dp.figures {
		str(ref)
		if f, ok := v.cat.Cite(ref, ""); ok {
			maphash.WriteComparable(&h, v.figurePrint(f))
		}
	}
	str("activity", dp.activity)
	if a, ok := v.cat.Activities[dp.activity]; ok {
		str(a.Title, a.ShortTitle)
	}
	for _, t := range dp.townships {
		str("t", t)
		if tw, ok := v.cat.Townships[t]; ok {
			str(tw.Name)
		}
	}
	for _, vil := range dp.villages {
		str("v", vil)
		if vp, ok := v.cat.Villages[vil]; ok {
			str(vp.Village.Name, vp.Township.Slug, vp.Township.Name)
		}
	}
	for _, file := range dp.photos {
		str("p", file)
		if name, ok := load.PhotoPath(file); ok {
			if img, ok := v.in.Images[name]; ok {
				str(strconv.FormatInt(img.Size, 10), strconv.FormatUint(img.Sum, 16), strconv.FormatBool(img.Read))
			}
		}
	}
	return h.Sum64()
}

// figurePrint fingerprints how one figure prints, once per check: files
// cite the same few figures thousands of times.
func (v *validator) figurePrint(f *Figure) uint64 {
	if p, ok := v.prints[f]; ok {
		return p
	}
	var h maphash.Hash
	h.SetSeed(v.memo.seed)
	for _, s := range []string{f.Label, f.Unit.Written, f.Quantity.Written.String(), f.Value.String(), f.Qualifier, f.UnitEn, f.Shown.Written, f.Activity, f.AsOf.ISO(), sourceKey(f.Source), f.Note,
		strings.Join(f.Breakdown.TownshipsOrNil(), ","), strings.Join(f.Breakdown.VillagesOrNil(), ",")} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	if v.prints == nil {
		v.prints = map[*Figure]uint64{}
	}
	v.prints[f] = h.Sum64()
	return v.prints[f]
}

// forgetOthers drops memo entries of files that are gone.
func (m *Memo) forgetOthers(docs []*load.Doc) {
	if m.checked == len(m.docs) {
		return // every entry is one of docs': each checked file has one
	}
	keep := make(map[string]bool, len(docs))
	for _, d := range docs {
		keep[d.Path] = true
	}
	for p := range m.docs {
		if !keep[p] {
			delete(m.docs, p)
		}
	}
}

// sourceKey is everything a citation of s shows.
func sourceKey(s *load.Source) string {
	if s == nil {
		return ""
	}
	return s.ID + "\x00" + s.Publisher + "\x00" + s.Title + "\x00" + s.Date.ISO() + "\x00" + s.Author + "\x00" + s.URL
}
