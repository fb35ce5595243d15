package build

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/images"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/schema"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
	"github.com/jinzhan-dev/jinzhan/internal/work"
)

// The streamed build. A one-off build that writes a site renders each
// story's page as soon as its text is read and checked, writes it to the
// stage, and lets the text go: what stays of a story is its Story and
// Page in the model (for the lists, feeds and sitemap made at the end),
// so memory does not grow with the stories' texts. The stages are those
// of the pipeline, in another order:
//
//	load and check the data and the other texts → theme → model but the
//	stories → for each story, on every core: read, check, photos, model,
//	charts, page written → the stories in place → the rest as the
//	pipeline does it
//
// It builds the same site, byte for byte (TestStreamedBuildIsTheWholeBuild
// compares them), and reports the same problems: once a story has one,
// the others are only read and checked, as the pipeline checks every text
// before it stops, and nothing is published. It takes the pipeline's way
// where it cannot do as the pipeline does: when the site's layouts read
// what a story page rendered early cannot give
// (render.Theme.StreamsStories), when the data or the other texts have a
// problem (the pipeline stops before reading a story), and when something
// other than the input fails.

// streamed builds the site as Run does, streaming its stories, in the
// stage staged makes; ok is false when Run must build it the pipeline's
// way instead (the destination is left as it was, and staged too unless
// taken).
func streamed(opts Options, src *sitefs.FS, start time.Time, staged *staging) (res *Result, ok bool, err error) {
	var problems diag.List
	in, stories := load.LoadAllButStories(src, &problems)
	res = &Result{Lang: language(in)}
	if problems.HasErrors() {
		return nil, false, nil
	}
	if err := guard(opts, src).Check(opts.Destination); err != nil {
		return res, true, err // as Run, before any work
	}
	cat, texts := validate.CheckAllButTexts(in, &problems)
	overrideBaseURL(in, opts.BaseURL, &problems)
	if problems.HasErrors() {
		return nil, false, nil
	}
	themeName := cmp.Or(in.Site.Theme, "default")
	th, err := render.NewTheme(theme.New(src, themeName, opts.Theme), language(in), in.Site.PlaceNames, opts.ECharts)
	if err != nil {
		return nil, false, nil
	}
	if ok, _ := th.StreamsStories(); !ok {
		return nil, false, nil
	}
	stream, model, err := site.Begin(in, cat, th.Words(), stories.Len())
	if err != nil {
		return nil, false, nil
	}
	go schema.Published() // as Run
	// The stream writes pages before it has read every story: while
	// another build or a deploy holds the destination, the pipeline's way
	// says at once what is wrong with the input, and waits only to write.
	stage, before, busy, err := staged.takeUnlessBusy()
	if busy {
		return nil, false, nil
	}
	if err != nil {
		res.Warnings = problems.Warnings()
		return res, true, fmt.Errorf("write: %w", err)
	}
	s := &storyStream{opts: opts, stories: stories, texts: texts, th: th, model: model, stream: stream, stage: stage, digests: newPageDigests(), lists: make([]diag.List, stories.Len())}
	s.write = writePage(stage, s.digests)
	s.photos.images, s.photos.made = in.Images, map[string]*madePhoto{}
	s.pool.New = func() any { return new(bytes.Buffer) }
	s.feeds.feeds, s.feeds.held = map[*site.Activity][]fedStory{}, map[*site.Story]int{}
	work.Each(stories.Len(), s.story)
	if s.broken.Load() {
		stage.Abort()
		return nil, false, nil
	}
	for i := range s.lists {
		problems.Merge(&s.lists[i])
	}
	if !s.wrong.Load() { // the pipeline makes photos once the texts are right
		s.photos.report(&problems)
	}
	if problems.HasErrors() {
		stage.Abort()
		res.Warnings = problems.Warnings()
		return res, true, problems.Err()
	}
	b := &built{in: in, cat: cat, theme: th, model: stream.Finish(), written: s.photos.paths}
	err = s.finish(b, src, themeName, &problems, res)
	res.Warnings = problems.Warnings()
	if err == nil {
		res.Changes = before.diff(s.digests, b.figures)
		res.Elapsed, res.streamed = time.Since(start), true
	}
	return res, true, err
}

