package publish

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// Manifest lists every file of a published folder, one a line: the Digest
// of its bytes in hex ("-" when unknown: a file another program wrote) and
// its slash-separated path. The build after next writes over that folder
// (spare.go) and learns from it what is there, and what it holds, without
// listing or reading 10,000 folders.
const Manifest = ".jinzhan-files"

const manifestHeader = "jinzhan files 2\n"

// manifestLine is a line of the Manifest.
type manifestLine struct {
	path string
	fileSum
}

// fileSum is what the Manifest knows of a file's bytes.
type fileSum struct {
	sum   [8]byte
	known bool // sum is the file's
}

// maxManifest bounds what is read of a spare's manifest, which anyone who
// could write into the published folder could have replaced: 256 MiB
// lists some six million files.
const maxManifest = 256 << 20

// reuse is what a stage taken from the spare knows of the site it holds:
// its files and folders, by the manifest, each marked once the build
// writes it (a file) or into it (a folder), and when the manifest was
// written. A folder changed since — an entry added, removed or replaced in
// it, its mode or owner changed — is not trusted: it is removed and made
// anew. What the build does not write is removed before the swap.
type reuse struct {
	dir     string  // the stage
	top     *folder // the stage, open: the checks look its files up from here (close)
	since   instant // when the manifest was written
	mode    uint32  // the mode of a new file here, which a kept file must have
	files   map[string]int32
	sums    []fileSum // by files' index
	written []atomic.Bool
	folders map[string]int32
	checked []folderCheck
}

// folderCheck is a folder's check, made before the build first writes
// into it.
type folderCheck struct {
	once sync.Once
	kept bool // the folder is the one the manifest knew, unchanged
	used bool // the build writes into it
}

// openReuse reads the manifest of the stage dir, taken from the spare,
// and clears its top folder (whose time every rename changes) of anything
// the manifest does not know.
func openReuse(dir string, mode uint32) (*reuse, error) {
	// The manifest stays until the commit writes the new one: until then
	// the stage is as good a spare as it was (Abort).
	data, since, err := readManifest(filepath.Join(dir, Manifest))
	if err != nil {
		return nil, err
	}
	n := strings.Count(data, "\n")
	r := &reuse{dir: dir, since: since, mode: mode, files: make(map[string]int32, n), folders: make(map[string]int32, n)}
	for text := range strings.SplitSeq(strings.TrimPrefix(data, manifestHeader), "\n") {
		if text == "" {
			continue
		}
		line, ok := parseManifestLine(text)
		if !ok {
			return nil, fmt.Errorf("%s: not a line of it: %q", Manifest, text)
		}
		if _, twice := r.files[line.path]; twice {
			continue
		}
		r.files[line.path] = int32(len(r.sums))
		r.sums = append(r.sums, line.fileSum)
		for d := path.Dir(line.path); d != "."; d = path.Dir(d) {
			if _, ok := r.folders[d]; ok {
				break
			}
			r.folders[d] = int32(len(r.folders))
		}
	}
	r.written = make([]atomic.Bool, len(r.sums))
	r.checked = make([]folderCheck, len(r.folders))
	if r.top, err = openFolder(dir); err != nil {
		return nil, err
	}
	if err := r.clearTop(); err != nil {
		r.close()
		return nil, err
	}
	return r, nil
}

// close lets the stage's folder go, once the stage is committed or given up.
func (r *reuse) close() {
	if r != nil && r.top != nil {
		r.top.close()
		r.top = nil
	}
}

// readManifest reads the manifest at p, a regular file, and the time it
// was last changed.
func readManifest(p string) (string, instant, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return "", instant{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", instant{}, err
	}
	if !info.Mode().IsRegular() || info.Size() > maxManifest {
		return "", instant{}, fmt.Errorf("%s is not a manifest", p)
	}
	since, err := changedAt(f)
	if err != nil {
		return "", instant{}, err
	}
	var text strings.Builder
	text.Grow(int(info.Size()) + 1)
	if n, err := io.Copy(&text, io.LimitReader(f, maxManifest+1)); err != nil {
		return "", instant{}, err
	} else if n > maxManifest {
		return "", instant{}, fmt.Errorf("%s is larger than a manifest can be", p)
	}
	if !strings.HasPrefix(text.String(), manifestHeader) {
		return "", instant{}, errors.New("not a manifest of this version")
	}
	return text.String(), since, nil
}

// clearTop removes from the stage's top folder what the manifest does not
// know, but for the Stamp and the manifest itself.
func (r *reuse) clearTop() error {
	entries, err := r.top.list()
	if err != nil {
		return err
	}
	for _, e := range entries {
		_, file := r.files[e.Name()]
		_, folder := r.folders[e.Name()]
		if e.Name() == Stamp || e.Name() == Manifest || file && e.Type().IsRegular() || folder && e.IsDir() {
			continue
		}
		if err := r.top.remove(e); err != nil {
			return err
		}
	}
	return nil
}

