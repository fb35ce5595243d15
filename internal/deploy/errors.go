package deploy

import (
	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// Error is a deploy that could not be done or finished, in words for the
// operator: what failed, and what to do.
type Error struct {
	// Usage is true when the command is at fault (a folder jinzhan did not
	// build, too many deletions without --yes), false when the machine,
	// the network or the store is (no credentials, a bucket not there).
	Usage  bool
	Reason diag.Text
	Hint   diag.Text
	// Err is what the store or the system said, shown after the reason.
	Err error
}

func (e *Error) Error() string { return e.In("en") }

// Unwrap is what the store or the system said.
func (e *Error) Unwrap() error { return e.Err }

// In says it in lang: the reason, what was said, and the hint on a line of
// its own.
func (e *Error) In(lang string) string {
	s := e.Reason.In(lang)
	if e.Err != nil {
		s = diag.T("%s: %s", s, diag.Escape(e.Err.Error())).In(lang) // what the store said
	}
	if e.Hint.Format != "" {
		s += "\n\t" + diag.T("hint: ").In(lang) + e.Hint.In(lang)
	}
	return s
}

// usage is an Error of the command.
func usage(reason, hint diag.Text) *Error { return &Error{Usage: true, Reason: reason, Hint: hint} }

// failed is an Error of the machine, the network or the store.
func failed(err error, reason, hint diag.Text) *Error {
	return &Error{Reason: reason, Hint: hint, Err: err}
}
