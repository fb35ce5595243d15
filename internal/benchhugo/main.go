// Command benchhugo times jinzhan against Hugo on the same 10,000 stories
// (make bench-hugo). It needs a hugo binary on PATH; both sites are written
// to tmpfs, each tool builds its site five times, the medians are printed.
// Hugo gets minimal layouts (a page per story, paginated lists, its default
// RSS and sitemap); jinzhan builds the whole example site around the stories
// (activities, townships, charts, open data), so the comparison favours Hugo.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	stories := flag.Int("stories", 10000, "stories to generate")
	runs := flag.Int("runs", 5, "builds per tool")
	jinzhan := flag.String("jinzhan", "bin/jinzhan", "jinzhan binary")
	example := flag.String("example", ".", "the example site to add stories to")
	flag.Parse()
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		fmt.Println("benchhugo: no hugo on PATH; skipped")
		return
	}
	root := "/dev/shm"
	if _, err := os.Stat(root); err != nil {
		root = os.TempDir()
	}
	dir, err := os.MkdirTemp(root, "jinzhan-vs-hugo-")
	check(err)
	defer os.RemoveAll(dir)

	jz := filepath.Join(dir, "jinzhan")
	check(os.MkdirAll(jz, 0o755))
	for _, p := range []string{"site.yaml", "data", "content"} {
		src := filepath.Join(*example, p)
		if info, err := os.Stat(src); err == nil && info.IsDir() {
			check(os.CopyFS(filepath.Join(jz, p), os.DirFS(src)))
		} else {
			data, err := os.ReadFile(src)
			check(err)
			check(os.WriteFile(filepath.Join(jz, p), data, 0o644))
		}
	}
	hg := filepath.Join(dir, "hugo")
	writeHugoSkeleton(hg)
	para := strings.Repeat("林草局结对帮扶，为贫困户送去鸡雏和鹅雏，助力贫困户稳定增收。", 4)
	for i := range *stories {
		date := fmt.Sprintf("2020-%02d-%02d", 1+i%12, 1+i%28)
		head := fmt.Sprintf("---\ntitle: 生成的故事%d\ndate: %s\n", i, date)
		jzBody := head + "activity: volunteer\ntownships: [mayouying]\n---\n## 小标题\n\n" + para + "送去{{volunteer.forestry.chicks}}。\n\n- 参与干部{{volunteer.cadres}}\n\n" + para + "\n"
		hgBody := head + "---\n## 小标题\n\n" + para + "送去6000余只。\n\n- 参与干部1.2万名\n\n" + para + "\n"
		name := fmt.Sprintf("gen-%05d.md", i)
		check(os.WriteFile(filepath.Join(jz, "content/stories", name), []byte(jzBody), 0o644))
		check(os.WriteFile(filepath.Join(hg, "content/stories", name), []byte(hgBody), 0o644))
	}
	// Hugo builds no search index; neither does jinzhan here.
	tJ := timeRuns(*runs, *jinzhan, "build", "--search=false", "--source", jz, "--destination", filepath.Join(jz, "public"))
	tH := timeRuns(*runs, hugo, "--quiet", "--source", hg, "--destination", filepath.Join(hg, "public"))
	fmt.Printf("median of %d builds, %d stories: jinzhan %v, hugo %v (jinzhan takes %.0f%% of Hugo's time)\n",
		*runs, *stories, tJ.Round(time.Millisecond), tH.Round(time.Millisecond), 100*tJ.Seconds()/tH.Seconds())
}

func timeRuns(n int, name string, args ...string) time.Duration {
	var times []time.Duration
	for range n {
		start := time.Now()
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n%s", name, err, out)
			os.Exit(1)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	return times[len(times)/2]
}

func writeHugoSkeleton(dir string) {
	files := map[string]string{
		"hugo.toml":                    "baseURL = 'https://example.org/'\nlanguageCode = 'zh-CN'\ntitle = '测试'\n[pagination]\npagerSize = 20\n",
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}</article>{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>{{ end }}`,
		"content/stories/_index.md":    "---\ntitle: 故事\n---\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		check(os.MkdirAll(filepath.Dir(p), 0o755))
		check(os.WriteFile(p, []byte(content), 0o644))
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchhugo:", err)
		os.Exit(1)
	}
}
