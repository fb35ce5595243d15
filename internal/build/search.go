package build

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// indexForSearch runs Pagefind over the staged site: it writes /pagefind/,
// a static index split in chunks so a query loads only what it needs, and
// segments Chinese text (pages carry lang="zh-CN").
func indexForSearch(pagefind, dir string) error {
	if pagefind == "" {
		return nil
	}
	var out bytes.Buffer
	cmd := exec.Command(pagefind, "--site", dir, "--silent")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("search index (pagefind): %v\n%s", err, strings.TrimSpace(out.String()))
	}
	return nil
}

// FindPagefind looks for the pagefind that npm installed for the site (or
// for the folder jinzhan runs in), then on PATH; "" when there is none.
func FindPagefind(siteDir string) string {
	for _, dir := range []string{siteDir, "."} {
		p := filepath.Join(dir, "node_modules", ".bin", "pagefind")
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			if abs, err := filepath.Abs(p); err == nil {
				return abs
			}
		}
	}
	if p, err := exec.LookPath("pagefind"); err == nil {
		return p
	}
	return ""
}
