package build

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// packed is a page's HTML as the preview keeps it: deflated, since a
// session holds every page of the site (10,000 stories: 100 MB of HTML,
// 28 MB deflated) and a page is read back only when a browser asks.
type packed []byte

var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // only an invalid level fails
	return w
}}

// pack deflates html.
func pack(html []byte) packed {
	var buf bytes.Buffer
	buf.Grow(len(html) / 3)
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	_, _ = w.Write(html) // a bytes.Buffer takes everything
	_ = w.Close()
	deflaters.Put(w)
	return packed(bytes.Clone(buf.Bytes()))
}

// unpack inflates what pack made.
func (p packed) unpack() ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(p))
	defer r.Close()
	return io.ReadAll(r)
}
