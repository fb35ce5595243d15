package deploy

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// meter counts what has been uploaded and, on a terminal, redraws one
// line with the files, the bytes and the rate five times a second. It is
// only numbers, so it needs no words in the site's language.
type meter struct {
	files      atomic.Int64
	bytes      atomic.Int64
	totalFiles int
	totalBytes int64
	start      time.Time
	w          io.Writer // nil: count only
	quit       chan struct{}
	drawn      sync.WaitGroup
}

// newMeter starts counting uploads; with w it draws on w until stop.
func newMeter(uploads []Upload, w io.Writer) *meter {
	m := &meter{totalFiles: len(uploads), start: time.Now(), w: w, quit: make(chan struct{})}
	for _, u := range uploads {
		m.totalBytes += u.Size
	}
	if w != nil && len(uploads) > 0 {
		m.drawn.Go(func() {
			tick := time.NewTicker(200 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-tick.C:
					m.draw()
				case <-m.quit:
					m.draw()
					fmt.Fprintln(m.w)
					return
				}
			}
		})
	}
	return m
}

// done counts one file of n bytes stored.
func (m *meter) done(n int64) {
	m.files.Add(1)
	m.bytes.Add(n)
}

// stop draws the last line and ends the drawing.
func (m *meter) stop() {
	close(m.quit)
	m.drawn.Wait()
}

// draw writes the line over the one before: 120/512 · 3.4 MB/10.2 MB · 2.1 MB/s.
func (m *meter) draw() {
	rate := float64(m.bytes.Load()) / max(time.Since(m.start).Seconds(), 0.001)
	fmt.Fprintf(m.w, "\r%d/%d · %s/%s · %s/s\x1b[K", m.files.Load(), m.totalFiles,
		Size(m.bytes.Load()), Size(m.totalBytes), Size(int64(rate)))
}

// Size writes a number of bytes for people: 812 B, 12.3 KB, 4.5 MB.
func Size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, prefix := float64(n)/unit, 0
	for v >= unit && prefix < 3 {
		v /= unit
		prefix++
	}
	return fmt.Sprintf("%.1f %cB", v, "KMGT"[prefix])
}
