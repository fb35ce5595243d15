package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// vnuPath is the Nu Html Checker, installed by npm (package.json devDependencies).
const vnuPath = exampleRoot + "/node_modules/vnu-jar/build/dist/vnu.jar"

// TestHTMLIsValid checks every page of the example site, and of the site
// with hostile strings in every field, with the Nu Html Checker (the W3C
// validator): no error may be reported. It needs no browser, only Java;
// without Java on the PATH it is skipped (wherever Java is, CI included, it runs).
func TestHTMLIsValid(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java is not on the PATH: the Nu Html Checker (vnu.jar) needs Java 11 or later (apt-get install default-jre-headless)")
	}
	jar, err := filepath.Abs(vnuPath)
	if err == nil {
		_, err = os.Stat(jar)
	}
	if err != nil {
		missingFromNpm(t, "the Nu Html Checker", err)
	}

	example := filepath.Join(t.TempDir(), "example")
	if _, err := build.Run(sitetest.Options(exampleRoot, example)); err != nil {
		t.Fatal(err)
	}
	hostile := sitetest.Build(t, evilSite).Public

	// One JVM for both sites: starting it is most of the time.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", example, hostile)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("vnu: %v", err)
	}
	// The checker writes its JSON report to stderr and exits 1 when it found errors.
	var report struct {
		Messages []struct {
			Type     string `json:"type"`
			URL      string `json:"url"`
			LastLine int    `json:"lastLine"`
			FirstCol int    `json:"firstColumn"`
			Message  string `json:"message"`
			Extract  string `json:"extract"`
		} `json:"messages"`
	}
	if jerr := json.Unmarshal(stderr.Bytes(), &report); jerr != nil {
		t.Fatalf("vnu printed no JSON report (%v, exit %v):\n%s%s", jerr, err, stdout.String(), stderr.String())
	}
	files := 0
	_ = filepath.WalkDir(example, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			files++
		}
		return nil
	})
	if files < 10 {
		t.Fatalf("only %d HTML files in the example site", files)
	}
	for _, m := range report.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		file := m.URL
		if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
			file = u.Path
			for name, root := range map[string]string{"example": example, "hostile": hostile} {
				if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
					file = name + ": " + filepath.ToSlash(rel)
				}
			}
		}
		t.Errorf("%s:%d:%d: %s\n\t%s", file, m.LastLine, m.FirstCol, m.Message, strings.ReplaceAll(strings.TrimSpace(m.Extract), "\n", "\n\t"))
	}
	if err != nil && len(report.Messages) == 0 {
		t.Errorf("vnu failed without a message: %v\n%s", err, stdout.String())
	}
}
