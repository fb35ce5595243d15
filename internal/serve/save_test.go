package serve

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// preview is a preview server following a site folder's changes, with its
// watcher and log at hand.
type preview struct {
	base string // URL
	srv  *Server
	w    *watcher
	log  *sitetest.Buffer
}

func follow(t testing.TB, dir string) *preview {
	t.Helper()
	p := &preview{log: &sitetest.Buffer{}}
	p.srv = New(Config{Addr: "127.0.0.1:0", Options: sitetest.Options(dir, ""), Log: p.log})
	w, err := newWatcher(dir, p.srv.warn)
	if err != nil {
		t.Fatal(err)
	}
	p.w = w
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.srv.follow(ctx, w)
	}()
	web := httptest.NewServer(p.srv)
	p.base = web.URL
	t.Cleanup(func() { web.Close(); cancel(); <-done })
	return p
}

// waitLog waits until the log holds want n times.
func (p *preview) waitLog(t testing.TB, want string, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(p.log.String(), want) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the log never showed %q:\n%s", want, p.log)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// rebuilds lists the rebuilds the log shows, the first build left out.
func (p *preview) rebuilds() []string {
	var lines []string
	for _, line := range strings.Split(p.log.String(), "\n") {
		if strings.Contains(line, " → ") && !strings.Contains(line, "首次生成") {
			lines = append(lines, line)
		}
	}
	return lines
}

// sentinel is the story rebuildsThen saves.
const sentinel = "content/stories/dongdi-egg-livestream.md"

// rebuildsThen waits for a rebuild naming file, then saves another story
// and waits for its rebuild: whatever events the saves before still had
// coming are rebuilt before it or with it, and show in the log. It returns
// the rebuilds logged before that story's.
func (p *preview) rebuildsThen(t testing.TB, dir, file string) []string {
	t.Helper()
	p.waitLog(t, file, 1)
	appendTo(t, filepath.Join(dir, sentinel), "\n补记一句。\n")
	p.waitLog(t, sentinel, 1)
	got := p.rebuilds()
	if !strings.Contains(got[len(got)-1], " "+sentinel+" → ") {
		t.Fatalf("the rebuild of %s alone should come last, got:\n%s", sentinel, strings.Join(got, "\n"))
	}
	return got[:len(got)-1]
}

func appendTo(t testing.TB, path, text string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(src, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

const (
	storyFile = "content/stories/forestry-chicks-goslings.md"
	storyURL  = "/stories/forestry-chicks-goslings/"
)

// saves are the ways editors save a file (measured: see settle.go).
var saves = []struct {
	name string
	save func(t *testing.T, path string, text []byte)
}{
	{"in place (vim, VS Code)", func(t *testing.T, path string, text []byte) {
		must(t, os.WriteFile(path, text, 0o644))
	}},
	{"a temporary file renamed over (VS Code's atomic save, sed -i)", func(t *testing.T, path string, text []byte) {
		tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".vsctmp")
		must(t, os.WriteFile(tmp, text, 0o644))
		must(t, os.Rename(tmp, path))
	}},
	{"JetBrains' safe write", func(t *testing.T, path string, text []byte) {
		must(t, os.WriteFile(path+"___jb_tmp___", text, 0o644))
		must(t, os.Rename(path, path+"___jb_old___"))
		must(t, os.Rename(path+"___jb_tmp___", path))
		must(t, os.Remove(path+"___jb_old___"))
	}},
	{"in chunks, with pauses", func(t *testing.T, path string, text []byte) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		must(t, err)
		defer f.Close()
		// Truncated, the text not written yet: an empty file is no save.
		time.Sleep(2 * quiet)
		// Then chunks, pausing less than settle: the burst has lasted
		// longer than quiet, so it waits for settle.
		third := len(text) / 3
		for i, pause := range []time.Duration{quiet / 3, settle / 2, 0} {
			chunk := text[i*third:]
			if i < 2 {
				chunk = chunk[:third]
			}
			_, err := f.Write(chunk)
			must(t, err)
			time.Sleep(pause)
		}
		must(t, f.Close())
	}},
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestEverySaveIsOneRebuild(t *testing.T) {
	for _, s := range saves {
		t.Run(s.name, func(t *testing.T) {
			dir := copyExample(t)
			p := follow(t, dir)
			story := filepath.Join(dir, storyFile)
			src, err := os.ReadFile(story)
			must(t, err)
			s.save(t, story, append(src, "\n保存完毕。\n"...))
			got := p.rebuildsThen(t, dir, storyFile)
			if len(got) != 1 || !strings.Contains(got[0], " "+storyFile+" → 重新生成") {
				t.Errorf("want one rebuild of %s alone, got:\n%s", storyFile, strings.Join(got, "\n"))
			}
			if _, page := get(t, p.base+storyURL); !strings.Contains(page, "保存完毕。") {
				t.Error("the page does not show the whole text")
			}
		})
	}
}

func TestLostEventsRereadEveryFile(t *testing.T) {
	dir := copyExample(t)
	p := follow(t, dir)
	stories := filepath.Join(dir, "content/stories")
	// An edit the watcher never hears of, as when the kernel's event queue
	// overflows and drops it.
	if err := p.w.w.Remove(stories); err != nil {
		t.Fatal(err)
	}
	appendTo(t, filepath.Join(dir, storyFile), "\n没有通知的修改。\n")
	p.w.w.Errors <- fsnotify.ErrEventOverflow
	waitFor(t, p.base+storyURL, "没有通知的修改。")
	p.waitLog(t, "文件变动通知有遗漏，已重新读取全部文件", 1)

	// Its folder is watched again.
	appendTo(t, filepath.Join(dir, storyFile), "\n有通知的修改。\n")
	waitFor(t, p.base+storyURL, "有通知的修改。")
}

// jpegOf encodes a w×h grey picture.
func jpegOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFoldersCreatedAfterStartAreWatched(t *testing.T) {
	dir := copyExample(t)
	story := filepath.Join(dir, storyFile)
	src, err := os.ReadFile(story)
	if err != nil {
		t.Fatal(err)
	}
	withPhoto := strings.Replace(string(src), "---\n", "---\nphotos:\n  - file: 2020/chicks/chicks.jpg\n    alt: 鸡雏\n", 1)
	if err := os.WriteFile(story, []byte(withPhoto), 0o644); err != nil {
		t.Fatal(err)
	}
	p := follow(t, dir)
	url := p.base + storyURL
	waitFor(t, url, "jinzhan-problems") // no images/ yet

	// images/ moved in at once, folders and photo: nothing in it had an event.
	outside := t.TempDir()
	photo := filepath.Join(outside, "images/2020/chicks/chicks.jpg")
	if err := os.MkdirAll(filepath.Dir(photo), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(photo, jpegOf(t, 1200, 800), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(outside, "images"), filepath.Join(dir, "images")); err != nil {
		t.Fatal(err)
	}
	page := waitFor(t, url, "! jinzhan-problems")
	if !strings.Contains(page, `alt="鸡雏"`) {
		t.Fatal("the photo is not on the page")
	}

	// A photo replaced in the new folders: they are watched.
	if err := os.WriteFile(filepath.Join(dir, "images/2020/chicks/chicks.jpg"), jpegOf(t, 800, 800), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, url, `height="800"`)

	// The folders moved away: the photo is missing, and no folder of them
	// is watched any more.
	if err := os.Rename(filepath.Join(dir, "images/2020"), filepath.Join(outside, "gone")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, url, "jinzhan-problems")
	gone := filepath.Join(dir, "images", "2020")
	for _, w := range p.w.w.WatchList() {
		// Not "2020" anywhere in the path: the test's own temporary
		// folder is named with random digits.
		if w == gone || strings.HasPrefix(w, gone+string(filepath.Separator)) {
			t.Errorf("%s is still watched", w)
		}
	}
}
