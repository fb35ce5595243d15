package site

import (
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// A Stream makes the model of a build that streams its stories
// (load.Stories): Begin makes the data's part and the other texts', Story
// makes each story's part — on any goroutine, as the story is read — and
// Finish puts the stories in place. The model is the one Build makes from
// the same input; what a story page reads is final once its Story returns
// (render.Theme.StreamsStories tells whether the layouts read only that).
type Stream struct {
	b       *builder
	mu      sync.Mutex // guards b.notes
	others  []*docPart // the other texts' parts, in the input's order
	stories []*docPart // by the stories' order (load.Stories)
}

// Begin makes the model of in but for its stories, of which there will
// be n. The Site it returns is the one Finish completes.
func Begin(in *load.Input, cat *validate.Catalog, words chart.Words, n int) (*Stream, *Site, error) {
	s := &Stream{b: newBuilder(in, cat, words, nil), stories: make([]*docPart, n)}
	s.b.notes = map[*Figure]*markdown.ResolvedFigure{}
	if err := s.b.dataModel(); err != nil {
		return nil, nil, err
	}
	var err error
	if s.others, err = s.b.texts(); err != nil {
		return nil, nil, err
	}
	return s, s.b.site, nil
}

// Story makes the part of the i-th story, d, and returns its page and its
// chart blocks' charts. cat is the catalog as d's check saw it
// (validate.Texts.Check); photos holds the resized versions of d's photos.
func (s *Stream) Story(i int, d *load.Doc, cat *validate.Catalog, photos Photos) (*Page, []*chart.Chart, error) {
	// The story is made by a copy of the builder that sees d's catalog
	// and photos: what derive writes in the builder (the flags of an
	// update) stays in the copy, the figures' notes are shared under mu,
	// and no chart memo is kept (a one-off build has none).
	b := *s.b
	b.cat, b.photos, b.memo, b.used, b.mu = cat, photos, nil, nil, &s.mu
	part, err := b.derive(d, nil)
	if err != nil {
		return nil, nil, err
	}
	s.stories[i] = part
	return part.page, part.charts, nil
}

// Forget lets the text of the i-th story go once its page is written and
// no feed shows it: its Page keeps no Doc. The strings the lists show are
// copied out of the front matter they are cut from, which goes too.
func (s *Stream) Forget(i int) {
	part := s.stories[i]
	part.doc, part.resolved = forgotten, nil
	part.page.Doc, part.page.Resolved = nil, nil
	st := part.story
	st.Title, st.Summary = strings.Clone(st.Title), strings.Clone(st.Summary)
	part.page.Title, part.page.Summary = st.Title, st.Summary
	for _, p := range st.Photos {
		p.Alt, p.Caption, p.Credit = strings.Clone(p.Alt), strings.Clone(p.Caption), strings.Clone(p.Credit)
	}
}

// FinishedFields are the fields of the model's objects that Finish sets or
// changes — what the stories make together, and what the texts of
// activities and the home page add — by type: a page rendered before
// Finish must not read them (render.Theme.StreamsStories).
// TestFinishSetsOnlyFinishedFields keeps the list true.
var FinishedFields = map[reflect.Type][]string{
	reflect.TypeFor[Site]():     {"Stories", "Pages", "Charts"},
	reflect.TypeFor[Activity](): {"Stories", "Page", "Cited", "Summary"},
	reflect.TypeFor[Township](): {"Stories"},
	reflect.TypeFor[Campaign](): {"Cited"},
}

// forgotten stands for the text of a story let go: the model's last steps
// (link) only ask a part's kind.
var forgotten = &load.Doc{Kind: load.KindStory}

// Finish puts the stories in place — in lists, pages and charts — as
// Build does, and returns the Site Begin did.
func (s *Stream) Finish() *Site {
	// The parts go in the input's order, by path, as Build has them: the
	// stories' files are all right in content/stories/, and no other
	// file is (or the build stops before rendering), so they go where
	// that folder's name does.
	parts := make([]*docPart, 0, len(s.others)+len(s.stories))
	before, _ := slices.BinarySearchFunc(s.others, load.ContentDir+"/stories/", func(p *docPart, dir string) int {
		return strings.Compare(p.doc.Path, dir)
	})
	parts = append(parts, s.others[:before]...)
	for _, st := range s.stories {
		if st != nil { // nil: a draft
			parts = append(parts, st)
		}
	}
	parts = append(parts, s.others[before:]...)
	s.b.link(parts, true)
	s.b.next.site = s.b.site
	return s.b.site
}
