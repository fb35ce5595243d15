package validate

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/images"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
)

// photos checks a story's photos against the files under images/, as the
// load stage listed and read them.
func (v *validator) photos(d *load.Doc) {
	fm := &d.Front
	if len(fm.Photos) == 0 {
		return
	}
	if d.Kind != load.KindStory {
		v.list.Errorf(fm.At("photos"), "photos", diag.T("move photos: to a story in content/stories/, or remove it"), "only stories show photos")
		return
	}
	for i := range fm.Photos {
		p := &fm.Photos[i]
		if p.File == "" {
			continue // reported as a missing or empty field
		}
		pos, field := p.At("file"), fmt.Sprintf("photos[%d].file", i)
		name, ok := load.PhotoPath(p.File)
		if !ok {
			v.list.Errorf(pos, field, diag.T("write the file's name under images/, e.g. new-village-road.jpg"), "%q is outside images/", p.File)
			continue
		}
		shown := load.ImagesDir + "/" + name
		img := v.in.Images[name]
		switch {
		case img == nil && v.in.Unreadable[shown]:
			continue // the file is there but must not be read: reported at its path
		case img == nil:
			v.list.Errorf(pos, field, v.missingPhotoHint(name), "%s does not exist", shown)
		case !publish.NameOK(images.LongestVersionPath(name)):
			v.versionNameTooLong(pos, field, shown, name)
		case img.Size > images.MaxBytes:
			v.list.Errorf(pos, field, diag.T("export a smaller copy, e.g. 3000 pixels wide: the site makes its own sizes up to 1600 pixels"),
				"%s is %.1f MB, more than the limit of %d MB", shown, float64(img.Size)/(1<<20), images.MaxBytes>>20)
		case img.Err != nil:
			v.photoError(pos, field, shown, img.Err)
		case img.Info.Pixels() > images.MaxPixels:
			v.list.Errorf(pos, field, diag.T("export a smaller copy, e.g. 3000 pixels wide: the site makes its own sizes up to 1600 pixels"),
				"%s is %d×%d pixels, too large to resize", shown, img.Info.Width, img.Info.Height)
		}
	}
}

// versionNameTooLong reports a photo whose resized versions' names cannot
// be written: the site adds the width and a hash to the photo's name.
func (v *validator) versionNameTooLong(pos diag.Pos, field, shown, name string) {
	longest := path.Base(images.LongestVersionPath(name))
	added := len(path.Base(images.LongestVersionPath("a"))) - len("a")
	v.list.Errorf(pos, field, diag.T("rename the photo to at most %d letters and digits before the extension, and write the new name here", publish.MaxNameBytes-added),
		"the name of %s is too long: its resized versions' names would be %d bytes, more than the %d file systems allow", shown, len(longest), publish.MaxNameBytes)
}

// photoError reports a file that is there but cannot be shown.
func (v *validator) photoError(pos diag.Pos, field, shown string, err error) {
	var fe *images.FormatError
	var de *images.DamagedError
	export := diag.T("save or export it as JPEG (.jpg) or PNG (.png)")
	switch {
	case errors.As(err, &fe) && fe.Kind == "HEIC":
		v.list.Errorf(pos, field, diag.T("export it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible)"), "%s is a %s file, not a JPEG or PNG image", shown, fe.Kind)
	case errors.As(err, &fe) && fe.Kind == "HTML":
		v.list.Errorf(pos, field, diag.T("open the page, right-click the photo and save the image itself"), "%s is a web page, not a photo", shown)
	case errors.As(err, &fe) && fe.Kind != "":
		v.list.Errorf(pos, field, export, "%s is a %s file, not a JPEG or PNG image", shown, fe.Kind)
	case errors.As(err, &fe):
		v.list.Errorf(pos, field, export, "%s is not a JPEG or PNG image", shown)
	case errors.As(err, &de):
		v.list.Errorf(pos, field, diag.T("open it in an image viewer and save it again, or copy it from the camera again"), "%s is a damaged %s file: %v", shown, de.Format, de.Err)
	default:
		v.list.Errorf(pos, field, diag.T("check that the file can be opened"), "cannot read %s: %v", shown, err)
	}
}

// missingPhotoHint points at the file the editor most likely meant.
func (v *validator) missingPhotoHint(name string) diag.Text {
	if rest, ok := strings.CutPrefix(name, load.ImagesDir+"/"); ok && v.in.Images[rest] != nil {
		return diag.T("the path is relative to images/: write %s", rest)
	}
	names := v.in.ImageNames()
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return diag.T("did you mean %s? (capitals count)", n)
		}
	}
	if near := diag.Nearest(name, names); near != "" {
		return diag.T("did you mean %s?", near)
	}
	if len(names) == 0 {
		return diag.T("put the photo in the images/ folder beside site.yaml")
	}
	return diag.T("files in images/ with the nearest names: %s", strings.Join(diag.Closest(name, names, 3), ", "))
}
