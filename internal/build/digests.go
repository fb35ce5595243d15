package build

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/publish"
)

// DigestsFile lists a digest of every page the build wrote, so that the
// next build tells which pages changed without reading them again.
const DigestsFile = ".jinzhan-pages"

// digest is 64 bits of a page's SHA-256: enough to tell an edit, cheap to
// keep for 100,000 pages (a value, not a string of hex).
type digest [8]byte

// pageDigests maps page URLs to a digest of their bytes; safe for the
// render workers to add to at once.
type pageDigests struct {
	mu   sync.Mutex
	sums map[string]digest
}

func newPageDigests() *pageDigests { return &pageDigests{sums: map[string]digest{}} }

// add records the digest of the page written at out (its output path).
func (d *pageDigests) add(out string, sum digest) {
	d.mu.Lock()
	d.sums[pageURL(path.Dir(out))] = sum
	d.mu.Unlock()
}

// pageDigest is the digest of a page's bytes: the one the stage records
// of every file.
func pageDigest(page []byte) digest { return publish.Digest(page) }

// marshal writes one "digest URL" line per page, sorted by URL.
func (d *pageDigests) marshal() []byte {
	urls := make([]string, 0, len(d.sums))
	for u := range d.sums {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	var b bytes.Buffer
	b.Grow(len(urls) * 64)
	for _, u := range urls {
		sum := d.sums[u]
		b.WriteString(hex.EncodeToString(sum[:]))
		b.WriteByte(' ')
		b.WriteString(u)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// parseDigests reads what marshal wrote; a line it cannot read is left out
// (its page then counts as changed). The URLs are slices of one string.
func parseDigests(data []byte) map[string]digest {
	text := string(data)
	out := make(map[string]digest, strings.Count(text, "\n"))
	for line := range strings.Lines(text) {
		hexSum, url, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		if n, err := strconv.ParseUint(hexSum, 16, 64); ok && err == nil && len(hexSum) == 16 {
			var sum digest
			binary.BigEndian.PutUint64(sum[:], n)
			out[url] = sum
		}
	}
	return out
}
