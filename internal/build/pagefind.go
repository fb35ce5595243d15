package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/shell"
)

// PagefindVersion is the Pagefind jinzhan is built and tested with; the
// repository's package.json pins the same (a test checks), and the install
// line jinzhan prints names it.
const PagefindVersion = "1.6.0"

// FindPagefind returns the Pagefind program a build runs, looking where a
// user installs it, in this order:
//
//  1. jinzhan's own install: node_modules beside the binary or beside its
//     folder (make's npm ci puts it next to bin/jinzhan);
//  2. the jinzhan checkout the binary was built from (checkout; "" when
//     unknown), for a binary copied or built elsewhere;
//  3. the user's folder for it, PagefindHome (where the install line
//     jinzhan prints puts it);
//  4. pagefind_extended or pagefind on PATH.
//
// It returns "" when there is none. A program in the site folder is never
// chosen by 3 or 4: a site is input, perhaps a template from anywhere, and
// must not run code with the builder's rights (pass --pagefind to choose
// one explicitly). The places of 1 and 2 are jinzhan's own: the binary
// came from them, so they are trusted even when the site folder holds them
// (the example site is the repository itself).
func FindPagefind(siteDir, checkout string) string {
	var own []string
	if exe, err := os.Executable(); err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			own = append(own, filepath.Dir(exe), filepath.Dir(filepath.Dir(exe)))
		}
	}
	if filepath.IsAbs(checkout) {
		own = append(own, checkout)
	}
	for _, dir := range own {
		if p := PagefindIn(dir); p != "" {
			return p
		}
	}
	site, err := filepath.Abs(siteDir)
	if err == nil {
		site, err = filepath.EvalSymlinks(site)
	}
	if err != nil {
		return "" // no site to keep programs out of: only jinzhan's own install
	}
	if home := PagefindHome(); home != "" {
		if p := PagefindIn(home); p != "" && !inSite(p, site) {
			return p
		}
	}
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		if p, err := exec.LookPath(name); err == nil && !inSite(p, site) {
			return p // not the site's: npm run puts the site's node_modules/.bin on PATH
		}
	}
	return ""
}

// inSite reports whether the program p, links followed, lies in the site
// folder (or cannot be told apart from it).
func inSite(p, site string) bool {
	real, err := filepath.EvalSymlinks(p)
	return err != nil || within(real, site)
}

// PagefindHome is the folder where a user installs Pagefind for jinzhan
// with the line PagefindInstall prints: $XDG_DATA_HOME/jinzhan, by default
// ~/.local/share/jinzhan; "" when there is no home folder.
func PagefindHome() string {
	if data := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(data) {
		return filepath.Join(data, "jinzhan")
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.IsAbs(home) {
		return filepath.Join(home, ".local", "share", "jinzhan")
	}
	return ""
}

// PagefindInstall is the command that installs the pinned Pagefind where
// FindPagefind looks: into PagefindHome, else npm's global folder.
func PagefindInstall() string {
	pkg := "pagefind@" + PagefindVersion
	if home := PagefindHome(); home != "" {
		return "npm install --prefix " + shell.Quote(home) + " " + pkg
	}
	return "npm install -g " + pkg
}

// PagefindMissing is the warning of a build that found no Pagefind; the
// command to run (PagefindInstall) goes on the next line.
func PagefindMissing() diag.Text {
	return diag.T("Pagefind was not found, so the site is built without a search index. To install it, run this line, then build again (or pass --pagefind with the path of a Pagefind program):")
}

// PagefindIn returns the Pagefind executable that npm installed under
// dir/node_modules: the platform's binary itself (not npm's Node wrapper, so
// that it dies with the build), else the wrapper; "" when there is none.
func PagefindIn(dir string) string {
	arch := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	platform := runtime.GOOS
	exe, wrapper := "", ""
	if platform == "windows" {
		exe, wrapper = ".exe", ".cmd" // npm's wrapper without .cmd is a shell script
	}
	for _, p := range []string{
		filepath.Join(dir, "node_modules", "@pagefind", platform+"-"+arch, "bin", "pagefind_extended"+exe),
		filepath.Join(dir, "node_modules", ".bin", "pagefind"+wrapper),
	} {
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			if abs, err := filepath.Abs(p); err == nil {
				return abs
			}
		}
	}
	return ""
}

// within reports whether p is dir or lies below it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}
