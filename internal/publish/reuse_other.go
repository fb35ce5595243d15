//go:build !unix

package publish

import (
	"errors"
	"os"
)

// canReuse: without a change time no program can set (Windows lets one
// set it), a folder left as the spare cannot be told unchanged: every
// build starts from an empty folder.
const canReuse = false

const noFollow = 0

func changedAt(*os.File) (instant, error) { return instant{}, errors.ErrUnsupported }

func unchangedFolder(*folder, string, instant) bool { return false }

func manifestTime(string) (instant, bool) { return instant{}, false }

func unchangedFile(*folder, string, uint32, instant) bool { return false }
