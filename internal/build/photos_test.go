package build_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// photoStory is a story with two photos; the test writes the image files.
const photoStory = `
-- content/stories/ducks.md --
---
title: 养鸭
date: 2020-08-06
activity: help
townships: [longtan]
photos:
  - file: ducks.jpg
    alt: 鸭棚里的"鸭群" <script>alert(1)</script> & 饲料
    caption: 当地发展养鸭产业，带动贫困户增收。
    credit: 记者 张三 摄
  - file: charts/plan.png
    alt: 规划图
---
正文。
`

// testPicture is a w×h picture with some detail, so that JPEG has work to do.
func testPicture(w, h int, alpha uint8) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x*7 + y*13) % 256), alpha})
		}
	}
	return img
}

func encodeJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testPicture(w, h, 255), &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, testPicture(w, h, 200)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writePhotos writes the images of photoStory into a site folder.
func writePhotos(t *testing.T, dir string) {
	t.Helper()
	writeFile(t, dir, "images/ducks.jpg", encodeJPEG(t, 2000, 1200))
	writeFile(t, dir, "images/charts/plan.png", encodePNG(t, 700, 420))
}

var imgTag = regexp.MustCompile(`<img [^>]*>`)

// attr reads one attribute of an HTML tag.
func attr(tag, name string) string {
	m := regexp.MustCompile(` ` + name + `="([^"]*)"`).FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	return m[1]
}

func TestStoryPhotosAreResized(t *testing.T) {
	dir := sitetest.Write(t, baseSite+photoStory)
	writePhotos(t, dir)
	r := sitetest.Run(t, dir)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	page := r.Read("stories/ducks/index.html")
	tags := imgTag.FindAllString(page, -1)
	if len(tags) != 2 {
		t.Fatalf("%d <img> on the story page, want 2:\n%s", len(tags), page)
	}
	want := []struct {
		widths   []int
		src      int // width of the src version
		height   string
		ext, alt string
	}{
		{[]int{480, 960, 1600}, 960, "576", ".jpg", `鸭棚里的&#34;鸭群&#34; &lt;script&gt;alert(1)&lt;/script&gt; &amp; 饲料`},
		{[]int{480, 700}, 700, "420", ".png", "规划图"},
	}
	for i, tag := range tags {
		w := want[i]
		for _, a := range []string{`loading="lazy"`, `decoding="async"`, `sizes="(min-width: 42rem) 38rem, 100vw"`} {
			if !strings.Contains(tag, a) {
				t.Errorf("img %d lacks %s: %s", i, a, tag)
			}
		}
		if got := attr(tag, "alt"); got != w.alt {
			t.Errorf("img %d alt = %q, want %q", i, got, w.alt)
		}
		if attr(tag, "width") != strconv.Itoa(w.src) || attr(tag, "height") != w.height {
			t.Errorf("img %d width×height = %s×%s, want %d×%s", i, attr(tag, "width"), attr(tag, "height"), w.src, w.height)
		}
		// Every version in srcset exists, decodes, and is as wide as it says.
		var widths []int
		for _, cand := range strings.Split(attr(tag, "srcset"), ", ") {
			url, descriptor, _ := strings.Cut(cand, " ")
			data := []byte(r.Read(strings.TrimPrefix(url, "/")))
			cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", url, err)
				continue
			}
			if descriptor != strconv.Itoa(cfg.Width)+"w" {
				t.Errorf("%s is %d pixels wide, srcset says %s", url, cfg.Width, descriptor)
			}
			if !strings.HasSuffix(url, w.ext) || !regexp.MustCompile(`-\d+\.[0-9a-f]{8}\.`).MatchString(url) {
				t.Errorf("%s: want name-width.hash%s", url, w.ext)
			}
			widths = append(widths, cfg.Width)
		}
		if !slices.Equal(widths, w.widths) {
			t.Errorf("img %d versions %v, want %v", i, widths, w.widths)
		}
		if src := attr(tag, "src"); !strings.Contains(src, "-"+strconv.Itoa(w.src)+".") {
			t.Errorf("img %d src %s, want the %d version", i, src, w.src)
		}
	}
	if !strings.Contains(tags[0], `src="/images/ducks-960.`) || !strings.Contains(tags[1], `src="/images/charts/plan-700.`) {
		t.Errorf("src names: %v", tags)
	}
	r.AssertFile("stories/ducks/index.html", `<figure class="photo">`,
		`<figcaption>当地发展养鸭产业，带动贫困户增收。 <span class="credit">记者 张三 摄</span></figcaption>`, "! <script>alert",
		`<meta property="og:image" content="https://example.org/images/ducks-1600.`, `<meta name="twitter:card" content="summary_large_image">`)
	// The originals are not published.
	r.AssertNoFile("images/ducks.jpg")
	r.AssertNoFile("images/charts/plan.png")

	// jinzhan check finds every src.
	if _, err := build.Run(sitetest.Options(dir, "")); err != nil {
		t.Errorf("check: %v", err)
	}
}

