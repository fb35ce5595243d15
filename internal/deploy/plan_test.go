package deploy_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/deploy"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
)

// sampleSite holds a file of every kind a build writes, each in the phase
// its name puts it.
var sampleSite = map[string]string{
	"assets/site.1a2b3c4d.css":              "body{}",
	"assets/echarts.0f0f0f0f.min.js":        "echarts",
	"images/photo-480.abcdef01.jpg":         "jpeg",
	"pagefind/fragment/zh_7b2e.pf_fragment": "chunk",
	"pagefind/pagefind.js":                  "search",
	"favicon.svg":                           "<svg/>",
	"data/figures.json":                     `{"a":1}`,
	"data/figures.csv":                      "a,1\n",
	"index.html":                            "<h1>首页</h1>",
	"stories/a/index.html":                  "<h1>a</h1>",
	"stories/b/index.html":                  "<h1>b</h1>",
	"feed.xml":                              "<feed/>",
	"sitemap.xml":                           "<urlset/>",
	"robots.txt":                            "User-agent: *",
}

// writeBuilt writes files as a build would publish them, with its stamp
// and its own files, which are never uploaded.
func writeBuilt(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files[publish.Stamp] = ""
	files[".jinzhan-pages"] = "digests"
	for rel, body := range files {
		writeFile(t, filepath.Join(dir, rel), body)
	}
	return dir
}

