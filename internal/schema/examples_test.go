package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// exampleRoot is the example site: the repository itself.
const exampleRoot = "../.."

// exampleFile is one input file of the example site and its kind.
type exampleFile struct{ path, kind string }

func exampleFiles(t *testing.T) []exampleFile {
	t.Helper()
	files := []exampleFile{
		{"site.yaml", "site"},
		{"data/campaign.yaml", "campaign"},
		{"data/townships.yaml", "townships"},
	}
	activities, _ := filepath.Glob(filepath.Join(exampleRoot, "data/activities/*.yaml"))
	for _, p := range activities {
		files = append(files, exampleFile{"data/activities/" + filepath.Base(p), "activity"})
	}
	err := filepath.WalkDir(filepath.Join(exampleRoot, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(exampleRoot, p)
			files = append(files, exampleFile{filepath.ToSlash(rel), "frontmatter"})
		}
		return err
	})
	if err != nil || len(activities) == 0 {
		t.Fatalf("example site: %v (%d activities)", err, len(activities))
	}
	return files
}

// frontMatter returns the YAML between a Markdown file's --- lines.
func frontMatter(t *testing.T, name string, src []byte) []byte {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		t.Fatalf("%s: no front matter", name)
	}
	front, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		t.Fatalf("%s: front matter not closed", name)
	}
	return front
}

func TestExampleFilesMatchTheirSchemas(t *testing.T) {
	schemas := map[string]*jsonschema.Schema{}
	for _, f := range exampleFiles(t) {
		if schemas[f.kind] == nil {
			schemas[f.kind] = compile(t, f.kind)
		}
		data, err := os.ReadFile(filepath.Join(exampleRoot, f.path))
		if err != nil {
			t.Fatal(err)
		}
		if f.kind == "frontmatter" {
			data = frontMatter(t, f.path, data)
		}
		if err := schemas[f.kind].Validate(jsonValue(t, data)); err != nil {
			t.Errorf("%s against %s:\n%v", f.path, FileName(f.kind), err)
		}
	}
}

func TestExampleFilesNameTheirSchema(t *testing.T) {
	for _, f := range exampleFiles(t) {
		if f.kind == "frontmatter" {
			continue // Markdown: the YAML extension does not read front matter
		}
		data, err := os.ReadFile(filepath.Join(exampleRoot, f.path))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if want := Modeline(f.kind, f.path); first != want {
			t.Errorf("%s starts with %q, want %q", f.path, first, want)
			continue
		}
		target := strings.TrimPrefix(first, "# yaml-language-server: $schema=")
		if _, err := os.Stat(filepath.Join(exampleRoot, filepath.Dir(f.path), target)); err != nil {
			t.Errorf("%s names a schema that is not there: %v", f.path, err)
		}
	}
}

func TestModeline(t *testing.T) {
	cases := map[string]string{
		"site.yaml":                      "schema/site.schema.json",
		"data/campaign.yaml":             "../schema/campaign.schema.json",
		"data/activities/volunteer.yaml": "../../schema/activity.schema.json",
	}
	kinds := map[string]string{"site.yaml": "site", "data/campaign.yaml": "campaign", "data/activities/volunteer.yaml": "activity"}
	for rel, want := range cases {
		if got := Modeline(kinds[rel], rel); got != "# yaml-language-server: $schema="+want {
			t.Errorf("Modeline(%s) = %q", rel, got)
		}
	}
}
