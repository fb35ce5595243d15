// Package chartsvg draws ECharts options as SVG at build time, with
// ECharts itself: the bundle web/echarts-ssr.js (the page's chart types
// and components with the SVG renderer) runs in goja, a JavaScript engine
// written in Go, so that building a site needs no Node.js and the chart a
// reader sees before touching it is the one ECharts draws after.
//
// What ECharts writes is cleaned (clean.go) to shapes and text, its ids
// numbered so that each placement can make them unique on a page. Drawings
// are kept by a hash of the bundle, the size and the option: in memory, for
// the charts of a build that are alike and the rebuilds of a preview, and
// on disk (cache.go), for the next build.
package chartsvg

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"sync/atomic"
)

// Renderer draws charts. One is made per process (the bundle is compiled
// once, when the first chart is drawn) and is safe for concurrent use; at
// most GOMAXPROCS charts are drawn at once.
type Renderer struct {
	engine *engine
	bundle [32]byte // the bundle's hash, part of every key
	disk   *diskCache

	mu     sync.Mutex
	memory map[key]*drawing

	drawn, fromMemory, fromDisk atomic.Int64
}

// memoryLimit bounds the drawings kept in memory; past it they are all
// let go (a preview's session draws its charts again, or reads the disk).
const memoryLimit = 4096

// key names a drawing: SHA-256 of the bundle, the size and the option.
type key [32]byte

// drawing is one chart being drawn or drawn: done closes when svg or err
// is set.
type drawing struct {
	done chan struct{}
	svg  *SVG
	err  error
}

// New returns a renderer of the ECharts bundle (jinzhan.EChartsSSR) that
// keeps its drawings in cacheDir as well as in memory ("" for memory
// only; see OpenCache for the folder and its bounds).
func New(bundle []byte, cacheDir string) *Renderer {
	return &Renderer{engine: newEngine(bundle), bundle: sha256.Sum256(bundle), disk: openCache(cacheDir), memory: map[key]*drawing{}}
}

// Draw returns the chart the option (ECharts JSON, as a page holds it)
// draws at width × height px. The same option and size give the same SVG,
// byte for byte, every time: a drawing already made is handed back.
func (r *Renderer) Draw(option []byte, width, height int) (*SVG, error) {
	k := r.key(option, width, height)
	r.mu.Lock()
	d, ok := r.memory[k]
	if !ok {
		if len(r.memory) >= memoryLimit {
			r.memory = map[key]*drawing{}
		}
		d = &drawing{done: make(chan struct{})}
		r.memory[k] = d
	}
	r.mu.Unlock()
	if ok {
		<-d.done
		if d.err == nil {
			r.fromMemory.Add(1)
		}
		return d.svg, d.err
	}
	d.svg, d.err = r.make(k, option, width, height)
	if d.err != nil { // not kept: the next build tries again
		r.mu.Lock()
		if r.memory[k] == d {
			delete(r.memory, k)
		}
		r.mu.Unlock()
	}
	close(d.done)
	return d.svg, d.err
}

// make reads a drawing from the disk, or draws it and stores it there.
func (r *Renderer) make(k key, option []byte, width, height int) (*SVG, error) {
	if raw, ok := r.disk.get(k); ok {
		if svg, _, err := clean(raw, width, height); err == nil {
			r.fromDisk.Add(1)
			return svg, nil
		}
		// A damaged entry is drawn again and replaced.
	}
	raw, err := r.engine.draw(option, width, height)
	if err != nil {
		return nil, err
	}
	svg, _, err := clean(raw, width, height)
	if err != nil {
		return nil, err
	}
	r.drawn.Add(1)
	r.disk.put(k, raw)
	return svg, nil
}

func (r *Renderer) key(option []byte, width, height int) key {
	h := sha256.New()
	h.Write(r.bundle[:])
	var size [16]byte
	binary.LittleEndian.PutUint64(size[:8], uint64(width))
	binary.LittleEndian.PutUint64(size[8:], uint64(height))
	h.Write(size[:])
	h.Write(option)
	var k key
	h.Sum(k[:0])
	return k
}

// Stats counts the drawings a renderer handed out since it was made.
type Stats struct {
	Drawn      int64 // drawn by ECharts
	FromMemory int64 // drawn before in this process
	FromDisk   int64 // read back from the cache folder
}

// Stats returns the renderer's counts so far.
func (r *Renderer) Stats() Stats {
	return Stats{Drawn: r.drawn.Load(), FromMemory: r.fromMemory.Load(), FromDisk: r.fromDisk.Load()}
}

// Close lets go of the cache folder.
func (r *Renderer) Close() error { return r.disk.close() }
