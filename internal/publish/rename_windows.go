package publish

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// rename moves a folder within its parent. Windows refuses to rename a
// folder while any file in it is open, and virus scanners and the search
// indexer open the files a build has just written for a moment: a refusal
// is retried for up to two seconds (as the go command's robustio does)
// before it is reported.
func rename(from, to string) error {
	deadline := time.Now().Add(2 * time.Second)
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		err := os.Rename(from, to)
		if err == nil || !transient(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

// transient reports whether err is how Windows refuses a rename while
// another program has a file open.
func transient(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
