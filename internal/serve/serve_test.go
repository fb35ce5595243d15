package serve

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// copyExample copies the example site so a test can edit it.
func copyExample(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join("../..", p))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// start runs a preview server of dir on a free loopback port.
func start(t testing.TB, dir string) string {
	t.Helper()
	srv := New(Config{Addr: "127.0.0.1:0", Options: sitetest.Options(dir, ""), Log: io.Discard})
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Run(ctx, func(a string) { addr <- a }); err != nil {
			t.Error(err)
		}
	}()
	t.Cleanup(func() { cancel(); <-done })
	return "http://" + <-addr
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// waitFor polls url until its body contains want (or lacks it, with "! ").
func waitFor(t testing.TB, url, want string) string {
	t.Helper()
	absent, negate := strings.CutPrefix(want, "! ")
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, body := get(t, url)
		if negate != strings.Contains(body, absent) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never showed %q", url, want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPreviewFollowsEditsAndShowsProblems(t *testing.T) {
	dir := copyExample(t)
	base := start(t, dir)
	story := filepath.Join(dir, "content/stories/forestry-chicks-goslings.md")
	url := base + "/stories/forestry-chicks-goslings/"

	code, page := get(t, url)
	if code != http.StatusOK || !strings.Contains(page, `<script src="/_jinzhan/reload.js" defer></script>`) {
		t.Fatalf("status %d, reload script missing", code)
	}

	// An edit shows up without a restart.
	src, _ := os.ReadFile(story)
	os.WriteFile(story, []byte(strings.Replace(string(src), "北票市林草局在结对帮扶中", "北票市林草局（预览测试）在结对帮扶中", 1)), 0o644)
	waitFor(t, url, "预览测试")

	// A broken figure: every page shows the problem with its line, over the last good page.
	data := filepath.Join(dir, "data/activities/volunteer.yaml")
	yaml, _ := os.ReadFile(data)
	os.WriteFile(data, []byte(strings.Replace(string(yaml), "value: 893", "value: 89x3", 1)), 0o644)
	page = waitFor(t, url, "jinzhan-problems")
	for _, want := range []string{"data/activities/volunteer.yaml:", "metrics[1].value: 这里应是数字，实际是 &#34;89x3&#34;", `<mark style="background:#b3261e;color:#fff">8</mark>9x3`, "预览测试"} {
		if !strings.Contains(page, want) {
			t.Errorf("problem page lacks %q", want)
		}
	}
	if _, home := get(t, base+"/"); !strings.Contains(home, "jinzhan-problems") {
		t.Error("the overview does not show the problem")
	}

	// Fixed: the page comes back by itself.
	os.WriteFile(data, yaml, 0o644)
	waitFor(t, url, "! jinzhan-problems")
}

func TestPreviewServesFilesAndRedirects(t *testing.T) {
	base := start(t, copyExample(t))
	_, page := get(t, base+"/")
	css := page[strings.Index(page, "/assets/css/"):]
	css = css[:strings.Index(css, `"`)]
	if code, body := get(t, base+css); code != http.StatusOK || !strings.Contains(body, "{") {
		t.Errorf("stylesheet: %d", code)
	}
	resp, err := http.Get(base + "/nowhere/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("missing page: %d", resp.StatusCode)
	}
}

func TestABurstOfSavesIsOneRebuild(t *testing.T) {
	dir := copyExample(t)
	p := follow(t, dir)
	for _, n := range []string{"forestry-chicks-goslings", "hospital-free-clinics", "school3-demo-street"} {
		appendTo(t, filepath.Join(dir, "content/stories", n+".md"), "\n补记一句。\n")
	}
	got := p.rebuildsThen(t, dir, "school3-demo-street.md")
	if len(got) != 1 || !strings.Contains(got[0], " content/stories/forestry-chicks-goslings.md, content/stories/hospital-free-clinics.md, content/stories/school3-demo-street.md → ") {
		t.Fatalf("want one rebuild naming the three stories, got:\n%s", strings.Join(got, "\n"))
	}
	if !strings.Contains(got[0], "重新生成 3/") {
		t.Errorf("the rebuild should render the three story pages: %s", got[0])
	}
}
