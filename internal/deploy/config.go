package deploy

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// namePattern is what a target may be called: letters (of any script),
// digits, - and _, typed after --target.
var namePattern = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}_-]*$`)

// MaxCacheControl bounds a Cache-Control value of site.yaml.
const MaxCacheControl = 256

// Check reports every problem of site.yaml's deploy: section at its place:
// a target without a usable name or address, two targets of one name, a
// path pattern that matches nothing, a Cache-Control that is not a header.
func Check(d *load.Deploy, list *diag.List) {
	names := map[string]diag.Pos{}
	for i, t := range d.Targets {
		field := fmt.Sprintf("deploy.targets[%d]", i)
		switch first, dup := names[t.Name]; {
		case t.Name == "":
		case !namePattern.MatchString(t.Name):
			list.Errorf(t.At("name"), field+".name", diag.T("use letters, digits, - and _, e.g. production"), "%q cannot name a target", t.Name)
		case dup:
			list.Errorf(t.At("name"), field+".name", diag.T("give each target its own name"), "the target %q is already defined at %s", t.Name, first)
		default:
			names[t.Name] = t.At("name")
		}
		if t.URL == "" {
			continue
		}
		if _, p := ParseTarget(t.URL); p != nil {
			list.Add(diag.Diagnostic{Pos: t.At("url"), Field: field + ".url", Message: p.Message, Hint: p.Hint})
		}
	}
	for i, r := range d.CacheControl {
		field := fmt.Sprintf("deploy.cache_control[%d]", i)
		if r.Path != "" && compileGlob(r.Path) == nil {
			list.Errorf(r.At("path"), field+".path", diag.T("write a path in the site without a leading /: * stands for part of a name, ** for any folders, e.g. data/** or **/*.html"), "%q cannot match a file's path", r.Path)
		}
		if r.Value != "" && !headerValueOK(r.Value) {
			list.Errorf(r.At("value"), field+".value", diag.T("write it as the header is sent, e.g. public, max-age=60"), "%q cannot be a Cache-Control header", r.Value)
		}
	}
}

// headerValueOK reports whether v can be sent as a header's value: visible
// ASCII and spaces, not too long.
func headerValueOK(v string) bool {
	if len(v) > MaxCacheControl {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < ' ' || v[i] > '~' {
			return false
		}
	}
	return true
}

// Resolve finds the target --target names: an s3:// address, or the name
// of one of site.yaml's targets. Without --target, the site's one target.
func Resolve(d load.Deploy, flag string) (Target, *Problem) {
	var names []string
	for _, t := range d.Targets {
		names = append(names, t.Name)
	}
	switch {
	case strings.Contains(flag, "://"):
		return ParseTarget(flag)
	case flag == "" && len(d.Targets) == 1:
		flag = d.Targets[0].Name
	case flag == "" && len(d.Targets) == 0:
		return Target{}, &Problem{diag.T("no target to deploy to"), diag.T("pass --target %s, or name targets under deploy: in site.yaml (docs/deploy.md)", targetExample)}
	case flag == "":
		return Target{}, &Problem{diag.T("site.yaml names several targets"), diag.T("pass --target with one of them: %s", strings.Join(names, ", "))}
	}
	for _, t := range d.Targets {
		if t.Name == flag {
			target, p := ParseTarget(t.URL)
			target.Name = t.Name
			return target, p
		}
	}
	hint := diag.T("name the target under deploy: in site.yaml, or pass its s3:// address")
	if len(names) > 0 {
		hint = diag.T("known: %s", strings.Join(names, ", "))
		if near := diag.Nearest(flag, names); near != "" {
			hint = diag.T("did you mean %s?", near)
		}
	}
	return Target{}, &Problem{diag.T("site.yaml names no target %q", flag), hint}
}

// Settings reads the site's settings from site.yaml in source and checks
// its deploy: section; their problems are a *diag.ListError.
func Settings(source string) (load.SiteConfig, error) {
	site, err := sitefs.Open(source)
	if err != nil {
		return load.SiteConfig{}, err
	}
	defer site.Close()
	var list diag.List
	cfg := load.LoadSite(site, &list)
	Check(&cfg.Deploy, &list)
	return cfg, list.Err()
}
