package main

import (
	"encoding/json"
	"io"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// problemJSON is one problem as `--format json` prints it.
type problemJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Field    string `json:"field,omitempty"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// writeJSON prints the problems of a run for editors' tools and CI.
func writeJSON(w io.Writer, problems []diag.Diagnostic, lang string) error {
	out := struct {
		Errors   int           `json:"errors"`
		Warnings int           `json:"warnings"`
		Problems []problemJSON `json:"problems"`
	}{Problems: []problemJSON{}}
	for _, d := range problems {
		severity := "error"
		if d.Severity == diag.Warning {
			severity = "warning"
			out.Warnings++
		} else {
			out.Errors++
		}
		out.Problems = append(out.Problems, problemJSON{
			// File and field come from the input: escaped like every message,
			// so that a tool printing them prints no control sequence.
			File: diag.Escape(d.Pos.File), Line: d.Pos.Line, Column: d.Pos.Col, Severity: severity,
			Field: diag.Escape(d.Field), Message: d.Message.In(lang), Hint: d.Hint.In(lang),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