// folder checks the folder rel (its parents checked before it) the first
// time the build writes into it, and reports whether it is kept; one that
// is not is gone, for the build to make.
func (r *reuse) folder(rel string) (kept bool) {
	i, ok := r.folders[rel]
	if !ok {
		return false
	}
	c := &r.checked[i]
	c.once.Do(func() {
		c.used = true
		if c.kept = unchangedFolder(r.top, rel, r.since); !c.kept {
			_ = os.RemoveAll(filepath.Join(r.dir, filepath.FromSlash(rel))) // never what a link leads to
		}
	})
	return c.kept
}

// write writes data (whose Digest is sum) at rel, full path file, over
// what the stage holds: the folders on the way are checked and kept, or
// made. A file still as its build wrote it is kept as it is when that
// build wrote these very bytes (by their digest), else written over
// (writeOverFile); any other is made anew.
func (r *reuse) write(rel, file string, data []byte, sum [8]byte) error {
	kept := true // the top folder, cleared by openReuse
	for i := strings.IndexByte(rel, '/'); i >= 0; i = nextSlash(rel, i) {
		dir := rel[:i]
		if kept = r.folder(dir); kept {
			continue
		}
		full := filepath.Join(r.dir, filepath.FromSlash(dir))
		err := os.Mkdir(full, 0o755)
		if err != nil && !os.IsExist(err) {
			return err
		}
		if j, isFile := r.files[dir]; err != nil && isFile {
			r.written[j].Store(true) // the name is the build's: not swept
			if err := replaceWithFolder(full); err != nil {
				return err
			}
		}
	}
	if i, ok := r.files[rel]; ok {
		r.written[i].Store(true)
		switch {
		case !kept:
		case r.sums[i].known && r.sums[i].sum == sum && unchangedFile(r.top, rel, r.mode, r.since):
			return nil // no write: its time stays, as a copy by time (rsync) wants
		default:
			return writeOverFile(file, data, r.mode, r.since)
		}
	}
	if _, ok := r.folders[rel]; ok {
		r.folder(rel)          // used: not swept
		_ = os.RemoveAll(file) // a folder where a file goes now
	}
	return writeFile(file, data)
}

// nextSlash is the index of the slash after the one at i in rel, or -1.
func nextSlash(rel string, i int) int {
	if j := strings.IndexByte(rel[i+1:], '/'); j >= 0 {
		return i + 1 + j
	}
	return -1
}

// replaceWithFolder makes a folder at full where a file of the previous
// site is in the way.
func replaceWithFolder(full string) error {
	if info, err := os.Lstat(full); err == nil && info.IsDir() {
		return nil
	}
	if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.Mkdir(full, 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	return nil
}

// removeUnwritten removes what the previous site held and the build did not
// write: each file not written in a folder the build writes into, and each
// folder it does not write into, whole. A name under a folder that the
// build made a file is gone already.
func (r *reuse) removeUnwritten() error {
	used := func(dir string) bool { return dir == "." || r.checked[r.folders[dir]].used }
	for rel, i := range r.files {
		if !r.written[i].Load() && used(path.Dir(rel)) {
			if err := os.Remove(filepath.Join(r.dir, filepath.FromSlash(rel))); err != nil && !gone(err) {
				return err
			}
		}
	}
	for rel, i := range r.folders {
		if !r.checked[i].used && used(path.Dir(rel)) {
			if err := os.RemoveAll(filepath.Join(r.dir, filepath.FromSlash(rel))); err != nil && !gone(err) {
				return err
			}
		}
	}
	return nil
}

// gone reports whether err says a name is not there: missing, or under a
// name that is now a file.
func gone(err error) bool { return os.IsNotExist(err) || errors.Is(err, syscall.ENOTDIR) }

// instant is a file's time of last change, as the system keeps it: in
// steps of its clock's tick (a few milliseconds on Linux, 2 s on FAT), so
// a change in the tick the manifest was written in bears the manifest's
// own time. Only what changed before it is known unchanged since.
type instant struct{ sec, nsec int64 }

func (a instant) before(b instant) bool { return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec }

// manifest is the Manifest of the files written, sorted by path.
func manifest(written []manifestLine) []byte {
	slices.SortFunc(written, func(a, b manifestLine) int { return strings.Compare(a.path, b.path) })
	out := make([]byte, 0, len(manifestHeader)+len(written)*64)
	out = append(out, manifestHeader...)
	for _, w := range written {
		if w.known {
			out = hex.AppendEncode(out, w.sum[:])
		} else {
			out = append(out, '-')
		}
		out = append(out, ' ')
		out = append(out, w.path...)
		out = append(out, '\n')
	}
	return out
}

// parseManifestLine reads a line manifest wrote.
func parseManifestLine(text string) (manifestLine, bool) {
	sum, name, ok := strings.Cut(text, " ")
	if !ok || !NameOK(name) {
		return manifestLine{}, false
	}
	line := manifestLine{path: name}
	if sum == "-" {
		return line, true
	}
	n, err := strconv.ParseUint(sum, 16, 64)
	if err != nil || len(sum) != 2*len(line.sum) {
		return manifestLine{}, false
	}
	binary.BigEndian.PutUint64(line.sum[:], n)
	line.known = true
	return line, true
}
