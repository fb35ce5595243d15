// Package sitefs reads a site folder through a root that cannot be left.
//
// Everything in a site but its layouts is input, perhaps a template taken
// from anywhere: a link in it may point at /proc/self/environ, a story may
// be a pipe that never ends. So a link is followed only while it stays in
// the site, only regular files are opened (a pipe or a device could block
// the build or never end), and reading stops at MaxRead bytes whatever the
// file claims its size is.
package sitefs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// MaxRead bounds what is read from any one file of a site; every reader
// sets a lower limit of its own (see ReadFile).
const MaxRead = 128 << 20

// The ways a site's file can be refused, wrapped in *fs.PathError naming the
// path as the site names it (never the link's target).
var (
	ErrOutside    = errors.New("a link to a place outside the site folder")
	ErrNotRegular = errors.New("not a regular file (a pipe, device or socket)")
	ErrTooLarge   = errors.New("larger than the limit")
)

// FS is a site folder opened for reading. It implements fs.FS, fs.StatFS,
// fs.ReadDirFS and fs.ReadFileFS.
type FS struct {
	dir  string // absolute, links resolved
	root *os.Root

	// folders are the folders files were opened in, each opened once
	// (nil: it could not be), so that opening content/stories/x.md costs
	// one openat and not one per name in the path. An FS lives for one
	// build; a folder renamed during it is read as the build reads any
	// file an editor changes meanwhile: the next build sees it.
	mu      sync.Mutex
	folders map[string]*folder
}

// folder is a folder of the site opened through its root: as a root, and
// as an open folder whose files ReadFile reads directly (read_unix.go).
type folder struct {
	root *os.Root
	file *os.File
	fd   int // file's
}

// Open opens the site folder dir.
func Open(dir string) (*FS, error) {
	abs, err := filepath.Abs(dir)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: errors.New("not a folder")}
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, err
	}
	return &FS{dir: abs, root: root, folders: map[string]*folder{}}, nil
}

// Dir is the site folder: absolute, with links resolved.
func (f *FS) Dir() string { return f.dir }

// Close releases the folder.
func (f *FS) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.folders {
		if d != nil {
			d.root.Close()
			d.file.Close()
		}
	}
	clear(f.folders)
	return f.root.Close()
}

// Open opens a regular file or a folder of the site.
func (f *FS) Open(name string) (fs.File, error) {
	file, err := f.open(name)
	if err != nil {
		return nil, err
	}
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	switch {
	case info.IsDir():
		return dir{file}, nil
	case !info.Mode().IsRegular():
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return &regular{File: file, name: name, left: MaxRead, info: info}, nil
}

// open opens name without blocking (openFlags), so that its type can be
// checked before anything is read.
func (f *FS) open(name string) (*os.File, error) {
	if err := valid("open", name); err != nil {
		return nil, err
	}
	if folder := f.folder(path.Dir(name)); folder != nil {
		if file, err := folder.root.OpenFile(path.Base(name), openFlags, 0); err == nil {
			return file, nil
		} // a link out of the folder, or any failure: asked again of the site's root, which words it
	}
	file, err := f.root.OpenFile(name, openFlags, 0)
	if escapes(err) {
		var inside string
		if inside, err = f.within(name); err == nil {
			file, err = f.root.OpenFile(inside, openFlags, 0)
		}
	}
	return file, named("open", name, err)
}

// folder is the site's folder name, opened once; nil for the site folder
// itself or a folder that cannot be opened.
func (f *FS) folder(name string) *folder {
	if name == "." {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.folders[name]
	if !ok {
		if r, err := f.root.OpenRoot(name); err == nil {
			if file, err := r.Open("."); err == nil {
				d = &folder{r, file, int(file.Fd())}
			} else {
				r.Close()
			}
		}
		f.folders[name] = d
	}
	return d
}

// Stat describes name, following links that stay in the site.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if err := valid("stat", name); err != nil {
		return nil, err
	}
	info, err := f.root.Stat(name)
	if escapes(err) {
		var inside string
		if inside, err = f.within(name); err == nil {
			info, err = f.root.Stat(inside)
		}
	}
	return info, named("stat", name, err)
}

// Lstat describes name itself: a link is not followed.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	if err := valid("lstat", name); err != nil {
		return nil, err
	}
	info, err := f.root.Lstat(name)
	return info, named("lstat", name, err)
}

// ReadDir lists a folder of the site, sorted by name. Entries are as the
// folder holds them: a link is a link (see Stat for what it leads to).
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	entries, err := f.list(file, name)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, named("readdir", name, err)
}

// ReadFile reads a regular file of the site, at most MaxRead bytes.
func (f *FS) ReadFile(name string) ([]byte, error) { return ReadFile(f, name, MaxRead) }

// within resolves a link that os.Root refuses because it is absolute:
// one that leads back into the site is fine. It returns the path inside
// the site the link leads to, or ErrOutside.
func (f *FS) within(name string) (string, error) {
	resolved, err := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(name)))
	if err != nil {
		return "", ErrOutside // a link out of the site, whether or not its target exists
	}
	rel, err := filepath.Rel(f.dir, resolved)
	if err != nil || !filepath.IsLocal(rel) {
		return "", ErrOutside
	}
	return rel, nil
}

// escapes reports whether os.Root refused a path for leaving the root (its
// error value is not exported).
func escapes(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err.Error() == "path escapes from parent"
}

func valid(op, name string) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return nil
}

// named makes every error a *fs.PathError for the name the site uses, and
// turns os.Root's refusal into ErrOutside.
func named(op, name string, err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	switch {
	case errors.Is(err, ErrOutside) || escapes(err):
		err = ErrOutside
	case errors.As(err, &pe):
		err = pe.Err
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// ReadFile reads name from fsys, refusing a file of more than limit bytes
// from what is read, not from what the file says its size is.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if site, ok := fsys.(*FS); ok {
		if data, done, err := site.readRegular(name, limit); done {
			return data, err
		}
	}
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	size := int64(512)
	if info, err := file.Stat(); err == nil && info.Size() > 0 {
		size = min(info.Size(), limit) + 1
	}
	buf := make([]byte, 0, size)
	for {
		n, err := file.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		switch {
		case int64(len(buf)) > limit:
			return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return nil, err
		case len(buf) == cap(buf):
			buf = slices.Grow(buf, int(min(int64(cap(buf)), limit+1-int64(len(buf)))))
		}
	}
}

// regular is an open regular file that refuses to be read past MaxRead.
type regular struct {
	*os.File
	name string
	left int64
	info fs.FileInfo // as Open found it
}

// Stat answers from Open's fstat.
func (r *regular) Stat() (fs.FileInfo, error) { return r.info, nil }

func (r *regular) Read(p []byte) (int, error) {
	if r.left <= 0 {
		var probe [1]byte
		if n, err := r.File.Read(probe[:]); n == 0 {
			return 0, err // io.EOF at exactly MaxRead bytes
		}
		return 0, &fs.PathError{Op: "read", Path: r.name, Err: ErrTooLarge}
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n, err := r.File.Read(p)
	r.left -= int64(n)
	return n, err
}

// dir is an open folder (fs.ReadDirFile).
type dir struct{ *os.File }

var _ interface {
	fs.StatFS
	fs.ReadDirFS
	fs.ReadFileFS
} = (*FS)(nil)