// finish makes and writes what follows the stories, as the pipeline does
// — the charts drawn, the files beside the pages, the other pages, feeds
// and sitemap — and commits the stage.
func (s *storyStream) finish(b *built, src *sitefs.FS, themeName string, problems *diag.List, res *Result) error {
	if err := (pipeline{opts: s.opts}).finish(src, b, themeName, nil, problems); err != nil {
		s.stage.Abort()
		return err
	}
	res.Pages, res.Charts, res.Figures = len(b.model.Pages), len(b.model.Charts), b.model.Figures
	var rest []*site.Page // the story pages are written
	for _, p := range b.model.Pages {
		if p.Kind != "story" {
			rest = append(rest, p)
		}
	}
	n, err := write(s.opts, s.stage, b, rest, s.th.SiteFileMakers(b.model), s.digests)
	res.Files = n + s.feeds.pages + len(s.photos.paths)
	return err
}

// storyStream is the part of a streamed build that goes story by story.
type storyStream struct {
	opts    Options
	stories *load.Stories
	texts   *validate.Texts
	th      *render.Theme
	model   *site.Site // final for what a story page reads
	stream  *site.Stream
	stage   *publish.Stage
	digests *pageDigests
	write   func(path string, data []byte) error // a page into the stage, its digest into digests
	pool    sync.Pool                            // page buffers
	photos  photoMaker
	feeds   feedTexts
	lists   []diag.List // each story's problems
	// wrong is set once a story's text has a problem: the others are
	// then only read and checked, and the build stops with their problems.
	wrong atomic.Bool
	// broken is set when something other than the input failed (the
	// model, a chart, a page, the stage): the pipeline takes over.
	broken atomic.Bool
}

// story reads, checks, models, renders and writes the i-th story; once
// a story has a problem, it only reads and checks it.
func (s *storyStream) story(i int) {
	if s.broken.Load() {
		return
	}
	list := &s.lists[i]
	d := s.stories.Load(i, list)
	var cat *validate.Catalog
	if d != nil { // nil: a draft, or a file that could not be read
		cat = s.texts.Check(d, list)
	}
	if list.HasErrors() {
		s.wrong.Store(true)
	}
	if d == nil || s.wrong.Load() {
		return
	}
	fail := func() { s.broken.Store(true) }
	photos, wrong, broken := s.photos.make(i, d, s.stage)
	if broken {
		fail()
	}
	if wrong || broken {
		return // a photo that could not be resized is reported after the stream, as the pipeline does
	}
	page, charts, err := s.stream.Story(i, d, cat, photos)
	if err != nil {
		fail()
		return
	}
	for _, c := range charts { // a page shows its charts drawn
		if s.opts.ChartSVG == nil || drawChart(s.opts.ChartSVG, c, false) != nil || drawChart(s.opts.ChartSVG, c, true) != nil {
			fail()
			return
		}
	}
	buf := s.pool.Get().(*bytes.Buffer)
	buf.Reset()
	err = s.th.Page(buf, s.model, page)
	if err == nil {
		err = s.write(render.OutputPath(page.URL), buf.Bytes())
	}
	s.pool.Put(buf)
	if err != nil {
		fail()
		return
	}
	for _, j := range s.feeds.add(page.Story, i) {
		s.stream.Forget(j)
	}
}

// photoMaker makes each photo the streamed stories show once, when the
// first story naming it comes, and writes its versions to the stage.
type photoMaker struct {
	images map[string]*load.Image
	mu     sync.Mutex
	made   map[string]*madePhoto
	paths  []string // the files written
}

type madePhoto struct {
	once  sync.Once
	set   *images.Set
	err   error    // why it could not be resized: a problem of the input
	first photoUse // the first naming of a photo that could not be, in the stories' order
	wrote error    // why its versions could not be written
}

// photoUse is where a story names a photo.
type photoUse struct {
	story, photo int
	pos          diag.Pos
	field        string
}

