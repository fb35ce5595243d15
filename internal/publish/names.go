package publish

import (
	"strings"
	"unicode"
)

// MaxNameBytes is the longest file or folder name the usual file systems
// accept: 255 bytes on ext4, XFS, Btrfs and APFS (NTFS counts 255 UTF-16
// units, which ASCII and Chinese names reach later).
const MaxNameBytes = 255

// NameOK reports whether every element of the slash-separated path rel can
// be created there: not empty, . or .., at most MaxNameBytes bytes, and
// without NUL or any other control character.
func NameOK(rel string) bool {
	for elem := range strings.SplitSeq(rel, "/") {
		if elem == "" || elem == "." || elem == ".." || len(elem) > MaxNameBytes || strings.ContainsFunc(elem, unicode.IsControl) {
			return false
		}
	}
	return true
}
