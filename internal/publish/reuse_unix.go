//go:build unix

package publish

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// canReuse: a folder's change time tells whether it changed (reuse.go).
const canReuse = true

// noFollow opens a file and never a link to one.
const noFollow = syscall.O_NOFOLLOW

// changedAt is when the open file f last changed: its ctime, which no
// program can set back.
func changedAt(f *os.File) (instant, error) {
	var st unix.Stat_t
	if err := unix.Fstat(int(f.Fd()), &st); err != nil {
		return instant{}, err
	}
	return ctime(&st), nil
}

// manifestTime is when the file at path (a manifest) last changed, not
// following a link.
func manifestTime(path string) (instant, bool) {
	var st unix.Stat_t
	if err := unix.Lstat(path, &st); err != nil {
		return instant{}, false
	}
	return ctime(&st), true
}

func ctime(st *unix.Stat_t) instant { return instant{int64(st.Ctim.Sec), int64(st.Ctim.Nsec)} }

// unchangedFile reports whether rel, in the stage's folder top, is what
// writeOverFile writes over: a regular file, not a link, of this user's,
// with mode and one name, last changed before since. The folders on its
// way are checked before it (reuse.write). Looked up from top, a path
// walks three names where the whole path walks eight or more: 3.5 µs a
// check instead of 5 on our 2-core VMs, two checks for each page kept.
func unchangedFile(top *folder, rel string, mode uint32, since instant) bool {
	var st unix.Stat_t
	return unix.Fstatat(top.fd, rel, &st, unix.AT_SYMLINK_NOFOLLOW) == nil && unchangedStat(&st, mode, since)
}

func unchangedStat(st *unix.Stat_t, mode uint32, since instant) bool {
	return uint32(st.Mode)&unix.S_IFMT == unix.S_IFREG && st.Nlink == 1 && uint32(st.Mode)&0o7777 == mode &&
		int(st.Uid) == euid && ctime(st).before(since)
}

// unchangedFolder reports whether rel, in the stage's folder top (its
// parents checked before it), is a folder, not a link, of this user's,
// last changed before since: no entry of it added, removed or renamed
// since, its mode and owner as its build left them.
func unchangedFolder(top *folder, rel string, since instant) bool {
	var st unix.Stat_t
	if err := unix.Fstatat(top.fd, rel, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return false
	}
	return uint32(st.Mode)&unix.S_IFMT == unix.S_IFDIR && int(st.Uid) == euid && ctime(&st).before(since)
}
