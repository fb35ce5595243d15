package main

import (
	"path/filepath"
	"runtime"
)

// checkout is the jinzhan checkout the binary was built in, recorded by
// the Makefile (-X main.checkout=…): a binary copied elsewhere still finds
// the Pagefind make installed there.
var checkout string

// builtFrom is the checkout the binary was built from: the one the
// Makefile recorded, else the folder `go build` compiled this file in (Go
// records absolute source paths unless -trimpath), else "" (go install of
// a version builds in the module cache, which has no Pagefind: harmless).
func builtFrom() string {
	if checkout != "" {
		return checkout
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	return filepath.Dir(filepath.Dir(filepath.Dir(file))) // <checkout>/cmd/jinzhan/checkout.go
}
