package build

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
)

// pagefindDir is the folder of the site Pagefind writes its index into.
const pagefindDir = "pagefind"

// indexForSearch runs Pagefind over the staged site: it writes /pagefind/,
// a static index split in chunks so a query loads only what it needs, and
// segments Chinese text (pages carry lang="zh-CN").
//
// Pagefind is contained (runContained): it ends with the build, so a killed
// build does not leave it writing into an abandoned stage.
func indexForSearch(pagefind, dir string) error {
	if pagefind == "" {
		return nil
	}
	var out bytes.Buffer
	cmd := exec.Command(pagefind, "--site", dir, "--silent")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := runContained(cmd); err != nil {
		return &SearchError{Err: err, Output: strings.TrimSpace(out.String())}
	}
	return nil
}

// SearchError is a failed run of Pagefind: a failure of the machine the
// site is built on (the program, its rights, the disk), not of the input.
type SearchError struct {
	Err    error
	Output string // what Pagefind printed
}

func (e *SearchError) Error() string {
	return fmt.Sprintf("search index (pagefind): %v\n%s", e.Err, e.Output)
}

func (e *SearchError) Unwrap() error { return e.Err }
