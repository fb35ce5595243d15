// Package deflated keeps bytes a preview holds many of and reads back
// few of — pages' HTML, texts' HTML — deflated: Chinese HTML takes about
// a third of its size.
package deflated

import (
	"bytes"
	"compress/flate"
	"io"
	"sync"
)

// Bytes are deflated bytes.
type Bytes []byte

var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // only an invalid level fails
	return w
}}

// Pack deflates data.
func Pack(data []byte) Bytes {
	var buf bytes.Buffer
	buf.Grow(len(data) / 3)
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	_, _ = w.Write(data) // a bytes.Buffer takes everything
	_ = w.Close()
	deflaters.Put(w)
	return Bytes(bytes.Clone(buf.Bytes()))
}

// Unpack inflates what Pack made.
func (p Bytes) Unpack() ([]byte, error) {
	var buf bytes.Buffer
	err := p.UnpackInto(&buf)
	return buf.Bytes(), err
}

var inflaters = sync.Pool{New: func() any { return flate.NewReader(nil) }}

// UnpackInto inflates what Pack made into buf.
func (p Bytes) UnpackInto(buf *bytes.Buffer) error {
	r := inflaters.Get().(io.ReadCloser)
	defer inflaters.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(p), nil); err != nil {
		return err
	}
	_, err := buf.ReadFrom(r)
	return err
}
