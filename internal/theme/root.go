package theme

import (
	"io/fs"
	"slices"
	"time"
)

// rootDir lists an overlay's mount points so fs.WalkDir can descend into it.
type rootDir struct{ o overlay }

func (r rootDir) Open(name string) (fs.File, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	names := make([]string, 0, len(r.o.prefixes))
	for n := range r.o.prefixes {
		names = append(names, n)
	}
	slices.Sort(names)
	return &dirFile{names: names}, nil
}

type dirFile struct {
	names []string
	read  bool
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return dirInfo("."), nil }
func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: ".", Err: fs.ErrInvalid}
}
func (d *dirFile) Close() error { return nil }
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.read {
		return nil, nil
	}
	d.read = true
	out := make([]fs.DirEntry, len(d.names))
	for i, name := range d.names {
		out[i] = fs.FileInfoToDirEntry(dirInfo(name))
	}
	return out, nil
}

type dirInfo string

func (i dirInfo) Name() string       { return string(i) }
func (i dirInfo) Size() int64        { return 0 }
func (i dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o755 }
func (i dirInfo) ModTime() time.Time { return time.Time{} }
func (i dirInfo) IsDir() bool        { return true }
func (i dirInfo) Sys() any           { return nil }