func TestPhotosAreByteIdenticalAcrossBuilds(t *testing.T) {
	dir := sitetest.Write(t, baseSite+photoStory)
	writePhotos(t, dir)
	var trees []map[string][]byte
	for i := range 2 {
		public := filepath.Join(t.TempDir(), "public")
		if _, err := build.Run(sitetest.Options(dir, public)); err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		tree := map[string][]byte{}
		_ = filepath.Walk(public, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				rel, _ := filepath.Rel(public, p)
				tree[filepath.ToSlash(rel)], _ = os.ReadFile(p)
			}
			return err
		})
		trees = append(trees, tree)
	}
	photos := 0
	for name, data := range trees[0] {
		if strings.HasPrefix(name, "images/") {
			photos++
		}
		if !bytes.Equal(data, trees[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if photos != 5 || len(trees[0]) != len(trees[1]) {
		t.Errorf("%d resized photos (want 5), %d and %d files", photos, len(trees[0]), len(trees[1]))
	}
}

func TestPhotoProblems(t *testing.T) {
	dir := sitetest.Write(t, baseSite+`
-- content/stories/ducks.md --
---
title: 养鸭
date: 2020-08-06
activity: help
photos:
  - file: duck.jpg
    alt: 鸭群
  - file: notes.jpg
    alt: 不是照片
  - file: ../site.yaml
    alt: 想读站点设置
  - file: images/ducks.jpg
    alt: 多写了 images/
  - file: iphone.jpg
    alt: 苹果手机照片
  - file: cut.jpg
    alt: 只拷了一半
---
正文。
-- content/about.md --
---
title: 关于
photos:
  - file: ducks.jpg
    alt: 鸭群
---
关于。
-- images/notes.jpg --
这是一段文字，不是照片。
`)
	writeFile(t, dir, "images/ducks.jpg", encodeJPEG(t, 300, 200))
	writeFile(t, dir, "images/iphone.jpg", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"))
	full := encodeJPEG(t, 300, 200)
	writeFile(t, dir, "images/cut.jpg", full[:len(full)/2]) // the header is whole, the pixels are not
	r := sitetest.Run(t, dir)
	r.AssertProblems(
		"content/about.md:4:3: photos: only stories show photos\n\thint: move photos: to a story in content/stories/, or remove it",
		"content/stories/ducks.md:6:11: photos[0].file: images/duck.jpg does not exist\n\thint: did you mean ducks.jpg?",
		"content/stories/ducks.md:8:11: photos[1].file: images/notes.jpg is not a JPEG or PNG image\n\thint: save or export it as JPEG (.jpg) or PNG (.png)",
		`content/stories/ducks.md:10:11: photos[2].file: "../site.yaml" is outside images/`,
		"content/stories/ducks.md:12:11: photos[3].file: images/images/ducks.jpg does not exist\n\thint: the path is relative to images/: write ducks.jpg",
		"content/stories/ducks.md:14:11: photos[4].file: images/iphone.jpg is a HEIC file, not a JPEG or PNG image\n\thint: export it as JPEG",
	)
	if n := len(r.Problems()); n != 6 {
		t.Errorf("%d problems, want 6:\n%s", n, strings.Join(r.Problems(), "\n"))
	}
	if _, err := os.Stat(r.Public); !os.IsNotExist(err) {
		t.Error("a failed build wrote public/")
	}

	// The build stops after validation, so the cut file (whose header is
	// fine) is found once the rest is fixed, when it is decoded.
	story := filepath.Join(dir, "content/stories/ducks.md")
	writeText(t, story, "---\ntitle: 养鸭\ndate: 2020-08-06\nactivity: help\nphotos:\n  - file: cut.jpg\n    alt: 只拷了一半\n---\n正文。\n")
	os.Remove(filepath.Join(dir, "content/about.md"))
	r = sitetest.Run(t, dir)
	r.AssertProblems("content/stories/ducks.md:6:11: photos[0].file: images/cut.jpg is a damaged JPEG file: ", "\thint: open it in an image viewer and save it again")
}

func TestPhotoHintsListNearestFiles(t *testing.T) {
	dir := sitetest.Write(t, baseSite+`
-- content/stories/ducks.md --
---
title: 养鸭
date: 2020-08-06
activity: help
photos:
  - file: quanjuyong.jpg
    alt: 鸭群
  - file: Ducks.JPG
    alt: 鸭群
---
正文。
`)
	for _, name := range []string{"ducks.jpg", "quanjuyong-ducks-1.jpg", "quanjuyong-ducks-2.jpg", "mayouying-pepper.jpg", "zzz.png"} {
		writeFile(t, dir, "images/"+name, []byte("not read: no page names it"))
	}
	r := sitetest.Run(t, dir)
	r.AssertProblems(
		"photos[0].file: images/quanjuyong.jpg does not exist\n\thint: files in images/ with the nearest names: quanjuyong-ducks-1.jpg, quanjuyong-ducks-2.jpg, ducks.jpg",
		"photos[1].file: images/Ducks.JPG does not exist\n\thint: did you mean ducks.jpg? (capitals count)",
	)
}

func TestSessionKeepsResizedPhotos(t *testing.T) {
	dir := sitetest.Write(t, baseSite+photoStory)
	writePhotos(t, dir)
	s := build.NewSession(sitetest.Options(dir, ""))
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	assertSessionMatchesFullBuild(t, s, dir)
	page, _ := s.Page("/stories/ducks/")
	src := strings.TrimPrefix(attr(imgTag.FindString(string(page)), "src"), "/")
	before, ok := s.File(src)
	if !ok {
		t.Fatalf("the session does not serve %s", src)
	}

	// A text edit elsewhere resizes nothing: the same bytes are served.
	story := filepath.Join(dir, "content/stories/forestry.md")
	writeText(t, story, strings.Replace(readText(t, story), "林草局送去", "北票市林草局送去", 1))
	up, err := s.RebuildChanged([]string{"content/stories/forestry.md"})
	if err != nil || !slices.Equal(up.Rendered, []string{"/stories/forestry/"}) {
		t.Errorf("text edit rendered %v (%v)", up.Rendered, err)
	}
	if after, _ := s.File(src); &after[0] != &before[0] {
		t.Error("a text edit resized the photos again")
	}

	// A new photo under the same name: only its story is rendered again.
	writeFile(t, dir, "images/ducks.jpg", encodeJPEG(t, 1000, 800))
	up, err = s.RebuildChanged([]string{"images/ducks.jpg"})
	if err != nil || !slices.Equal(up.Rendered, []string{"/stories/ducks/"}) {
		t.Errorf("photo replaced: rendered %v (%v)", up.Rendered, err)
	}
	assertSessionMatchesFullBuild(t, s, dir)
	if _, ok := s.File(src); ok {
		t.Errorf("%s of the old photo is still served", src)
	}

	// A photo removed: the problem is shown, the last good site stays.
	os.Remove(filepath.Join(dir, "images/ducks.jpg"))
	if _, err := s.RebuildChanged([]string{"images/ducks.jpg"}); err == nil || !strings.Contains(err.Error(), "photos[0].file: images/ducks.jpg does not exist") {
		t.Errorf("removed photo: %v", err)
	}
	if page, _ := s.Page("/stories/ducks/"); !strings.Contains(string(page), `width="960" height="768"`) {
		t.Error("the last good page is gone")
	}
}
