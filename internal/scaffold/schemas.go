package scaffold

import (
	"bytes"

	"github.com/jinzhan-dev/jinzhan/internal/schema"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// schemas writes the site's schema/ folder: the JSON Schemas the first
// lines of its data files name, so that an editor completes and checks
// keys offline, in a site kept anywhere. A schema that is missing or not
// this jinzhan's is (re)written; one already the same is left alone.
func (w *writer) schemas() {
	files, err := schema.Published()
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	site, err := sitefs.Open(w.root)
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	defer site.Close()
	for _, f := range files {
		// A pipe, a link out of the site or a huge file reads as an error:
		// it is replaced, never read.
		if now, err := sitefs.ReadFile(site, f.Path, int64(len(f.Data))); err != nil || !bytes.Equal(now, f.Data) {
			w.write(f.Path, f.Data, true)
		}
	}
}
