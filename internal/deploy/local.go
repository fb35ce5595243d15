package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/md5"
	"errors"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// File is one file of the built site, as it is uploaded.
type File struct {
	Path    string // in the site, slash-separated: the key below the target's folder
	Size    int64  // bytes uploaded: compressed when gzipped
	MD5     [md5.Size]byte
	Headers Headers
	Phase   Phase
}

// buildFiles are the files every build writes at the top of its folder
// for the next build (the mark that the folder is jinzhan's, the list of
// its files, the pages' digests: build.DigestsFile). They are not the
// site: never uploaded.
var buildFiles = []string{publish.Stamp, publish.Manifest, ".jinzhan-pages"}

// Built is a folder jinzhan built, opened for reading: a link in it is
// never followed out of it, only regular files are read.
type Built struct {
	fsys *sitefs.FS
}

// OpenBuilt opens the folder a build wrote, refusing one without the mark
// every build leaves (publish.Stamp): jinzhan deploys only what it built.
func OpenBuilt(dir string) (*Built, error) {
	fsys, err := sitefs.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usage(diag.T("there is no built site in %q", dir), diag.T("run jinzhan build first, or pass the folder it built with --destination"))
	}
	if err != nil {
		return nil, failed(err, diag.T("cannot open %q", dir), diag.T("check that the folder can be read"))
	}
	if info, err := fsys.Lstat(publish.Stamp); err != nil || !info.Mode().IsRegular() {
		fsys.Close()
		return nil, usage(diag.T("%q was not built by jinzhan (it has no %s file)", dir, publish.Stamp),
			diag.T("jinzhan deploys only a folder it built: run jinzhan build, or pass the folder it built with --destination"))
	}
	return &Built{fsys}, nil
}

// Close releases the folder.
func (b *Built) Close() error { return b.fsys.Close() }

// List finds every file of the site, sorted by path, and refuses a folder
// holding what no build writes: a link (which could lead anywhere), a pipe
// or device, a name that is not UTF-8 (an object key is).
func (b *Built) List() ([]string, error) {
	var files, odd []string
	var walk func(dir string) error
	walk = func(dir string) error {
		entries, err := b.fsys.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			rel := path.Join(dir, e.Name())
			switch {
			case dir == "." && slices.Contains(buildFiles, e.Name()):
			case !utf8.ValidString(rel) || strings.ContainsFunc(rel, unicode.IsControl):
				odd = append(odd, rel)
			case e.IsDir():
				if err := walk(rel); err != nil {
					return err
				}
			case e.Type().IsRegular():
				files = append(files, rel)
			default:
				odd = append(odd, rel)
			}
		}
		return nil
	}
	if err := walk("."); err != nil {
		return nil, failed(err, diag.T("cannot list the built site"), diag.T("check that the folder can be read"))
	}
	if len(odd) > 0 {
		return nil, usage(diag.T("the built site holds what no build writes: %s", listSome(odd)),
			diag.T("jinzhan deploys only regular files with UTF-8 names, never a link: run jinzhan build again"))
	}
	return files, nil
}

// Scan hashes every file of the site as it would be uploaded (compressed
// where the policy says so), on GOMAXPROCS workers.
func (b *Built) Scan(ctx context.Context, policy Policy) ([]File, error) {
	names, err := b.List()
	if err != nil {
		return nil, err
	}
	files := make([]File, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				files[i], errs[i] = b.hash(names[i], policy)
			}
		})
	}
	for i := range names {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, failed(err, diag.T("cannot read the built site"), diag.T("check that the folder can be read"))
	}
	return files, nil
}

// hash describes one file as it would be uploaded.
func (b *Built) hash(rel string, policy Policy) (File, error) {
	f := File{Path: rel, Headers: policy.Headers(rel), Phase: PhaseOf(rel)}
	file, err := b.fsys.Open(rel)
	if err != nil {
		return f, err
	}
	defer file.Close()
	sum := md5.New()
	counted := &counter{w: sum}
	if f.Headers.ContentEncoding == "gzip" {
		z := newGzip(counted)
		if _, err = io.Copy(z, file); err == nil {
			err = z.Close()
		}
	} else {
		_, err = io.Copy(counted, file)
	}
	f.Size = counted.n
	sum.Sum(f.MD5[:0])
	return f, err
}

// Body reads what is uploaded of a file: its bytes, compressed when its
// headers say so. A file whose bytes are no longer those Scan hashed (a
// build ran in between) is refused: the next deploy uploads it.
func (b *Built) Body(f File) ([]byte, error) {
	data, err := b.fsys.ReadFile(f.Path)
	if err == nil && f.Headers.ContentEncoding == "gzip" {
		var buf bytes.Buffer
		z := newGzip(&buf)
		if _, err = z.Write(data); err == nil {
			err = z.Close()
		}
		data = buf.Bytes()
	}
	if err != nil {
		return nil, err
	}
	if md5.Sum(data) != f.MD5 {
		return nil, &fs.PathError{Op: "read", Path: f.Path, Err: errChanged}
	}
	return data, nil
}

var errChanged = errors.New("changed while it was being deployed")

// newGzip compresses the same bytes to the same bytes every time: no name,
// no time in the header, one level. So a file unchanged since the last
// deploy hashes as it did, and is not uploaded again.
func newGzip(w io.Writer) *gzip.Writer {
	z, _ := gzip.NewWriterLevel(w, gzip.BestCompression) // the level is valid
	return z
}

// counter counts what passes through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// listSome names the first few of a list, and how many more there are.
func listSome(names []string) diag.Text {
	const shown = 5
	if len(names) <= shown {
		return diag.T("%s", strings.Join(names, ", "))
	}
	return diag.T("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
}
