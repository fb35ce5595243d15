package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/draw"
)

// Widths are the widths, in pixels, made of every photo; a narrower
// original is never enlarged: its own width is then the widest.
var Widths = []int{480, 960, 1600}

// SrcWidth is the width of the version <img src> names, for browsers
// without srcset (and the size a story column shows at 1×).
const SrcWidth = 960

// Quality is the JPEG quality of the resized versions.
const Quality = 82

// Dir is the output folder of the resized versions (and the input folder
// of the originals, relative to the site).
const Dir = "images"

// Source is one original photo.
type Source struct {
	Name string // relative to the images folder: quanjuyong-ducks.jpg
	Data []byte
}

// File is one resized version to publish.
type File struct {
	Path string // images/quanjuyong-ducks-960.1a2b3c4d.jpg
	Data []byte
}

// Variant is one resized version as a page names it.
type Variant struct {
	Path          string // images/quanjuyong-ducks-960.1a2b3c4d.jpg
	Width, Height int
}

// URL is the root-relative address of the version.
func (v Variant) URL() string { return "/" + v.Path }

// Set is every version of one photo, narrowest first.
type Set struct {
	Variants []Variant
}

// Src is the version <img src> names: the widest up to SrcWidth.
func (s *Set) Src() Variant {
	best := s.Variants[0]
	for _, v := range s.Variants {
		if v.Width <= SrcWidth {
			best = v
		}
	}
	return best
}

// Largest is the widest version (e.g. for og:image).
func (s *Set) Largest() Variant { return s.Variants[len(s.Variants)-1] }

// Srcset lists every version with its width: "/images/a-480.x.jpg 480w, …".
func (s *Set) Srcset() string {
	parts := make([]string, len(s.Variants))
	for i, v := range s.Variants {
		parts[i] = v.URL() + " " + strconv.Itoa(v.Width) + "w"
	}
	return strings.Join(parts, ", ")
}

// Result is what Make made of one source: the set pages name and the
// files to publish, or why it could not.
type Result struct {
	Set   *Set
	Files []File
	Err   error
}

// Sizes are the versions made of a photo shown width×height.
func Sizes(width, height int) []image.Point {
	var out []image.Point
	for _, w := range Widths {
		if w >= width {
			break
		}
		out = append(out, image.Pt(w, scaled(height, w, width)))
	}
	if top := min(width, Widths[len(Widths)-1]); len(out) == 0 || out[len(out)-1].X < top {
		out = append(out, image.Pt(top, scaled(height, top, width)))
	}
	return out
}

// scaled is h·num/den rounded, at least 1.
func scaled(h, num, den int) int { return max(1, (h*num+den/2)/den) }

// Make makes the versions of every source, in parallel on GOMAXPROCS
// workers; the pixels decoded at once are bounded (see budget), so many
// large photos do not take all the memory. cache (nil: none; one Make at
// a time) reuses the versions of earlier calls by the source's bytes, and
// keeps only this call's.
func Make(srcs []Source, cache *Cache) []Result {
	out := make([]Result, len(srcs))
	budget := newBudget(2 * MaxPixels)
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(1, len(srcs))) {
		wg.Go(func() {
			for i := range next {
				enc, err := cache.get(srcs[i].Data, func() ([]encoded, error) { return encode(srcs[i].Data, budget) })
				out[i] = result(srcs[i].Name, enc, err)
			}
		})
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
	cache.sweep()
	return out
}

// encoded is one resized version, independent of the file's name.
type encoded struct {
	width, height int
	data          []byte
	ext           string // .jpg or .png
	sum           string // 8 hex digits of its SHA-256
}

func result(name string, enc []encoded, err error) Result {
	if err != nil {
		return Result{Err: err}
	}
	base := outputBase(name)
	r := Result{Set: &Set{}}
	for _, e := range enc {
		p := versionPath(base, e.width, e.sum, e.ext)
		r.Set.Variants = append(r.Set.Variants, Variant{Path: p, Width: e.width, Height: e.height})
		r.Files = append(r.Files, File{Path: p, Data: e.data})
	}
	return r
}

// versionPath names one resized version: images/<base>-<width>.<sum><ext>.
func versionPath(base string, width int, sum, ext string) string {
	return fmt.Sprintf("%s/%s-%d.%s%s", Dir, base, width, sum, ext)
}

// LongestVersionPath is the path of the resized version of the photo name
// with the longest file name, whatever its pixels: its widest width, a sum
// and an extension have fixed lengths. Validation checks file systems can
// hold it.
func LongestVersionPath(name string) string {
	return versionPath(outputBase(name), Widths[len(Widths)-1], strings.Repeat("0", sumDigits), ".jpg")
}

// sumDigits is how many hex digits of a version's SHA-256 its name carries.
const sumDigits = 8

// outputBase turns a source name into a safe URL path without extension:
// lowercase ASCII letters, digits, - and _ (others become -), folders kept.
// The content hash in every name keeps different photos apart.
func outputBase(name string) string {
	name = strings.TrimSuffix(name, path.Ext(name))
	segs := strings.Split(name, "/")
	for i, seg := range segs {
		var b strings.Builder
		dash := false
		for _, r := range strings.ToLower(seg) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
				b.WriteRune(r)
				dash = false
			} else if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		segs[i] = strings.TrimSuffix(b.String(), "-")
		if segs[i] == "" {
			segs[i] = "photo"
		}
	}
	return strings.Join(segs, "/")
}

