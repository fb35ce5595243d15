package load

import (
	"errors"
	"hash/maphash"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/images"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// ImagesDir holds the photos stories show; a photo's file: is relative to it.
const ImagesDir = images.Dir

// Image is one file under images/. Every file is listed (for hints); only
// the files a page names are read, once: validation checks them from here
// and the build resizes these bytes.
type Image struct {
	Name string // relative to images/: quanjuyong-ducks.jpg
	Size int64
	Read bool   // named by a page and read (if not too large)
	Data []byte // nil when not read or larger than images.MaxBytes
	Info images.Info
	// Err says why the file cannot be shown: it could not be read, or it
	// is not a JPEG or PNG (*images.FormatError), or its header is
	// damaged (*images.DamagedError).
	Err error
	Sum uint64 // fingerprint of Data, for the preview's caches
	// once reads the file: a build that streams its stories reads a
	// story's photos from several goroutines (Stories.Load).
	once sync.Once
}

// sumSeed fingerprints image bytes the same way for the life of the process.
var sumSeed = maphash.MakeSeed()

// PhotoPath cleans a photo's file: (relative to images/); false when it
// would leave images/: an absolute path or one with a .. part.
func PhotoPath(file string) (string, bool) {
	parts := strings.FieldsFunc(file, func(r rune) bool { return r == '/' || r == '\\' })
	abs := strings.HasPrefix(file, "/") || strings.HasPrefix(file, `\`) ||
		len(file) >= 2 && file[1] == ':' && (file[0]|0x20 >= 'a' && file[0]|0x20 <= 'z') // C:\…
	if abs || slices.Contains(parts, "..") {
		return "", false
	}
	return path.Clean(file), true
}

// ImageNames lists the files under images/, sorted (for hints).
func (in *Input) ImageNames() []string {
	names := make([]string, 0, len(in.Images))
	for name := range in.Images {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// loadImages lists images/ and reads the files the documents name.
func loadImages(fsys fs.FS, files *tree, docs []*Doc) map[string]*Image {
	out := map[string]*Image{}
	for _, p := range files.under(ImagesDir, "") {
		if name := strings.TrimPrefix(p, ImagesDir+"/"); !strings.HasPrefix(path.Base(name), ".") {
			out[name] = &Image{Name: name, Size: files.files[p]}
		}
	}
	for _, d := range docs {
		readPhotos(fsys, out, d)
	}
	return out
}

// readPhotos reads the files under images/ that d names, once each.
func readPhotos(fsys fs.FS, images map[string]*Image, d *Doc) {
	for _, ph := range d.Front.Photos {
		name, ok := PhotoPath(ph.File)
		if img := images[name]; ok && img != nil {
			img.once.Do(func() { readImage(fsys, img) })
		}
	}
}

func readImage(fsys fs.FS, img *Image) {
	img.Read = true
	if img.Size > images.MaxBytes {
		return // reported from the size; never read into memory
	}
	data, err := sitefs.ReadFile(fsys, ImagesDir+"/"+img.Name, images.MaxBytes)
	if errors.Is(err, sitefs.ErrTooLarge) {
		img.Size = images.MaxBytes + 1 // it grew, or said it was smaller than it is
		return
	}
	if err != nil {
		img.Err = unwrapPath(err)
		return
	}
	img.Data, img.Size, img.Sum = data, int64(len(data)), maphash.Bytes(sumSeed, data)
	img.Info, img.Err = images.Inspect(data)
}
