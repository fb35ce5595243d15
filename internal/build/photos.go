package build

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/images"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// makePhotos makes the resized versions of every image a story shows, from
// the bytes the load stage read (cache: the preview's, or nil). Validation
// has checked each file's header; a file whose pixels still cannot be
// decoded (cut short, say) is reported at the first photo naming it.
func makePhotos(in *load.Input, cache *images.Cache, list *diag.List) (site.Photos, []render.File) {
	type use struct {
		pos   diag.Pos
		field string
	}
	first := map[string]use{}
	var srcs []images.Source
	for _, d := range in.Docs {
		if d.Kind != load.KindStory {
			continue
		}
		for i, p := range d.Front.Photos {
			name, ok := load.PhotoPath(p.File)
			img := in.Images[name]
			if _, seen := first[name]; !ok || seen || img == nil || img.Data == nil {
				continue
			}
			first[name] = use{p.At("file"), fmt.Sprintf("photos[%d].file", i)}
			srcs = append(srcs, images.Source{Name: name, Data: img.Data})
		}
	}
	slices.SortFunc(srcs, func(a, b images.Source) int { return cmp.Compare(a.Name, b.Name) })
	photos := site.Photos{}
	var files []render.File
	for i, r := range images.Make(srcs, cache) {
		name := srcs[i].Name
		if r.Err != nil {
			photoProblem(list, first[name].pos, first[name].field, name, r.Err)
			continue
		}
		photos[name] = r.Set
		for _, f := range r.Files {
			files = append(files, render.File{Path: f.Path, Data: f.Data})
		}
	}
	return photos, files
}

// photoProblem reports that the photo name, first named at pos, could not
// be resized.
func photoProblem(list *diag.List, pos diag.Pos, field, name string, err error) {
	shown := load.ImagesDir + "/" + name
	hint := diag.T("open it in an image viewer and save it again, or copy it from the camera again")
	if de := (*images.DamagedError)(nil); errors.As(err, &de) {
		list.Errorf(pos, field, hint, "%s is a damaged %s file: %v", shown, de.Format, de.Err)
	} else {
		list.Errorf(pos, field, hint, "cannot resize %s: %v", shown, err)
	}
}
