package load

import (
	"io/fs"
	"path"

	"github.com/yuin/goldmark"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// Stories are a site's story texts (content/stories/*.md), listed but not
// yet read: a build that streams them reads each with Load as it renders
// its page, and keeps only what the lists of stories need, so that its
// memory does not grow with the texts (docs/architecture.md).
type Stories struct {
	fsys  fs.FS
	in    *Input
	md    goldmark.Markdown
	paths []string // sorted
}

// keptPerStory is about what a streamed story keeps once its page is
// written: its Story and Page in the model, its page's digest.
const keptPerStory = 1 << 10

// LoadAllButStories is Load without the stories' texts, which it lists.
// The Input's Docs are the other Markdown files; its Images are listed,
// and read as the stories naming them are loaded.
func LoadAllButStories(fsys fs.FS, list *diag.List) (*Input, *Stories) {
	return loadInput(fsys, nil, true, list)
}

// splitStories parts the Markdown files (sorted) into the stories' and
// the others', each still sorted.
func splitStories(files []string) (others, stories []string) {
	for _, p := range files {
		if path.Dir(p) == ContentDir+"/stories" {
			stories = append(stories, p)
		} else {
			others = append(others, p)
		}
	}
	return others, stories
}

// Len is the number of story files; a nil Stories has none.
func (s *Stories) Len() int {
	if s == nil {
		return 0
	}
	return len(s.paths)
}

// Load reads and parses the i-th story, as Load does, and reads the photos
// it names; nil for a draft or a file that could not be read (its
// problems are in list). Safe for concurrent use.
func (s *Stories) Load(i int, list *diag.List) *Doc {
	d := loadDoc(s.fsys, s.paths[i], s.md, nil, list)
	if d == nil || d.Front.Draft {
		return nil
	}
	readPhotos(s.fsys, s.in.Images, d)
	return d
}
