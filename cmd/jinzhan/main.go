// Command jinzhan builds a campaign progress site from YAML data and
// Markdown stories. It only parses flags; the work is in internal/.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/chartsvg"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/scaffold"
)

// version is set by the Makefile from git describe.
var version = "dev"

// versionString is the version the Makefile set, else the module version
// `go install …@version` records, else "dev".
func versionString() string {
	if info, ok := debug.ReadBuildInfo(); ok && version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return version
}

const usage = `jinzhan builds a campaign progress site from YAML data and Markdown stories.

Usage:
  jinzhan build   [--source DIR] [--destination DIR] [--base-url URL] [--search=false] [--pagefind PATH] [--replace-foreign] [--format json]
  jinzhan check   [--source DIR] [--format json]
  jinzhan serve   [--source DIR] [--port N] [--bind ADDR] [--allowed-hosts NAMES]
  jinzhan deploy  [--source DIR] [--destination DIR] [--target URL|NAME] [--dry-run] [--max-deletes N] [--yes]
  jinzhan new     story|activity SLUG [--source DIR]
  jinzhan new     site DIR [--language en]
  jinzhan version

Run "jinzhan COMMAND --help" for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr, true)
	case "check":
		return cmdBuild(args[1:], stdout, stderr, false)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "deploy":
		return cmdDeploy(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "jinzhan", versionString())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "jinzhan: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: jinzhan %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse returns an exit code when the command should stop (help or bad flags).
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, true
		}
		return exitUsage, true
	}
	return 0, false
}

func cmdBuild(args []string, stdout, stderr io.Writer, write bool) int {
	synopsis := "check [--source DIR]\n\nLoads and validates every input file and renders every page in memory; writes nothing."
	if write {
		synopsis = "build [--source DIR] [--destination DIR] [--base-url URL]\n\nBuilds the site into a fresh folder and swaps it in for the destination;\na build with input errors writes nothing."
	}
	fs := newFlags("jinzhan", synopsis, stderr)
	source := fs.String("source", ".", "site folder (holds site.yaml, data/, content/)")
	format := fs.String("format", "text", "how to print problems: text, or json for tools")
	profile := profileFlags(fs)
	dest, baseURL, search, replace, pagefind := new(string), new(string), new(bool), new(bool), new(string)
	if write {
		dest = fs.String("destination", "public", "output folder, relative to the current folder; replaced whole by every build")
		replace = fs.Bool("replace-foreign", false, "let the build replace a destination folder that jinzhan did not make (what it holds is deleted)")
		baseURL = fs.String("base-url", "", "public address, overriding base_url in site.yaml")
		search = fs.Bool("search", true, "build the search index (needs Pagefind: make installs it beside jinzhan; else "+build.PagefindInstall()+")")
		pagefind = fs.String("pagefind", "", "the Pagefind program to index with (default: the one beside jinzhan or in the checkout it was built from, else in "+build.PagefindHome()+", else pagefind on PATH; never one in the site folder)")
	}
	if code, stop := parse(fs, args); stop {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "jinzhan: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "jinzhan: --format is text or json, not %q\n", *format)
		return exitUsage
	}
	if err := isFolder(*source); err != nil {
		printErr(stderr, fmt.Errorf("--source: %w", err))
		return sourceExit(err)
	}
	script, license := jinzhan.ECharts()
	opts := build.Options{Source: *source, BaseURL: *baseURL, Theme: jinzhan.DefaultTheme(), ECharts: script, EChartsNote: license}
	opts.ChartSVG = chartsvg.New(jinzhan.EChartsSSR(), build.ChartCacheDir(chartsvg.DefaultCacheDir(), *source, *dest))
	defer opts.ChartSVG.Close()
	if write {
		opts.Destination, opts.ReplaceForeign = *dest, *replace
		if *search {
			opts.Pagefind = cmp.Or(*pagefind, build.FindPagefind(*source, builtFrom()))
		}
	}
	stopProfile, err := profile.start()
	if err != nil {
		printErr(stderr, err)
		return exitEnv
	}
	res, err := build.Run(opts)
	if err := stopProfile(); err != nil {
		printErr(stderr, err)
		return exitEnv
	}
	var list *diag.ListError
	var refused *publish.RefusedError
	if errors.As(err, &refused) {
		fmt.Fprintf(stderr, "jinzhan: --destination: %s\n", refused.In(res.Lang))
		return exitCode(err)
	}
	if err != nil && !errors.As(err, &list) {
		printErr(stderr, err)
		return exitCode(err)
	}
	if *format == "json" {
		problems := res.Warnings
		if list != nil {
			problems = list.Items
		}
		if err := writeJSON(stdout, problems, res.Lang); err != nil {
			printErr(stderr, err)
		}
	} else if list != nil {
		fmt.Fprintln(stderr, list.In(res.Lang))
	} else {
		for _, w := range res.Warnings {
			fmt.Fprintln(stderr, w.In(res.Lang))
		}
	}
	if err != nil {
		return exitInput
	}
	if *format == "json" {
		return exitOK
	}
	if write {
		if *search && opts.Pagefind == "" {
			fmt.Fprintf(stderr, "jinzhan: %s\n  %s\n", build.PagefindMissing().In(res.Lang), diag.Escape(build.PagefindInstall()))
		}
		fmt.Fprintf(stdout, "jinzhan: built %s: %s\n", diag.Escape(*dest), res.Summary())
		for _, line := range res.Changes.Lines(res.Lang) {
			fmt.Fprintln(stdout, line)
		}
	} else {
		fmt.Fprintf(stdout, "jinzhan: check passed: %s\n", res.Summary())
	}
	return exitOK
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("jinzhan new", "new story|activity SLUG [--source DIR]\n       jinzhan new site DIR [--language en]\n\nCreates a commented file to fill in: content/stories/SLUG.md, or data/activities/SLUG.yaml\nwith its narrative; or a whole starter site in DIR that builds as it is.", stderr)
	source := fs.String("source", ".", "site folder (story, activity)")
	language := fs.String("language", "zh-CN", "the new site's language: zh-CN or en (site)")
	// Accept flags before or after the positional arguments.
	var positional []string
	for len(args) > 0 {
		if code, stop := parse(fs, args); stop {
			return code
		}
		args = fs.Args()
		if len(args) > 0 {
			positional = append(positional, args[0])
			args = args[1:]
		}
	}
	if len(positional) != 2 {
		fs.Usage()
		return exitUsage
	}
	today := time.Now().Format("2006-01-02")
	var wrote []string
	var err error
	if positional[0] == "site" {
		wrote, err = scaffold.NewSite(positional[1], *language, today)
	} else {
		wrote, err = scaffold.New(*source, positional[0], positional[1], today)
	}
	for _, rel := range wrote {
		fmt.Fprintf(stdout, "jinzhan: created %s\n", diag.Escape(rel))
	}
	if err != nil {
		printErr(stderr, err)
		if environmental(err) {
			return exitEnv
		}
		return exitUsage // a bad name, a file that is there already, a folder not empty
	}
	if positional[0] == "site" {
		fmt.Fprintln(stdout, scaffold.NextSteps(positional[1], *language))
	}
	return exitOK
}

// errNotFolder is a --source that is a file.
var errNotFolder = errors.New("not a folder")

// isFolder checks a --source before anything is read from it: it is a
// folder that can be listed.
func isFolder(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%q is %w", dir, errNotFolder)
	}
	f, err := os.Open(dir)
	if err == nil {
		_, err = f.Readdirnames(1)
		f.Close()
	}
	if errors.Is(err, io.EOF) {
		err = nil // empty
	}
	return err
}

// sourceExit is the exit code of a --source that isFolder refused: one
// that does not exist or is a file is the command's fault, one that cannot
// be read the machine's.
func sourceExit(err error) int {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotFolder) {
		return exitUsage
	}
	return exitEnv
}

// printErr prints a failure that is not an input problem: an unreadable
// folder, a theme that does not parse, a failed write, pagefind's output.
// Its text may name input files, so each of its lines is escaped like
// every message.
func printErr(w io.Writer, err error) {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = diag.Escape(l)
	}
	fmt.Fprintf(w, "jinzhan: %s\n", strings.Join(lines, "\n"))
}
