package scaffold

import (
	"errors"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// problem is an error worded in lang.
func problem(lang string, text diag.Text) error { return errors.New(text.In(lang)) }
