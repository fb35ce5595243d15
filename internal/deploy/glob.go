package deploy

import (
	"regexp"
	"strings"
)

// compileGlob turns a path pattern of site.yaml into a regular expression
// over a file's path in the site (data/figures.json): * matches any part of
// one name, ? one character of it, and ** as a whole name any number of
// folders (data/** is everything under data/, **/*.html every page). It
// returns nil for a pattern that cannot match a path: empty, starting or
// ending with /, with an empty name, or with ** inside a name.
func compileGlob(pattern string) *regexp.Regexp {
	if pattern == "" || strings.HasPrefix(pattern, "/") || strings.HasSuffix(pattern, "/") {
		return nil
	}
	var re strings.Builder
	re.WriteString("^")
	names := strings.Split(pattern, "/")
	for i, name := range names {
		last := i == len(names)-1
		switch {
		case name == "":
			return nil
		case name == "**" && last:
			re.WriteString(".*")
			continue
		case name == "**":
			re.WriteString("(?:[^/]+/)*")
			continue
		case strings.Contains(name, "**"):
			return nil
		}
		for _, r := range name {
			switch r {
			case '*':
				re.WriteString("[^/]*")
			case '?':
				re.WriteString("[^/]")
			default:
				re.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		if !last {
			re.WriteString("/")
		}
	}
	re.WriteString("$")
	return regexp.MustCompile(re.String())
}
