package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A binary built without -trimpath (go build, go test) knows the checkout
// it was compiled in; one the Makefile built knows the one it recorded.
func TestBuiltFromNamesTheCheckout(t *testing.T) {
	saved := checkout
	t.Cleanup(func() { checkout = saved })
	checkout = ""
	want, _ := filepath.Abs("../..")
	if got := builtFrom(); got != want {
		t.Errorf("builtFrom() = %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(builtFrom(), "go.mod")); err != nil {
		t.Errorf("no checkout there: %v", err)
	}
	checkout = "/opt/jinzhan"
	if got := builtFrom(); got != "/opt/jinzhan" {
		t.Errorf("the recorded checkout: %q", got)
	}
}