// encode decodes one photo and encodes each of its versions.
func encode(data []byte, budget *budget) ([]encoded, error) {
	info, err := Inspect(data)
	if err != nil {
		return nil, err
	}
	if info.Pixels() > MaxPixels {
		return nil, fmt.Errorf("%d×%d pixels is more than %d", info.Width, info.Height, MaxPixels)
	}
	budget.acquire(info.Pixels())
	defer budget.release(info.Pixels())
	var src image.Image
	if info.Format == "png" {
		src, err = png.Decode(bytes.NewReader(data))
	} else {
		src, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, &DamagedError{Format: formatName(info.Format), Err: err}
	}
	// Widest first, each version scaled from the one before: only the
	// widest reads the whole original (1.5× faster for three widths, and
	// alike to the eye: each step shrinks by at most 2×).
	sizes := Sizes(info.Width, info.Height)
	out := make([]encoded, len(sizes))
	from := shrink(src, sizes[len(sizes)-1].X, info)
	for i := len(sizes) - 1; i >= 0; i-- {
		size := sizes[i]
		scaled := resize(from, size, info.Orientation)
		from = scaled
		img := orient(scaled, info.Orientation)
		var buf bytes.Buffer
		e := encoded{width: size.X, height: size.Y, ext: ".jpg"}
		if info.Format == "png" {
			e.ext = ".png"
			err = png.Encode(&buf, img)
		} else {
			err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: Quality})
		}
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(buf.Bytes())
		e.data, e.sum = buf.Bytes(), hex.EncodeToString(sum[:sumDigits/2])
		out[i] = e
	}
	return out, nil
}

// resize scales src to size as shown, working in the stored orientation
// (turning the small result is cheaper than turning the original).
func resize(src image.Image, size image.Point, orientation int) *image.RGBA {
	if orientation >= 5 {
		size.X, size.Y = size.Y, size.X
	}
	dst := image.NewRGBA(image.Rectangle{Max: size})
	if src.Bounds().Size() == size {
		draw.Draw(dst, dst.Rect, src, src.Bounds().Min, draw.Src)
		return dst
	}
	draw.CatmullRom.Scale(dst, dst.Rect, src, src.Bounds(), draw.Src, nil)
	return dst
}

// shrink prepares the original for CatmullRom. It converts it to RGBA
// once (scaling from JPEG's YCbCr converts every pixel at every kernel
// tap: a quarter slower), and when the original is at least twice as wide
// as the widest version it averages blocks of k×k pixels (k = how many
// times, rounded down), so that CatmullRom then reduces by less than 2×:
// the way libvips shrinks, nearly 2× faster on a 12-megapixel photo and
// alike to the eye.
func shrink(src image.Image, widest int, info Info) *image.RGBA {
	b := src.Bounds()
	rgba, ok := src.(*image.RGBA)
	if !ok || b.Min != (image.Point{}) {
		rgba = image.NewRGBA(image.Rectangle{Max: b.Size()})
		draw.Draw(rgba, rgba.Rect, src, b.Min, draw.Src)
	}
	k := info.Width / widest
	if k < 2 {
		return rgba
	}
	w, h := rgba.Rect.Dx()/k, rgba.Rect.Dy()/k
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sums := make([]int, 4*w)
	n := k * k
	for y := range h {
		clear(sums)
		for dy := range k {
			row := rgba.Pix[(y*k+dy)*rgba.Stride:]
			for x := range w {
				px := row[4*x*k : 4*(x+1)*k]
				s := sums[4*x : 4*x+4]
				for i := 0; i < len(px); i += 4 {
					s[0] += int(px[i])
					s[1] += int(px[i+1])
					s[2] += int(px[i+2])
					s[3] += int(px[i+3])
				}
			}
		}
		out := dst.Pix[y*dst.Stride:]
		for i, v := range sums {
			out[i] = uint8((v + n/2) / n)
		}
	}
	return dst
}

// orient turns an image stored with EXIF orientation o upright.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = w-1-x, y
			case 3: // upside down
				sx, sy = w-1-x, h-1-y
			case 4: // mirrored upside down
				sx, sy = x, h-1-y
			case 5: // mirrored, turned
				sx, sy = y, x
			case 6: // turn 90° clockwise
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8: // turn 90° counter-clockwise
				sx, sy = w-1-y, x
			}
			copy(dst.Pix[dst.PixOffset(x, y):][:4], src.Pix[src.PixOffset(sx, sy):][:4])
		}
	}
	return dst
}

// budget bounds the pixels decoded at once (a counting semaphore by
// weight); one photo may always proceed alone.
type budget struct {
	mu    sync.Mutex
	cond  *sync.Cond
	free  int
	total int
}

func newBudget(total int) *budget {
	b := &budget{free: total, total: total}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *budget) acquire(n int) {
	n = min(n, b.total)
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
}

func (b *budget) release(n int) {
	n = min(n, b.total)
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}
