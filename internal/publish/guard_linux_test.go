package publish

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// Two paths to one folder — as Content/ and content/ are on macOS and
// Windows, where names ignore case — are the same folder to the guard. A
// bind mount makes such a pair on Linux (it needs the right to mount: the
// test is skipped without it).
func TestDestinationThatIsAnInputByAnotherPath(t *testing.T) {
	top, src := site(t)
	other := filepath.Join(top, "Content")
	os.Mkdir(other, 0o755)
	if err := unix.Mount(filepath.Join(src, "content"), other, "", unix.MS_BIND, ""); err != nil {
		t.Skipf("cannot bind-mount here: %v", err)
	}
	t.Cleanup(func() { unix.Unmount(other, unix.MNT_DETACH) })
	g := Guard{Source: src, Inputs: []string{"content", "data"}, ReplaceForeign: true}
	refusedFor(t, g, other, "lies in content/")
	refusedFor(t, g, filepath.Join(other, "stories"), "lies in content/")
	refusedFor(t, g, filepath.Join(other, "stories", "public"), "lies in content/")
	siteAlias := filepath.Join(top, "Site")
	os.Mkdir(siteAlias, 0o755)
	if err := unix.Mount(src, siteAlias, "", unix.MS_BIND, ""); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unix.Unmount(siteAlias, unix.MNT_DETACH) })
	refusedFor(t, g, siteAlias, "is the site folder itself")
	refusedFor(t, Guard{Source: filepath.Join(siteAlias, "content")}, src, "holds the site folder")
}
