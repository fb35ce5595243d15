package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"slices"
	"strings"
	"sync"
)

// DigestsFile lists a digest of every page the build wrote, so that the
// next build tells which pages changed without reading them again.
const DigestsFile = ".jinzhan-pages"

// pageDigests maps page URLs to a digest of their bytes; safe for the
// render workers to add to at once.
type pageDigests struct {
	mu   sync.Mutex
	sums map[string]string
}

func newPageDigests() *pageDigests { return &pageDigests{sums: map[string]string{}} }

// add records the page written at out (its output path).
func (d *pageDigests) add(out string, page []byte) {
	sum := pageDigest(page)
	d.mu.Lock()
	d.sums[pageURL(path.Dir(out))] = sum
	d.mu.Unlock()
}

// pageDigest is 64 bits of the page's SHA-256, in hex: enough to tell an
// edit, cheap to keep for 10,000 pages.
func pageDigest(page []byte) string {
	sum := sha256.Sum256(page)
	return hex.EncodeToString(sum[:8])
}

// marshal writes one "digest URL" line per page, sorted by URL.
func (d *pageDigests) marshal() []byte {
	urls := make([]string, 0, len(d.sums))
	for u := range d.sums {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	var b bytes.Buffer
	for _, u := range urls {
		b.WriteString(d.sums[u])
		b.WriteByte(' ')
		b.WriteString(u)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// parseDigests reads what marshal wrote; a line it cannot read is left out
// (its page then counts as changed).
func parseDigests(data []byte) map[string]string {
	out := map[string]string{}
	lines := bufio.NewScanner(bytes.NewReader(data))
	for lines.Scan() {
		if sum, url, ok := strings.Cut(lines.Text(), " "); ok {
			out[url] = sum
		}
	}
	return out
}
