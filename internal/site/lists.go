package site

import "fmt"

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

// paginate splits stories into list pages under base; an empty list still
// gets its first page.
func paginate(base, title string, stories []*Story, fill func(*StoryList)) []*Page {
	pages := max(1, (len(stories)+PerPage-1)/PerPage)
	out := make([]*Page, 0, pages)
	for n := 1; n <= pages; n++ {
		list := &StoryList{Stories: stories[(n-1)*PerPage : min(n*PerPage, len(stories))], Total: len(stories), Number: n, Pages: pages, First: base}
		if n > 1 {
			list.Prev = pageURL(base, n-1)
		}
		if n < pages {
			list.Next = pageURL(base, n+1)
		}
		fill(list)
		out = append(out, &Page{URL: pageURL(base, n), Kind: "stories", Title: title, List: list})
	}
	return out
}
