package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/miniotest"
	"github.com/minio/minio-go/v7"
)

// exampleSite copies the example site (site.yaml, content/, data/) to a
// folder of its own, which a test may change, with a static file whose
// name has spaces and Chinese characters.
func exampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"content", "data"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	site, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(dir, "site.yaml"), string(site))
	writeTestFile(t, filepath.Join(dir, "static/附件/2020 年 工作总结.csv"), "乡镇,户数\n兴隆洼,12\n")
	return dir
}

func writeTestFile(t *testing.T, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// buildInto builds site into dest, with Pagefind's index when npm ci has
// installed Pagefind in this checkout.
func buildInto(t *testing.T, site, dest string) {
	t.Helper()
	args := []string{"build", "--source", site, "--destination", dest, "--search=false"}
	arch := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	if pagefind, _ := filepath.Abs("../../node_modules/@pagefind/" + runtime.GOOS + "-" + arch + "/bin/pagefind_extended"); fileExists(pagefind) {
		args[len(args)-1] = "--pagefind=" + pagefind
	}
	if code, out, stderr := runCLI(args...); code != exitOK {
		t.Fatalf("build: %d %s %s", code, out, stderr)
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// builtFiles lists the files a deploy uploads from dest.
func builtFiles(t *testing.T, dest string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if rel = filepath.ToSlash(rel); rel != ".jinzhan-output" && rel != ".jinzhan-files" && rel != ".jinzhan-pages" {
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// stored lists the objects of a bucket below prefix (with its slash), by
// key below it, with their last change.
func stored(t *testing.T, c *minio.Client, bucket, prefix string) map[string]minio.ObjectInfo {
	t.Helper()
	out := map[string]minio.ObjectInfo{}
	for o := range c.ListObjects(context.Background(), bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if o.Err != nil {
			t.Fatal(o.Err)
		}
		out[strings.TrimPrefix(o.Key, prefix)] = o
	}
	return out
}

// planned lists the files a dry run's plan uploads.
func planned(out string) []string {
	var files []string
	for _, m := range regexp.MustCompile(`(?m)^  \+ (.+)[（(][^（(]*[)）]$`).FindAllStringSubmatch(out, -1) {
		files = append(files, m[1])
	}
	return files
}

// The example site deployed to a real S3 server (MinIO), as an operator
// would: first, again after a story changed, after one was removed, with
// too many deletions, with wrong credentials and to a bucket not there.
func TestDeployTheExampleToMinIO(t *testing.T) {
	server := miniotest.Start(t)
	client := server.Client(t)
	site := exampleSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	buildInto(t, site, dest)
	files := builtFiles(t, dest)
	// A folder named with a space and Chinese characters, as an office may
	// keep several sites in one bucket.
	const bucket, folder = "site", "宣传 部"
	target := server.URL(bucket + "/%E5%AE%A3%E4%BC%A0%20%E9%83%A8")
	deploy := func(args ...string) (int, string, string) {
		return runCLI(append([]string{"deploy", "--source", site, "--destination", dest, "--target", target}, args...)...)
	}
	server.UseCredentials(t)

	t.Run("a bucket that does not exist", func(t *testing.T) {
		code, out, stderr := deploy()
		if code != exitEnv || out != "" || !strings.Contains(stderr, `存储桶 "site" 不存在`) || !strings.Contains(stderr, "请在存储控制台中创建它") {
			t.Fatalf("%d %s %s", code, out, stderr)
		}
	})
	server.MakeBucket(t, bucket)

	t.Run("wrong credentials", func(t *testing.T) {
		miniotest.SetCredentials(t, "nobody", server.SecretKey)
		code, out, stderr := deploy()
		if code != exitEnv || out != "" || !strings.Contains(stderr, "不认识这个访问密钥") || !strings.Contains(stderr, "AWS_ACCESS_KEY_ID") {
			t.Errorf("a wrong key: %d %s", code, stderr)
		}
		miniotest.SetCredentials(t, server.AccessKey, "wrong-secret-key")
		code, _, stderr = deploy()
		if code != exitEnv || !strings.Contains(stderr, "不接受这个私有访问密钥") {
			t.Errorf("a wrong secret: %d %s", code, stderr)
		}
		miniotest.SetCredentials(t, "", "")
		code, _, stderr = deploy()
		if code != exitEnv || !strings.Contains(stderr, "没有") || !strings.Contains(stderr, "AWS_SECRET_ACCESS_KEY") {
			t.Errorf("no credentials: %d %s", code, stderr)
		}
		if n := len(stored(t, client, bucket, "")); n != 0 {
			t.Errorf("a refused deploy stored %d objects", n)
		}
	})
	server.UseCredentials(t)

	t.Run("dry run", func(t *testing.T) {
		code, out, stderr := deploy("--dry-run")
		if code != exitOK || !slices.Equal(slices.Sorted(slices.Values(planned(out))), files) || !strings.Contains(out, "没有做任何改动") {
			t.Fatalf("%d %s %s", code, out, stderr)
		}
		if n := len(stored(t, client, bucket, "")); n != 0 {
			t.Errorf("a dry run stored %d objects", n)
		}
	})

	prefix := folder + "/"
	var first map[string]minio.ObjectInfo
	t.Run("first deploy", func(t *testing.T) {
		start := time.Now()
		code, out, stderr := deploy()
		t.Logf("first deploy of %d files: %s", len(files), time.Since(start).Round(time.Millisecond))
		if code != exitOK || !strings.Contains(out, "已发布到") || stderr != "" {
			t.Fatalf("%d %s %s", code, out, stderr)
		}
		first = stored(t, client, bucket, prefix)
		if got := slices.Sorted(mapKeys(first)); !slices.Equal(got, files) {
			t.Fatalf("stored %d objects, want the %d files", len(got), len(files))
		}
		for _, c := range []struct{ key, contentType, cacheControl string }{
			{"index.html", "text/html; charset=utf-8", "public, max-age=300"},
			{"feed.xml", "application/atom+xml; charset=utf-8", "public, max-age=300"},
			{"data/figures.csv", "text/csv; charset=utf-8", "public, max-age=300"},
			{"附件/2020 年 工作总结.csv", "text/csv; charset=utf-8", "public, max-age=300"},
			{hashedAsset(t, files), "text/css; charset=utf-8", "public, max-age=31536000, immutable"},
		} {
			info, err := client.StatObject(context.Background(), bucket, prefix+c.key, minio.StatObjectOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if info.ContentType != c.contentType || info.Metadata.Get("Cache-Control") != c.cacheControl {
				t.Errorf("%s: %q, %q; want %q, %q", c.key, info.ContentType, info.Metadata.Get("Cache-Control"), c.contentType, c.cacheControl)
			}
		}
	})

	t.Run("second deploy after one story changed", func(t *testing.T) {
		story := filepath.Join(site, "content/stories/abc-poverty-loans.md")
		text, err := os.ReadFile(story)
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, story, string(text)+"\n贷款发放后，驻村工作队逐户回访。\n")
		buildInto(t, site, dest)
		_, out, _ := deploy("--dry-run")
		changed := planned(out)
		t.Logf("re-uploaded after one story changed: %s", strings.Join(changed, " "))
		if !slices.Contains(changed, "stories/abc-poverty-loans/index.html") || len(changed) > len(files)/3 {
			t.Errorf("the plan uploads %d of %d files: %v", len(changed), len(files), changed)
		}
		for _, f := range changed {
			if strings.HasPrefix(f, "assets/") {
				t.Errorf("an unchanged asset is uploaded again: %s", f)
			}
		}
		start := time.Now()
		code, out, stderr := deploy()
		t.Logf("second deploy: %s", time.Since(start).Round(time.Millisecond))
		if code != exitOK || stderr != "" {
			t.Fatalf("%d %s %s", code, out, stderr)
		}
		after := stored(t, client, bucket, prefix)
		for key, o := range first {
			if now, ok := after[key]; ok && !slices.Contains(changed, key) && !now.LastModified.Equal(o.LastModified) {
				t.Errorf("%s was stored again", key)
			}
		}
		if got := slices.Sorted(mapKeys(after)); !slices.Equal(got, builtFiles(t, dest)) {
			t.Error("the store does not hold the site: Pagefind's old chunks are not deleted")
		}
		if code, out, _ := deploy(); code != exitOK || !strings.Contains(out, "上已是最新的网站") {
			t.Errorf("a third deploy: %d %s", code, out)
		}
	})

	t.Run("a removed story is deleted", func(t *testing.T) {
		if err := os.Remove(filepath.Join(site, "content/stories/dongdi-egg-livestream.md")); err != nil {
			t.Fatal(err)
		}
		buildInto(t, site, dest)
		code, out, stderr := deploy()
		if code != exitOK {
			t.Fatalf("%d %s %s", code, out, stderr)
		}
		now := stored(t, client, bucket, prefix)
		if _, ok := now["stories/dongdi-egg-livestream/index.html"]; ok {
			t.Error("the removed story's page is still stored")
		}
		if got := slices.Sorted(mapKeys(now)); !slices.Equal(got, builtFiles(t, dest)) {
			t.Error("the store does not hold the site")
		}
	})

	t.Run("more deletions than --max-deletes", func(t *testing.T) {
		for _, name := range []string{"old/1.html", "old/2.html", "old/3.html"} {
			if _, err := client.PutObject(context.Background(), bucket, prefix+name, strings.NewReader("old"), 3, minio.PutObjectOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		code, _, stderr := deploy("--max-deletes", "2")
		if code != exitUsage || !strings.Contains(stderr, "会删除 3 个对象") || !strings.Contains(stderr, "--yes") {
			t.Fatalf("%d %s", code, stderr)
		}
		if _, ok := stored(t, client, bucket, prefix)["old/1.html"]; !ok {
			t.Fatal("a refused deploy deleted")
		}
		if code, out, stderr := deploy("--max-deletes", "2", "--yes"); code != exitOK || !strings.Contains(out, "删除 3 个对象") {
			t.Fatalf("--yes: %d %s %s", code, out, stderr)
		}
	})

	t.Run("credentials from a profile", func(t *testing.T) {
		credentials := filepath.Join(t.TempDir(), "credentials")
		writeTestFile(t, credentials, "[publicity]\naws_access_key_id = "+server.AccessKey+"\naws_secret_access_key = "+server.SecretKey+"\n")
		miniotest.SetCredentials(t, "", "")
		t.Setenv("AWS_SHARED_CREDENTIALS_FILE", credentials)
		named := server.URL(bucket+"/%E5%AE%A3%E4%BC%A0%20%E9%83%A8") + "&profile=publicity"
		if code, out, stderr := runCLI("deploy", "--source", site, "--destination", dest, "--target", named); code != exitOK || !strings.Contains(out, "上已是最新的网站") {
			t.Errorf("%d %s %s", code, out, stderr)
		}
	})
}

// hashedAsset is the site's fingerprinted style sheet.
func hashedAsset(t *testing.T, files []string) string {
	t.Helper()
	for _, f := range files {
		if strings.HasPrefix(f, "assets/") && strings.HasSuffix(f, ".css") {
			return f
		}
	}
	t.Fatal("the site has no style sheet under assets/")
	return ""
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Targets named in site.yaml, and the problems of the command line.
func TestDeployTargetsAndFlags(t *testing.T) {
	site := t.TempDir()
	writeTestFile(t, filepath.Join(site, "site.yaml"), "title: x\nbase_url: https://example.org/\nlanguage: en\ndeploy:\n  targets:\n    - name: production\n      url: s3://prod-site?region=cn-beijing\n    - name: staging\n      url: s3://staging-site?region=cn-beijing\n")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{}, exitUsage, "site.yaml names several targets"},
		{[]string{"--target", "prodution"}, exitUsage, "did you mean production?"},
		{[]string{"--target", "s3://Bad_Bucket"}, exitUsage, "cannot be a bucket name"},
		{[]string{"--target", "production", "--destination", filepath.Join(site, "public")}, exitUsage, "there is no built site"},
		{[]string{"--target", "production", "--destination", site}, exitUsage, "was not built by jinzhan"},
		{[]string{"--max-deletes", "-1"}, exitUsage, "--max-deletes is 0 or more"},
		{[]string{"--help"}, exitOK, "--dry-run"},
	} {
		code, _, stderr := runCLI(append([]string{"deploy", "--source", site}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("deploy %v: %d %s; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	writeTestFile(t, filepath.Join(site, "site.yaml"), "title: x\nbase_url: https://example.org/\nlanguage: en\ndeploy:\n  targets:\n    - name: production\n      url: s3://prod?secret_key=abc\n")
	if code, _, stderr := runCLI("deploy", "--source", site); code != exitInput || !strings.Contains(stderr, "site.yaml:7:12: deploy.targets[0].url: the target's address holds a key") || strings.Contains(stderr, "abc") {
		t.Errorf("a key in site.yaml: %d %s", code, stderr)
	}
}
