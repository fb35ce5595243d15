package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestMain lets the test binary act as the jinzhan command, so a test can
// run real builds in a child process and kill them.
//
// Tests find Pagefind only where a test puts one: the checkout they were
// compiled in (which npm ci filled) and the user's folder for it are
// replaced by an empty folder, in the children too.
func TestMain(m *testing.M) {
	nowhere := os.Getenv("JINZHAN_TEST_NOWHERE")
	if nowhere == "" {
		var err error
		if nowhere, err = os.MkdirTemp("", "jinzhan-nowhere"); err != nil {
			panic(err)
		}
		os.Setenv("JINZHAN_TEST_NOWHERE", nowhere)
		os.Setenv("XDG_DATA_HOME", nowhere)
	}
	checkout = nowhere
	if os.Getenv("JINZHAN_AS_COMMAND") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	code := m.Run()
	os.RemoveAll(nowhere)
	os.Exit(code)
}

// treeDigest hashes every file under root with its path.
func treeDigest(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%s %d\n", rel, len(data))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// exampleWithStories copies the example site and adds n stories, so that a
// build takes long enough to be killed half way.
func exampleWithStories(t *testing.T, n int, variant string) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"site.yaml", "data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join("../..", p))); err != nil {
			if err := copyFile(filepath.Join("../..", p), filepath.Join(dir, p)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i := range n {
		body := fmt.Sprintf("---\ntitle: 测试故事%d%s\ndate: 2020-08-05\nactivity: volunteer\n---\n党员干部{{volunteer.cadres}}。%s\n", i, variant, variant)
		if err := os.WriteFile(filepath.Join(dir, "content/stories", fmt.Sprintf("gen-%04d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// buildCmd runs `jinzhan build` on source into dest in a child process.
func buildCmd(source, dest string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "build", "--source", source, "--destination", dest)
	cmd.Env = append(os.Environ(), "JINZHAN_AS_COMMAND=1")
	return cmd
}

// TestKilledBuildLeavesPreviousSite kills builds at random moments: the
// published folder must always be exactly the previous site or the new one.
func TestKilledBuildLeavesPreviousSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site several times")
	}
	sources := [2]string{exampleWithStories(t, 1500, "甲"), exampleWithStories(t, 1500, "乙")}
	var digests [2]string
	var full time.Duration
	for i, src := range sources {
		ref := filepath.Join(t.TempDir(), "public")
		start := time.Now()
		if out, err := buildCmd(src, ref).CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		full = max(full, time.Since(start))
		digests[i] = treeDigest(t, ref)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if out, err := buildCmd(sources[0], dest).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	current := 0
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 8 {
		next := 1 - current
		cmd := buildCmd(sources[next], dest)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		switch treeDigest(t, dest) {
		case digests[current]:
		case digests[next]:
			current = next
		default:
			t.Fatalf("round %d: public/ is neither the previous site nor the new one", round)
		}
	}
}
