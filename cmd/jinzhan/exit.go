package main

import (
	"errors"
	"io/fs"
	"net"
	"os"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// Exit codes (README: Commands).
const (
	exitOK    = 0
	exitInput = 1 // the site has problems: fix the input
	exitUsage = 2 // the command line is wrong: fix the command
	// exitEnv: the machine failed — a file could not be written or read
	// (the destination, a new file), the port is taken, Pagefind failed.
	// Neither the input nor the command is at fault: fix the machine, or
	// try again.
	exitEnv = 3
)

// exitCode says how a command that failed with err ends.
func exitCode(err error) int {
	var list *diag.ListError
	var refused *publish.RefusedError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &refused): // the --destination given
		return exitUsage
	case errors.As(err, &list):
		return exitInput
	case environmental(err):
		return exitEnv
	}
	return exitInput // a site's layout that does not parse or run
}

// environmental reports whether err is a failure of the machine: of a
// file operation, the network or Pagefind. A file of the site that jinzhan
// refuses to read (a link out of it, a pipe, a file too large) is the
// input's fault, not the machine's.
func environmental(err error) bool {
	var search *build.SearchError
	var path *fs.PathError
	var link *os.LinkError
	var call *os.SyscallError
	var network *net.OpError
	switch {
	case errors.Is(err, sitefs.ErrOutside), errors.Is(err, sitefs.ErrNotRegular), errors.Is(err, sitefs.ErrTooLarge):
		return false
	}
	return errors.As(err, &search) || errors.As(err, &path) || errors.As(err, &link) || errors.As(err, &call) || errors.As(err, &network)
}
