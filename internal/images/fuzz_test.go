package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"testing"
)

// FuzzInspect feeds the photo header reader arbitrary bytes: it must not
// panic, must say why it refuses a file (a *FormatError or a
// *DamagedError), and what it accepts must be a photo that can be sized:
// a known format, a positive size, an EXIF orientation from 1 to 8, and
// the size the image decoders read, turned by that orientation. Inspect
// reads headers only, so its work is bounded by the input's length.
func FuzzInspect(f *testing.F) {
	small := jpegBytes(f, photo(12, 8))
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, photo(9, 5)); err != nil {
		f.Fatal(err)
	}
	seeds := [][]byte{
		small,
		withOrientation(small, 6, binary.BigEndian),
		withOrientation(small, 8, binary.LittleEndian),
		withOrientation(small, 3, binary.BigEndian),
		withOrientation(small, 0, binary.LittleEndian), // out of range: as stored
		withOrientation(small, 9, binary.BigEndian),
		small[:len(small)/2],
		pngBuf.Bytes(),
		pngBuf.Bytes()[:30],
		[]byte("\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*\x00\x00\x00\x08"), // EXIF, then nothing
		[]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"),
		[]byte("<!DOCTYPE html><html>"),
		{},
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Inspect(data)
		if err != nil {
			var fe *FormatError
			var de *DamagedError
			if !errors.As(err, &fe) && !errors.As(err, &de) {
				t.Fatalf("an error that says nothing of the file: %T %v", err, err)
			}
			if info != (Info{}) {
				t.Fatalf("an error with an Info: %+v", info)
			}
			return
		}
		if info.Width <= 0 || info.Height <= 0 || info.Pixels() <= 0 {
			t.Fatalf("accepted with size %d×%d", info.Width, info.Height)
		}
		if info.Orientation < 1 || info.Orientation > 8 {
			t.Fatalf("orientation %d", info.Orientation)
		}
		var cfg image.Config
		switch info.Format {
		case "jpeg":
			cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
		case "png":
			cfg, err = png.DecodeConfig(bytes.NewReader(data))
			if info.Orientation != 1 {
				t.Fatalf("a PNG with orientation %d", info.Orientation)
			}
		default:
			t.Fatalf("accepted format %q", info.Format)
		}
		if err != nil {
			t.Fatalf("accepted, but the %s decoder says: %v", info.Format, err)
		}
		w, h := cfg.Width, cfg.Height
		if info.Orientation >= 5 {
			w, h = h, w
		}
		if info.Width != w || info.Height != h {
			t.Fatalf("size %d×%d, the decoder reads %d×%d at orientation %d", info.Width, info.Height, cfg.Width, cfg.Height, info.Orientation)
		}
	})
}