func writeFile(t *testing.T, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run deploys dir to bucket with the default limits, changed by edit.
func run(t *testing.T, dir string, bucket *memBucket, edit func(*deploy.Options)) (deploy.Result, error) {
	t.Helper()
	o := deploy.Options{Dir: dir, Bucket: bucket, MaxDeletes: deploy.DefaultMaxDeletes, Target: deploy.Target{Bucket: "site"}}
	if edit != nil {
		edit(&o)
	}
	return deploy.Run(context.Background(), o)
}

func TestFirstDeployUploadsEveryFileInReaderSafeOrder(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	bucket := newMemBucket()
	res, err := run(t, dir, bucket, nil)
	if err != nil {
		t.Fatal(err)
	}
	log := bucket.takeLog()
	if len(log) != len(sampleSite) || res.Uploaded != len(sampleSite) || !res.Complete() {
		t.Fatalf("uploaded %d (%v), want %d", res.Uploaded, log, len(sampleSite))
	}
	// Each file's phase is never before the one of the file put before it.
	last := deploy.PhaseAssets
	for _, entry := range log {
		key := strings.TrimPrefix(entry, "put ")
		if p := deploy.PhaseOf(key); p < last {
			t.Errorf("%s (phase %d) put after a file of phase %d: %v", key, p, last, log)
		} else {
			last = p
		}
	}
	for key, want := range map[string]deploy.Headers{
		"index.html":                            {ContentType: "text/html; charset=utf-8", CacheControl: deploy.CacheShort},
		"assets/site.1a2b3c4d.css":              {ContentType: "text/css; charset=utf-8", CacheControl: deploy.CacheImmutable},
		"data/figures.csv":                      {ContentType: "text/csv; charset=utf-8", CacheControl: deploy.CacheShort},
		"feed.xml":                              {ContentType: "application/atom+xml; charset=utf-8", CacheControl: deploy.CacheShort},
		"pagefind/fragment/zh_7b2e.pf_fragment": {ContentType: "application/octet-stream", CacheControl: deploy.CacheImmutable},
	} {
		if got := bucket.objects[key].headers; got != want {
			t.Errorf("%s: headers %+v, want %+v", key, got, want)
		}
	}
	for _, own := range []string{publish.Stamp, ".jinzhan-pages"} {
		if _, ok := bucket.objects[own]; ok {
			t.Errorf("the build's own file %s was uploaded", own)
		}
	}
}

func TestSecondDeployUploadsOnlyWhatChangedAndDeletesWhatWentLast(t *testing.T) {
	files := maps(sampleSite)
	dir := writeBuilt(t, files)
	bucket := newMemBucket()
	if _, err := run(t, dir, bucket, nil); err != nil {
		t.Fatal(err)
	}
	bucket.takeLog()

	writeFile(t, filepath.Join(dir, "stories/a/index.html"), "<h1>a, revised</h1>")
	if err := os.RemoveAll(filepath.Join(dir, "stories/b")); err != nil {
		t.Fatal(err)
	}
	res, err := run(t, dir, bucket, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"put stories/a/index.html", "delete stories/b/index.html"}
	if log := bucket.takeLog(); !slices.Equal(log, want) {
		t.Errorf("second deploy did %v, want %v", log, want)
	}
	if res.Plan.Unchanged != len(sampleSite)-2 || res.Deleted != 1 {
		t.Errorf("unchanged %d, deleted %d", res.Plan.Unchanged, res.Deleted)
	}

	res, err = run(t, dir, bucket, nil)
	if err != nil || len(bucket.takeLog()) != 0 {
		t.Fatalf("a third deploy of the same site changed something: %v", err)
	}
	if s := res.Summary().In("en"); !strings.Contains(s, "already holds the site") {
		t.Errorf("summary: %s", s)
	}
}

func TestDryRunChangesNothingAndListsThePlan(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	bucket := newMemBucket()
	bucket.set("old/index.html", []byte("gone"), deploy.Headers{})
	res, err := run(t, dir, bucket, func(o *deploy.Options) { o.DryRun = true })
	if err != nil {
		t.Fatal(err)
	}
	if log := bucket.takeLog(); len(log) != 0 || len(bucket.objects) != 1 {
		t.Fatalf("a dry run changed the store: %v", log)
	}
	lines := strings.Join(res.PlanLines("en"), "\n")
	for _, want := range []string{"  + assets/site.1a2b3c4d.css (6 B, new)", "  - old/index.html"} {
		if !strings.Contains(lines, want) {
			t.Errorf("plan lacks %q:\n%s", want, lines)
		}
	}
	if s := res.Summary().In("zh-CN"); !strings.Contains(s, "试运行") || !strings.Contains(s, "没有做任何改动") {
		t.Errorf("summary: %s", s)
	}
}

func TestMoreDeletesThanTheLimitNeedYes(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	bucket := newMemBucket()
	for _, k := range []string{"x/1.html", "x/2.html", "x/3.html"} {
		bucket.set(k, []byte(k), deploy.Headers{})
	}
	limit := func(o *deploy.Options) { o.MaxDeletes = 2 }
	_, err := run(t, dir, bucket, limit)
	var e *deploy.Error
	if !errors.As(err, &e) || !e.Usage || !strings.Contains(e.In("en"), "would delete 3 objects") {
		t.Fatalf("got %v, want a refusal", err)
	}
	if log := bucket.takeLog(); len(log) != 0 {
		t.Fatalf("a refused deploy changed the store: %v", log)
	}
	res, err := run(t, dir, bucket, func(o *deploy.Options) { o.MaxDeletes, o.DryRun = 2, true })
	if err != nil || !res.TooManyDeletes || !strings.Contains(res.Summary().In("en"), "would refuse") {
		t.Errorf("a dry run does not warn of the refusal: %v %s", err, res.Summary().In("en"))
	}
	if _, err := run(t, dir, bucket, func(o *deploy.Options) { o.MaxDeletes, o.Yes = 2, true }); err != nil {
		t.Fatal(err)
	}
	if _, ok := bucket.objects["x/1.html"]; ok {
		t.Error("--yes did not delete")
	}
}

func TestAnObjectWhoseETagIsNotAnMD5IsReadBackAndHashed(t *testing.T) {
	dir := writeBuilt(t, map[string]string{"a.html": "same", "b.html": "new bytes"})
	bucket := newMemBucket()
	for key, body := range map[string]string{"a.html": "same", "b.html": "old bytes"} {
		bucket.set(key, []byte(body), deploy.Headers{})
		o := bucket.objects[key]
		o.etag = "9b2cf535f27731c974343645a3985328-2" // as a multipart upload tags it
		bucket.objects[key] = o
	}
	res, err := run(t, dir, bucket, nil)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(bucket.reads)
	if !slices.Equal(bucket.reads, []string{"a.html", "b.html"}) || res.Plan.Hashed != 2 {
		t.Errorf("read back %v, want both", bucket.reads)
	}
	if log := bucket.takeLog(); !slices.Equal(log, []string{"put b.html"}) {
		t.Errorf("uploaded %v, want b.html alone", log)
	}
}

func TestGzipIsDeterministicAndSentWithItsEncoding(t *testing.T) {
	page := strings.Repeat("<p>进展</p>", 200)
	dir := writeBuilt(t, map[string]string{"index.html": page, "images/a.12345678.png": "png"})
	bucket := newMemBucket()
	gz := func(o *deploy.Options) { o.Policy = deploy.NewPolicy(load.Deploy{Gzip: true}) }
	if _, err := run(t, dir, bucket, gz); err != nil {
		t.Fatal(err)
	}
	stored := bucket.objects["index.html"]
	if stored.headers.ContentEncoding != "gzip" || bucket.objects["images/a.12345678.png"].headers.ContentEncoding != "" {
		t.Errorf("encodings: %+v, %+v", stored.headers, bucket.objects["images/a.12345678.png"].headers)
	}
	z, err := gzip.NewReader(bytes.NewReader(stored.data))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(z); string(got) != page {
		t.Error("the stored page does not unzip to the page")
	}
	bucket.takeLog()
	if _, err := run(t, dir, bucket, gz); err != nil || len(bucket.takeLog()) != 0 {
		t.Errorf("the same site gzipped again was uploaded again (%v)", err)
	}
}

func TestCacheControlRulesOfSiteYAMLComeFirst(t *testing.T) {
	p := deploy.NewPolicy(load.Deploy{CacheControl: []load.CacheRule{
		{Path: "data/**", Value: "no-cache"},
		{Path: "**/*.html", Value: "public, max-age=60"},
	}})
	for rel, want := range map[string]string{
		"data/figures.json":        "no-cache",
		"stories/a/index.html":     "public, max-age=60",
		"index.html":               "public, max-age=60",
		"assets/site.1a2b3c4d.css": deploy.CacheImmutable,
		"feed.xml":                 deploy.CacheShort,
	} {
		if got := p.Headers(rel).CacheControl; got != want {
			t.Errorf("%s: %q, want %q", rel, got, want)
		}
	}
}

func TestAnInterruptedDeployIsFinishedByTheNext(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	bucket := newMemBucket()
	bucket.set("gone.html", []byte("x"), deploy.Headers{})
	puts := 0
	bucket.beforePut = func(key string) error {
		if puts++; puts > 5 {
			return errors.New("connection reset by peer")
		}
		return nil
	}
	res, err := run(t, dir, bucket, func(o *deploy.Options) { o.Workers = 1 })
	if err == nil || res.Complete() {
		t.Fatal("the failing store did not stop the deploy")
	}
	if _, ok := bucket.objects["gone.html"]; !ok {
		t.Fatal("a deploy that failed deleted")
	}
	if s := err.Error(); !strings.Contains(s, "run jinzhan deploy again") {
		t.Errorf("no hint to run again: %s", s)
	}
	bucket.beforePut = nil
	bucket.takeLog()
	res, err = run(t, dir, bucket, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Uploaded != len(sampleSite)-5 || res.Deleted != 1 || len(bucket.objects) != len(sampleSite) {
		t.Errorf("the second run uploaded %d and deleted %d; store holds %d", res.Uploaded, res.Deleted, len(bucket.objects))
	}
}

func TestAStoppedDeployDeletesNothing(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	bucket := newMemBucket()
	bucket.set("gone.html", []byte("x"), deploy.Headers{})
	ctx, cancel := context.WithCancel(context.Background())
	bucket.beforePut = func(string) error { cancel(); return ctx.Err() }
	_, err := deploy.Run(ctx, deploy.Options{Dir: dir, Bucket: bucket, MaxDeletes: 10})
	if err == nil || !strings.Contains(err.Error(), "nothing was deleted") {
		t.Fatalf("got %v", err)
	}
	if _, ok := bucket.objects["gone.html"]; !ok {
		t.Fatal("a stopped deploy deleted")
	}
}

func TestOnlyAFolderJinzhanBuiltIsDeployed(t *testing.T) {
	bucket := newMemBucket()
	_, err := run(t, filepath.Join(t.TempDir(), "public"), bucket, nil)
	if err == nil || !strings.Contains(err.Error(), "no built site") {
		t.Errorf("a missing folder: %v", err)
	}
	foreign := t.TempDir()
	writeFile(t, filepath.Join(foreign, "index.html"), "x")
	if _, err := run(t, foreign, bucket, nil); err == nil || !strings.Contains(err.Error(), "was not built by jinzhan") {
		t.Errorf("a folder without the stamp: %v", err)
	}
	if runtime.GOOS == "windows" {
		return // links need privileges there
	}
	linked := writeBuilt(t, map[string]string{"index.html": "x"})
	if err := os.Symlink("/etc/passwd", filepath.Join(linked, "passwd.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, linked, bucket, nil); err == nil || !strings.Contains(err.Error(), "passwd.txt") {
		t.Errorf("a link: %v", err)
	}
	if len(bucket.takeLog()) != 0 {
		t.Error("a refused folder was uploaded")
	}
}

func TestProgressCountsFilesAndBytes(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	var out bytes.Buffer
	res, err := run(t, dir, newMemBucket(), func(o *deploy.Options) { o.Progress = &out })
	if err != nil {
		t.Fatal(err)
	}
	want := "14/14 · " + deploy.Size(res.Plan.Bytes) + "/" + deploy.Size(res.Plan.Bytes)
	if !strings.Contains(out.String(), want) || res.UploadedBytes != res.Plan.Bytes {
		t.Errorf("progress %q lacks %q", out.String(), want)
	}
}

func TestInvalidationGetsTheChangedPaths(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the command is a POSIX shell's")
	}
	dir := writeBuilt(t, map[string]string{"index.html": "a", "stories/乡村 振兴/index.html": "b", "assets/x.12345678.css": "c"})
	got := filepath.Join(t.TempDir(), "got")
	var stderr bytes.Buffer
	inv := func(o *deploy.Options) {
		o.Invalidate = deploy.Invalidation{
			Command: `printf '%s\n' "$JINZHAN_URLS" > "$OUT"; cat >> "$OUT"`,
			BaseURL: "https://example.org/", Stderr: &stderr,
		}
	}
	t.Setenv("OUT", got)
	bucket := newMemBucket()
	if _, err := run(t, dir, bucket, inv); err != nil {
		t.Fatal(err, stderr.String())
	}
	data, _ := os.ReadFile(got)
	want := "https://example.org/ https://example.org/index.html https://example.org/stories/%E4%B9%A1%E6%9D%91%20%E6%8C%AF%E5%85%B4/ https://example.org/stories/%E4%B9%A1%E6%9D%91%20%E6%8C%AF%E5%85%B4/index.html\n" +
		"/\n/index.html\n/stories/%E4%B9%A1%E6%9D%91%20%E6%8C%AF%E5%85%B4/\n/stories/%E4%B9%A1%E6%9D%91%20%E6%8C%AF%E5%85%B4/index.html\n"
	if string(data) != want {
		t.Errorf("the command got\n%s\nwant\n%s", data, want)
	}
	os.Remove(got)
	if _, err := run(t, dir, bucket, inv); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(got); err == nil {
		t.Error("the command ran after a deploy that changed nothing")
	}
	failing := func(o *deploy.Options) {
		inv(o)
		o.Invalidate.Command, o.Force = "exit 3", true
	}
	res, err := run(t, dir, bucket, failing)
	if err == nil || !res.Complete() || !strings.Contains(err.Error(), "the site is deployed, but the command to refresh the CDN failed") {
		t.Errorf("a failing command: %v (complete: %v)", err, res.Complete())
	}
}

// maps copies a map, so that each test writes its own site.
func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
