package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"path"
	"slices"
	"strings"
	"testing"
)

// photo draws a w×h test picture: a gradient with the left third red, so
// that orientation and scaling can be seen.
func photo(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255}
			if x < w/3 {
				c = color.RGBA{220, 20, 20, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func jpegBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withOrientation inserts an EXIF APP1 segment saying orientation o
// after the SOI marker, as a camera writes it.
func withOrientation(data []byte, o uint16, order binary.ByteOrder) []byte {
	tiff := make([]byte, 8+2+12+4)
	if order == binary.LittleEndian {
		copy(tiff, "II*\x00")
	} else {
		copy(tiff, "MM\x00*")
	}
	order.PutUint32(tiff[4:], 8)
	order.PutUint16(tiff[8:], 1)       // one entry
	order.PutUint16(tiff[10:], 0x0112) // Orientation
	order.PutUint16(tiff[12:], 3)      // SHORT
	order.PutUint32(tiff[14:], 1)
	order.PutUint16(tiff[18:], o)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xff, 0xe1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{}, data[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, data[2:]...)
}

func TestSizes(t *testing.T) {
	for _, c := range []struct {
		w, h int
		want []image.Point
	}{
		{4000, 3000, []image.Point{{480, 360}, {960, 720}, {1600, 1200}}},
		{1600, 900, []image.Point{{480, 270}, {960, 540}, {1600, 900}}},
		{1200, 800, []image.Point{{480, 320}, {960, 640}, {1200, 800}}},
		{960, 640, []image.Point{{480, 320}, {960, 640}}},
		{700, 400, []image.Point{{480, 274}, {700, 400}}},
		{300, 200, []image.Point{{300, 200}}},
		{3000, 1, []image.Point{{480, 1}, {960, 1}, {1600, 1}}},
	} {
		if got := Sizes(c.w, c.h); !slices.Equal(got, c.want) {
			t.Errorf("Sizes(%d, %d) = %v, want %v", c.w, c.h, got, c.want)
		}
	}
}

func TestSetSrcAndSrcset(t *testing.T) {
	s := &Set{Variants: []Variant{{"images/a-480.1.jpg", 480, 360}, {"images/a-960.2.jpg", 960, 720}, {"images/a-1600.3.jpg", 1600, 1200}}}
	if got := s.Src(); got.Width != 960 {
		t.Errorf("Src = %v", got)
	}
	if got := s.Largest(); got.Width != 1600 {
		t.Errorf("Largest = %v", got)
	}
	if got, want := s.Srcset(), "/images/a-480.1.jpg 480w, /images/a-960.2.jpg 960w, /images/a-1600.3.jpg 1600w"; got != want {
		t.Errorf("Srcset = %q", got)
	}
	small := &Set{Variants: []Variant{{"images/b-300.1.png", 300, 200}}}
	if small.Src().Width != 300 {
		t.Error("a photo narrower than every width is its own src")
	}
}

func TestOutputBase(t *testing.T) {
	for in, want := range map[string]string{
		"quanjuyong-ducks.jpg":     "quanjuyong-ducks",
		"2020/IMG_2034 (1).JPG":    "2020/img_2034-1",
		"泉巨永乡.jpeg":                "photo",
		"马友营/pepper seedlings.png": "photo/pepper-seedlings",
	} {
		if got := outputBase(in); got != want {
			t.Errorf("outputBase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInspect(t *testing.T) {
	data := jpegBytes(t, photo(64, 48))
	info, err := Inspect(data)
	if err != nil || info != (Info{Format: "jpeg", Width: 64, Height: 48, Orientation: 1}) {
		t.Errorf("jpeg: %+v %v", info, err)
	}
	turned, _ := Inspect(withOrientation(data, 6, binary.BigEndian))
	if turned.Width != 48 || turned.Height != 64 || turned.Orientation != 6 {
		t.Errorf("orientation 6 (big-endian EXIF): %+v", turned)
	}
	if o, _ := Inspect(withOrientation(data, 8, binary.LittleEndian)); o.Orientation != 8 {
		t.Errorf("orientation 8 (little-endian EXIF): %+v", o)
	}

	var fe *FormatError
	for kind, head := range map[string]string{
		"HEIC": "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00",
		"WebP": "RIFF\x10\x00\x00\x00WEBPVP8 ",
		"GIF":  "GIF89a\x01\x00\x01\x00",
		"HTML": "\n<!DOCTYPE html><html><body>",
		"":     "just some text",
	} {
		_, err := Inspect([]byte(head))
		if !errors.As(err, &fe) || fe.Kind != kind {
			t.Errorf("%q: got %v, want a FormatError of kind %q", head, err, kind)
		}
	}
	var de *DamagedError
	if _, err := Inspect(data[:20]); !errors.As(err, &de) || de.Format != "JPEG" {
		t.Errorf("cut JPEG header: %v", err)
	}
}

func TestMakeResizesAndIsDeterministic(t *testing.T) {
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, photo(700, 400)); err != nil {
		t.Fatal(err)
	}
	srcs := []Source{
		{Name: "quanjuyong-ducks.jpg", Data: jpegBytes(t, photo(2000, 1500))},
		{Name: "chart.png", Data: pngBuf.Bytes()},
	}
	first := Make(srcs, nil)
	second := Make(srcs, nil)
	wantWidths := [][]int{{480, 960, 1600}, {480, 700}}
	for i, r := range first {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		var widths []int
		for j, f := range r.Files {
			v := r.Set.Variants[j]
			if f.Path != v.Path || !strings.HasPrefix(f.Path, "images/") {
				t.Errorf("file %s for variant %s", f.Path, v.Path)
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(f.Data))
			if err != nil || cfg.Width != v.Width || cfg.Height != v.Height {
				t.Errorf("%s: decodes as %s %dx%d (%v), variant says %dx%d", f.Path, format, cfg.Width, cfg.Height, err, v.Width, v.Height)
			}
			if want := map[int]string{0: "jpeg", 1: "png"}[i]; format != want {
				t.Errorf("%s is %s, want %s", f.Path, format, want)
			}
			widths = append(widths, cfg.Width)
			if !bytes.Equal(f.Data, second[i].Files[j].Data) || f.Path != second[i].Files[j].Path {
				t.Errorf("%s differs between two runs", f.Path)
			}
		}
		if !slices.Equal(widths, wantWidths[i]) {
			t.Errorf("%s: widths %v, want %v", srcs[i].Name, widths, wantWidths[i])
		}
	}
	if p := first[0].Set.Src().Path; !strings.HasPrefix(p, "images/quanjuyong-ducks-960.") || !strings.HasSuffix(p, ".jpg") {
		t.Errorf("src %s", p)
	}
}

func TestMakeTurnsByOrientation(t *testing.T) {
	// Stored 90×60 with the red third on the left; orientation 6 means
	// "turn 90° clockwise to show": the red comes on top, 60×90.
	data := withOrientation(jpegBytes(t, photo(90, 60)), 6, binary.BigEndian)
	r := Make([]Source{{Name: "turned.jpg", Data: data}}, nil)[0]
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	img, err := jpeg.Decode(bytes.NewReader(r.Files[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 60 || b.Dy() != 90 {
		t.Fatalf("turned size %v, want 60×90", b.Size())
	}
	red := func(x, y int) bool {
		r, g, _, _ := img.At(x, y).RGBA()
		return r > 0xb000 && g < 0x4000
	}
	if !red(30, 5) || red(30, 85) {
		t.Error("the red third is not on top after turning")
	}
}

func TestMakeReportsDamagedAndHugePhotos(t *testing.T) {
	data := jpegBytes(t, photo(200, 100))
	cut := data[:len(data)/2]
	huge := func() []byte { // a PNG header claiming 10000×10000 pixels
		var buf bytes.Buffer
		_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
		b := buf.Bytes()
		binary.BigEndian.PutUint32(b[16:], 10000)
		binary.BigEndian.PutUint32(b[20:], 10000)
		binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29])) // IHDR's CRC
		return b
	}()
	res := Make([]Source{{"cut.jpg", cut}, {"huge.png", huge}}, nil)
	var de *DamagedError
	if !errors.As(res[0].Err, &de) {
		t.Errorf("cut JPEG: %v", res[0].Err)
	}
	if res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "pixels") {
		t.Errorf("huge PNG: %v", res[1].Err)
	}
}

func TestCacheReusesByBytes(t *testing.T) {
	data := jpegBytes(t, photo(600, 400))
	c := NewCache()
	a := Make([]Source{{"a.jpg", data}}, c)[0]
	b := Make([]Source{{"renamed.jpg", data}}, c)[0]
	if &a.Files[0].Data[0] != &b.Files[0].Data[0] {
		t.Error("the same bytes were resized again")
	}
	if !strings.HasPrefix(b.Files[0].Path, "images/renamed-480.") {
		t.Errorf("renamed photo published as %s", b.Files[0].Path)
	}
	Make(nil, c)
	if c.Len() != 0 {
		t.Errorf("%d photos kept after a build without them", c.Len())
	}
}

func BenchmarkMake(b *testing.B) {
	data := jpegBytes(b, photo(4000, 3000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if r := Make([]Source{{"x.jpg", data}}, nil)[0]; r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}

func TestLongestVersionPathIsTheWidestVersionsLength(t *testing.T) {
	name := "2020/IMG_2034 (1).JPG"
	r := Make([]Source{{Name: name, Data: jpegBytes(t, photo(2000, 1500))}}, nil)[0]
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	widest := r.Set.Variants[len(r.Set.Variants)-1].Path
	longest := LongestVersionPath(name)
	if len(longest) != len(widest) || path.Dir(longest) != path.Dir(widest) {
		t.Errorf("LongestVersionPath = %s, the widest version is %s", longest, widest)
	}
}
