package build

// hotPages are the pages browsers asked for last. A session keeps the HTML
// of these only, and renders any other page when it is asked for: the
// HTML of every page is 28 MB deflated for 10,000 stories, and a preview
// is looked at a few pages at a time.
type hotPages struct {
	limit int
	tick  uint64
	last  map[string]uint64 // by URL: when it was last asked for
}

// hotLimit is how many pages' HTML a session keeps.
const hotLimit = 64

func newHotPages(limit int) *hotPages { return &hotPages{limit: limit, last: map[string]uint64{}} }

// touch notes that url was asked for, and returns the page it puts out of
// the hot ones ("" when none).
func (h *hotPages) touch(url string) (out string) {
	h.tick++
	if _, ok := h.last[url]; !ok && len(h.last) >= h.limit {
		oldest := h.tick
		for u, t := range h.last {
			if t < oldest {
				out, oldest = u, t
			}
		}
		delete(h.last, out)
	}
	h.last[url] = h.tick
	return out
}

func (h *hotPages) has(url string) bool {
	_, ok := h.last[url]
	return ok
}
