package site

import (
	"cmp"
	"fmt"
	"slices"
)

// PerPage is how many stories a list page shows.
const PerPage = 20

// Preview is how many stories an activity or township page shows before
// linking to the whole list.
const Preview = 5

// StoryList is one page of a paginated list of stories.
type StoryList struct {
	Stories []*Story
	Total   int    // stories in the whole list
	Number  int    // this page's number, from 1
	Pages   int    // pages in the whole list
	Prev    string // URL of the previous page, "" on the first
	Next    string // URL of the next page, "" on the last
	First   string // URL of the list's first page
	// Owner is the activity or township the list belongs to (nil: all stories).
	Activity *Activity
	Township *Township
}

// pageURL is the URL of page n of the list at base ("/stories/" → "/stories/page/2/").
func pageURL(base string, n int) string {
	if n == 1 {
		return base
	}
	return fmt.Sprintf("%spage/%d/", base, n)
}

// link puts the texts' parts in place: the home page and the activities'
// texts, the stories in order with each activity's and township's and
// their list pages, every page sorted by URL, every chart, and the
// sources each page cites. After an edit of texts alone, the stories are
// ordered and the pages and charts listed again only when a part changed
// them (whole: the whole model is made, from the data up).
func (b *builder) link(parts []*docPart, whole bool) {
	home := b.home(parts)
	b.narratives(parts)
	if whole || b.relink {
		b.orderStories(parts)
		b.lists()
	}
	if whole || b.repage {
		pages := slices.Clone(b.next.dataPages)
		pages = append(pages, home)
		for _, part := range parts {
			if part.page != nil {
				pages = append(pages, part.page)
			}
		}
		pages = append(pages, b.next.listPages...)
		slices.SortFunc(pages, func(x, y *Page) int { return cmp.Compare(x.URL, y.URL) })
		b.site.Pages = pages
	}
	if whole || b.recharts {
		charts := slices.Clone(b.next.dataCharts)
		for _, part := range parts {
			charts = append(charts, part.charts...)
		}
		b.site.Charts = charts
	}
	b.cite(home)
}

// NewestFirst orders stories as the lists show them: newest first, then
// by slug.
func NewestFirst(x, y *Story) int {
	return cmp.Or(-x.Date.Compare(y.Date), cmp.Compare(x.Slug, y.Slug))
}

// orderStories sorts the stories newest first, then by slug, and gives
// each activity and township its own.
func (b *builder) orderStories(parts []*docPart) {
	var stories []*Story
	for _, part := range parts {
		if part.story != nil {
			stories = append(stories, part.story)
		}
	}
	// Slugs are file names of one folder, so the order is total and an
	// unstable sort gives the one order (a stable one, merging in place,
	// took three times as long at 100,000 stories).
	slices.SortFunc(stories, NewestFirst)
	b.site.Stories = stories
	ofActivity := map[*Activity][]*Story{}
	ofTownship := map[*Township][]*Story{}
	for _, s := range stories {
		if s.Activity != nil {
			ofActivity[s.Activity] = append(ofActivity[s.Activity], s)
		}
		for _, t := range s.Townships {
			ofTownship[t] = append(ofTownship[t], s)
		}
	}
	for _, a := range b.site.Activities {
		put(b.changes, &a.Stories, ofActivity[a])
	}
	for _, t := range b.site.Townships {
		put(b.changes, &t.Stories, ofTownship[t])
	}
}

// lists makes the list pages: each township's stories, each activity's,
// then all stories.
func (b *builder) lists() {
	var pages []*Page
	for _, t := range b.site.Townships {
		pages = b.paginate(pages, t.StoriesURL, t.Name, t.Stories, func(l *StoryList) { l.Township = t })
	}
	for _, a := range b.site.Activities {
		pages = b.paginate(pages, a.StoriesURL, a.ShortTitle, a.Stories, func(l *StoryList) { l.Activity = a })
	}
	pages = b.paginate(pages, "/stories/", "", b.site.Stories, func(*StoryList) {})
	if !slices.Equal(pages, b.next.listPages) {
		b.repage = true
		b.next.listPages = pages
		b.next.lists = make(map[string]*Page, len(pages))
		for _, p := range pages {
			b.next.lists[p.URL] = p
		}
	}
}

// paginate adds to out the list pages of stories under base, made anew or
// into the kept model's page at each URL; an empty list still gets its
// first page.
func (b *builder) paginate(out []*Page, base, title string, stories []*Story, fill func(*StoryList)) []*Page {
	pages := max(1, (len(stories)+PerPage-1)/PerPage)
	for n := 1; n <= pages; n++ {
		list := StoryList{Stories: stories[(n-1)*PerPage : min(n*PerPage, len(stories))], Total: len(stories), Number: n, Pages: pages, First: base}
		if n > 1 {
			list.Prev = pageURL(base, n-1)
		}
		if n < pages {
			list.Next = pageURL(base, n+1)
		}
		fill(&list)
		page := Page{URL: pageURL(base, n), Kind: "stories", Title: title}
		if kept := b.prev.lists[page.URL]; kept != nil {
			page.List = kept.List
			assign(b.changes, kept.List, list)
			assign(b.changes, kept, page)
			out = append(out, kept)
			continue
		}
		page.List = &list
		out = append(out, &page)
	}
	return out
}
