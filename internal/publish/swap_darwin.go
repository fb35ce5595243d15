package publish

import "golang.org/x/sys/unix"

// exchange swaps the folders a and b in one step (renamex_np RENAME_SWAP,
// macOS 10.12 and later): at every moment b is either folder, whole. APFS
// and HFS+ can; other file systems (SMB, exFAT) fail with ENOTSUP and
// Commit then renames twice.
func exchange(a, b string) error {
	return unix.RenamexNp(a, b, unix.RENAME_SWAP)
}