func (u photoUse) before(v photoUse) bool {
	return u.story < v.story || u.story == v.story && u.photo < v.photo
}

// make returns the photos of d, the i-th story, made. wrong is set when
// one could not be resized (report tells where, as makePhotos does),
// broken when the stage could not take one.
func (m *photoMaker) make(i int, d *load.Doc, stage *publish.Stage) (photos site.Photos, wrong, broken bool) {
	for k, p := range d.Front.Photos {
		name, ok := load.PhotoPath(p.File)
		img := m.images[name]
		if !ok || img == nil || img.Data == nil {
			continue // validation refused it
		}
		m.mu.Lock()
		made := m.made[name]
		if made == nil {
			made = &madePhoto{first: photoUse{story: -1}}
			m.made[name] = made
		}
		m.mu.Unlock()
		made.once.Do(func() { made.set, made.err, made.wrote = m.write(name, img.Data, stage) })
		switch {
		case made.wrote != nil:
			broken = true
		case made.err != nil:
			wrong = true
			use := photoUse{i, k, p.At("file"), fmt.Sprintf("photos[%d].file", k)}
			m.mu.Lock()
			if made.first.story < 0 || use.before(made.first) {
				made.first = use
			}
			m.mu.Unlock()
		default:
			if photos == nil {
				photos = site.Photos{}
			}
			photos[name] = made.set
		}
	}
	return photos, wrong, broken
}

// report adds the photos that could not be resized to list, each at the
// first story naming it.
func (m *photoMaker) report(list *diag.List) {
	for name, made := range m.made {
		if made.err != nil {
			photoProblem(list, made.first.pos, made.first.field, name, made.err)
		}
	}
}

// write makes the versions of one photo and writes them to the stage:
// problem says why the photo could not be resized, err why the stage could
// not take it.
func (m *photoMaker) write(name string, data []byte, stage *publish.Stage) (set *images.Set, problem, err error) {
	r := images.Make([]images.Source{{Name: name, Data: data}}, nil)[0]
	if r.Err != nil {
		return nil, r.Err, nil
	}
	for _, f := range r.Files {
		if err := stage.WriteFile(f.Path, f.Data); err != nil {
			return nil, nil, err
		}
		m.mu.Lock()
		m.paths = append(m.paths, f.Path)
		m.mu.Unlock()
	}
	return r.Set, nil, nil
}

// feedTexts keeps the texts of the stories a feed may show: each feed
// (all stories', each activity's) shows its newest render.FeedEntries
// stories with their texts, made once every story is known. It tells
// which stories' texts no feed can show any more.
type feedTexts struct {
	mu    sync.Mutex
	feeds map[*site.Activity][]fedStory // nil: the feed of all stories
	held  map[*site.Story]int           // by how many feeds
	pages int                           // stories added
}

// fedStory is a story a feed may show, with its place in load.Stories.
type fedStory struct {
	story *site.Story
	i     int
}

// add takes the i-th story, whose page is written, and returns the
// stories whose texts may go: it, when no feed may show it, and those it
// pushed out of the feeds.
func (f *feedTexts) add(st *site.Story, i int) (drop []int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pages++
	feeds := []*site.Activity{nil}
	if st.Activity != nil {
		feeds = append(feeds, st.Activity)
	}
	for _, a := range feeds {
		list := f.feeds[a]
		at, _ := slices.BinarySearchFunc(list, st, func(x fedStory, st *site.Story) int { return site.NewestFirst(x.story, st) })
		if at >= render.FeedEntries {
			continue
		}
		list = slices.Insert(list, at, fedStory{st, i})
		f.held[st]++
		if len(list) > render.FeedEntries {
			out := list[len(list)-1]
			list = list[:len(list)-1]
			if f.held[out.story]--; f.held[out.story] == 0 {
				delete(f.held, out.story)
				drop = append(drop, out.i)
			}
		}
		f.feeds[a] = list
	}
	if f.held[st] == 0 {
		drop = append(drop, i)
	}
	return drop
}
