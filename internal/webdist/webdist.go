package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Dist is the folder generate writes, relative to the repository; embed.go
// embeds it.
const Dist = "web/dist"

// Bundle is one script esbuild makes: its entry, relative to the
// repository, and its file name in Dist.
type Bundle struct{ Entry, Name string }

// Bundles are the ECharts scripts jinzhan carries: the one pages load when
// a reader touches a chart (canvas renderer), and the one the build runs
// in Go to draw every chart as SVG (internal/chartsvg). Both take their
// chart types and components from web/parts.js.
var Bundles = []Bundle{
	{Entry: "web/echarts.js", Name: "echarts.min.js"},
	{Entry: "web/echarts-ssr.js", Name: "echarts-ssr.min.js"},
}

// Licenses is the folder in Dist that holds the licence files of every npm
// package the bundle takes code from, under the package's name.
const Licenses = "licenses"

// esbuildArgs bundle the ECharts parts jinzhan draws into one minified
// script; the licences go beside it, not into it.
var esbuildArgs = []string{"--bundle", "--minify", "--format=iife", "--legal-comments=none", "--log-level=warning"}

// generate bundles each of Bundles with the esbuild npm installed under
// repo, into out, and copies the licence files of each package a bundle
// holds code from into out/Licenses/<package>/. It first checks that
// node_modules holds what package-lock.json pins, so the output is the
// lockfile's.
func generate(repo, out string) error {
	repo, err := filepath.Abs(repo) // esbuild runs in repo
	if err != nil {
		return err
	}
	if out, err = filepath.Abs(out); err != nil {
		return err
	}
	lock, err := readLock(repo)
	if err != nil {
		return err
	}
	if err := lock.installed(repo, "node_modules/esbuild"); err != nil {
		return err
	}
	meta, err := os.MkdirTemp("", "webdist-meta")
	if err != nil {
		return err
	}
	defer os.RemoveAll(meta)
	var packages []string
	for i, b := range Bundles {
		metafile := filepath.Join(meta, fmt.Sprintf("meta%d.json", i))
		args := append([]string{b.Entry}, esbuildArgs...)
		args = append(args, "--outfile="+filepath.Join(out, b.Name), "--metafile="+metafile)
		cmd := exec.Command(filepath.Join(repo, "node_modules", ".bin", "esbuild"), args...)
		cmd.Dir = repo
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("esbuild %s: %v\n%s", b.Entry, err, msg)
		}
		held, err := bundledPackages(metafile)
		if err != nil {
			return err
		}
		for _, dir := range held {
			if !slices.Contains(packages, dir) {
				packages = append(packages, dir)
			}
		}
	}
	slices.Sort(packages)
	for _, dir := range packages {
		if err := lock.installed(repo, dir); err != nil {
			return err
		}
		if err := copyLicenses(filepath.Join(repo, filepath.FromSlash(dir)), filepath.Join(out, Licenses, packageName(dir))); err != nil {
			return err
		}
	}
	return nil
}

// lockfile is the part of package-lock.json that pins each package.
type lockfile struct {
	Packages map[string]struct {
		Version string `json:"version"`
	} `json:"packages"`
}

func readLock(repo string) (*lockfile, error) {
	data, err := os.ReadFile(filepath.Join(repo, "package-lock.json"))
	if err != nil {
		return nil, err
	}
	var lock lockfile
	if err := json.Unmarshal(data, &lock); err != nil {
		return nil, fmt.Errorf("package-lock.json: %w", err)
	}
	return &lock, nil
}

// installed checks that the package at dir (node_modules/…) is the
// version package-lock.json pins.
func (l *lockfile) installed(repo, dir string) error {
	pinned, ok := l.Packages[dir]
	if !ok {
		return fmt.Errorf("%s is not in package-lock.json: add it to package.json and run npm install", dir)
	}
	data, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(dir), "package.json"))
	if err != nil {
		return fmt.Errorf("%s is not installed: run make deps (npm ci)", dir)
	}
	var got struct{ Version string }
	if err := json.Unmarshal(data, &got); err != nil {
		return fmt.Errorf("%s/package.json: %w", dir, err)
	}
	if got.Version != pinned.Version {
		return fmt.Errorf("%s is version %s, package-lock.json pins %s: run make deps (npm ci)", dir, got.Version, pinned.Version)
	}
	return nil
}

// bundledPackages lists the package folders (node_modules/…, as
// package-lock.json names them) that esbuild's metafile says the bundle
// read, sorted.
func bundledPackages(metafile string) ([]string, error) {
	data, err := os.ReadFile(metafile)
	if err != nil {
		return nil, err
	}
	var meta struct {
		Inputs map[string]json.RawMessage `json:"inputs"`
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		return nil, fmt.Errorf("esbuild metafile: %w", err)
	}
	var dirs []string
	for input := range meta.Inputs {
		if dir := packageDir(input); dir != "" && !slices.Contains(dirs, dir) {
			dirs = append(dirs, dir)
		}
	}
	slices.Sort(dirs)
	names := map[string]string{}
	for _, dir := range dirs {
		if other, ok := names[packageName(dir)]; ok {
			return nil, fmt.Errorf("the bundle holds two copies of %s (%s and %s): their licences would share a folder", packageName(dir), other, dir)
		}
		names[packageName(dir)] = dir
	}
	return dirs, nil
}

// packageDir is the folder of the npm package a bundled file comes from
// ("node_modules/echarts" for "node_modules/echarts/lib/core.js"), "" for
// a file of ours.
func packageDir(input string) string {
	i := strings.LastIndex(input, "node_modules/")
	if i < 0 {
		return ""
	}
	parts := strings.SplitN(input[i+len("node_modules/"):], "/", 3)
	n := 1
	if strings.HasPrefix(parts[0], "@") {
		n = 2
	}
	if len(parts) <= n {
		return ""
	}
	return input[:i] + "node_modules/" + strings.Join(parts[:n], "/")
}

// packageName is the npm name of a package folder ("@scope/name" or "name").
func packageName(dir string) string {
	return dir[strings.LastIndex(dir, "node_modules/")+len("node_modules/"):]
}

// copyLicenses copies a package's licence files into to: the files at its
// top whose names say licence, notice, copying or copyright, and every file
// of a licenses/ folder (where ECharts keeps the licence of the d3 code it
// embeds). A package without one is an error: its code cannot be shipped
// without saying under what terms.
func copyLicenses(pkg, to string) error {
	var found []string
	entries, err := os.ReadDir(pkg)
	if err != nil {
		return err
	}
	for _, e := range entries {
		switch {
		case e.Type().IsRegular() && isLicense(e.Name()):
			found = append(found, e.Name())
		case e.IsDir() && strings.EqualFold(e.Name(), "licenses"):
			err := fs.WalkDir(os.DirFS(pkg), e.Name(), func(p string, d fs.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() {
					found = append(found, p)
				}
				return err
			})
			if err != nil {
				return err
			}
		}
	}
	if len(found) == 0 {
		return fmt.Errorf("%s has no licence file: the bundle cannot carry its code", pkg)
	}
	for _, rel := range found {
		data, err := os.ReadFile(filepath.Join(pkg, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		dst := filepath.Join(to, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func isLicense(name string) bool {
	upper := strings.ToUpper(strings.TrimSuffix(name, path.Ext(name)))
	for _, word := range []string{"LICENSE", "LICENCE", "NOTICE", "COPYING"} {
		if strings.HasPrefix(upper, word) {
			return true
		}
	}
	return strings.Contains(upper, "COPYRIGHT")
}
