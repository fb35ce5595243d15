// Package images makes the resized versions of the photos a site shows:
// a few widths for an <img srcset>, re-encoded without metadata and named
// by their content, the same bytes for the same input.
package images

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// Limits on a photo. A small file can claim a huge picture, and decoding it
// would take gigabytes: MaxPixels bounds what is decoded.
const (
	MaxBytes  = 20 << 20
	MaxPixels = 64_000_000 // e.g. 8000×8000; 61-megapixel cameras fit
)

// Info is what a photo's header says.
type Info struct {
	Format string // "jpeg" or "png"
	// Width and Height are as the photo is shown: a camera's EXIF
	// orientation applied (a portrait stored sideways is taller than wide).
	Width, Height int
	// Orientation is the EXIF orientation of a JPEG, 1 (as stored) to 8.
	Orientation int
}

// Pixels is the decoded size of the photo.
func (i Info) Pixels() int { return i.Width * i.Height }

// FormatError says a file is not a JPEG or PNG image.
type FormatError struct {
	// Kind is what the file looks like, for a useful hint: "HEIC", "WebP",
	// "GIF", "BMP", "TIFF", "PDF", "HTML"; "" when unknown.
	Kind string
}

func (e *FormatError) Error() string {
	if e.Kind == "" {
		return "not a JPEG or PNG image"
	}
	return e.Kind + ", not a JPEG or PNG image"
}

// DamagedError says a JPEG or PNG file cannot be decoded.
type DamagedError struct {
	Format string // "JPEG" or "PNG"
	Err    error
}

func (e *DamagedError) Error() string { return fmt.Sprintf("damaged %s: %v", e.Format, e.Err) }

func (e *DamagedError) Unwrap() error { return e.Err }

// Inspect reads a photo's header (not its pixels): its format and size.
// The error is a *FormatError or a *DamagedError.
func Inspect(data []byte) (Info, error) {
	var (
		cfg image.Config
		err error
	)
	info := Info{Format: sniff(data), Orientation: 1}
	switch info.Format {
	case "jpeg":
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
		info.Orientation = orientation(data)
	case "png":
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	default:
		return Info{}, &FormatError{Kind: info.Format}
	}
	if err != nil {
		return Info{}, &DamagedError{Format: formatName(info.Format), Err: err}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, &DamagedError{Format: formatName(info.Format), Err: fmt.Errorf("size %d×%d", cfg.Width, cfg.Height)}
	}
	info.Width, info.Height = cfg.Width, cfg.Height
	if info.Orientation >= 5 { // turned by 90°
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

func formatName(format string) string {
	if format == "png" {
		return "PNG"
	}
	return "JPEG"
}

// sniff names a file's kind from its first bytes: "jpeg" and "png", which
// can be shown, else what it is for the message.
func sniff(b []byte) string {
	has := func(prefix string) bool { return bytes.HasPrefix(b, []byte(prefix)) }
	switch {
	case has("\xff\xd8\xff"):
		return "jpeg"
	case has("\x89PNG\r\n\x1a\n"):
		return "png"
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		switch string(b[8:12]) {
		case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1":
			return "HEIC"
		case "avif", "avis":
			return "AVIF"
		}
		return ""
	case len(b) >= 12 && has("RIFF") && string(b[8:12]) == "WEBP":
		return "WebP"
	case has("GIF87a"), has("GIF89a"):
		return "GIF"
	case has("BM"):
		return "BMP"
	case has("II*\x00"), has("MM\x00*"):
		return "TIFF"
	case has("%PDF"):
		return "PDF"
	}
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return "HTML" // "save image as" that saved the page
	}
	return ""
}

// orientation finds the EXIF orientation of a JPEG (1 when none): phones
// store portraits sideways and say so there; browsers turn the original,
// so the resized versions (which carry no EXIF) must be turned here.
func orientation(b []byte) int {
	i := 2 // after SOI
	for i+4 <= len(b) {
		if b[i] != 0xff {
			return 1
		}
		marker := b[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0xda || marker == 0xd9 { // start of scan, end of image
			return 1
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			return 1
		}
		seg := b[i+4 : i+2+n]
		if marker == 0xe1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return exifOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 1
}

// exifOrientation reads tag 0x0112 of IFD0 of a TIFF structure.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := int(order.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 1
	}
	count := int(order.Uint16(t[ifd:]))
	for k := range count {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if order.Uint16(t[e:]) == 0x0112 && order.Uint16(t[e+2:]) == 3 { // SHORT
			if o := int(order.Uint16(t[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}
