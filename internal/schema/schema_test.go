package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// repoSchemas is the committed copy, at the repository root.
const repoSchemas = "../../" + Dir

func TestCommittedSchemasAreCurrent(t *testing.T) {
	for _, kind := range Kinds() {
		want, err := Generate(kind)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(repoSchemas, FileName(kind)))
		if err != nil {
			t.Fatalf("%v: run go generate ./internal/schema", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s/%s differs from what the Go types generate: run go generate ./internal/schema", Dir, FileName(kind))
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	for _, kind := range Kinds() {
		a, err := Generate(kind)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Generate(kind)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", kind)
		}
		if !bytes.HasSuffix(a, []byte("}\n")) || !bytes.HasPrefix(a, []byte("{\n  \"")) {
			t.Errorf("%s: want 2-space indented JSON ending in a newline", kind)
		}
	}
}

func TestSchemasCompile(t *testing.T) {
	for _, kind := range Kinds() {
		compile(t, kind) // checks them against the draft 2020-12 meta-schema
	}
}

func TestPublishedNamesEveryKind(t *testing.T) {
	files, err := Published()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(Kinds()) {
		t.Fatalf("%d files for %d kinds", len(files), len(Kinds()))
	}
	for i, kind := range Kinds() {
		if want := "schema/" + kind + ".schema.json"; files[i].Path != want {
			t.Errorf("published at %s, want %s", files[i].Path, want)
		}
	}
}

func TestUnknownKind(t *testing.T) {
	if _, err := Generate("story"); err == nil {
		t.Error("want an error for an unknown kind")
	}
}
