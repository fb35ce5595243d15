// Package diag holds input problems as values with a position, so that a
// build can collect every problem of a run and report them together.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a place in an input file; Line and Col count from 1, 0 means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out unknown parts.
// The file name is escaped: a file may be named with control characters.
func (p Pos) String() string {
	file := Escape(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Severity tells whether a problem stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is reported but the build goes on.
	Warning
)

// Text is a message kept as its English format and arguments, so that it
// can be shown in the site's language (see Catalog) or given to machines.
type Text struct {
	Format string
	Args   []any
}

// T makes a Text.
func T(format string, args ...any) Text { return Text{Format: format, Args: args} }

// In formats the text in lang, falling back to English. The result is
// escaped (see Escape): arguments come from the input, and a message must
// not carry a control sequence to the terminal, log or page showing it.
func (t Text) In(lang string) string {
	if t.Format == "" {
		return ""
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		if inner, ok := a.(Text); ok {
			a = inner.In(lang) // a described value: 一个列表, 空值 …
		}
		args[i] = a
	}
	return Escape(fmt.Sprintf(translate(t.Format, lang), args...))
}

// Diagnostic is one problem in the input: where, what (prefixed by the
// field path as written in the file) and how to fix it.
type Diagnostic struct {
	Pos      Pos
	Field    string
	Message  Text
	Hint     Text
	Severity Severity
}

// Error formats the diagnostic in English.
func (d Diagnostic) Error() string { return d.In("en") }

// In formats the diagnostic the way compilers do, in lang:
// path:line:col: field: message, and the hint on the next line.
func (d Diagnostic) In(lang string) string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString(translate("warning: ", lang))
	}
	b.WriteString(d.Summary(lang))
	if hint := d.Hint.In(lang); hint != "" {
		b.WriteString("\n\t")
		b.WriteString(translate("hint: ", lang))
		b.WriteString(hint)
	}
	return b.String()
}

// Summary is the field path and the message, "field: message", in lang.
// The field path is escaped: it is made of the keys written in the file.
func (d Diagnostic) Summary(lang string) string {
	if d.Field == "" {
		return d.Message.In(lang)
	}
	return Escape(d.Field) + ": " + d.Message.In(lang)
}

// List collects the problems of one run.
type List struct {
	items []Diagnostic
}

// Add records a problem.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Errorf records an error at pos for field.
func (l *List) Errorf(pos Pos, field string, hint Text, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Field: field, Hint: hint, Message: T(format, args...)})
}

// Warnf records a warning at pos for field.
func (l *List) Warnf(pos Pos, field string, hint Text, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Field: field, Hint: hint, Severity: Warning, Message: T(format, args...)})
}

// Merge appends every problem of other.
func (l *List) Merge(other *List) { l.items = append(l.items, other.items...) }

// HasErrors reports whether any problem stops the build.
func (l *List) HasErrors() bool {
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Len is the number of problems recorded.
func (l *List) Len() int { return len(l.items) }

// Sorted returns the problems ordered by file, line and column, without duplicates.
func (l *List) Sorted() []Diagnostic {
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Message.In("en"), b.Message.In("en")),
		)
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool { return a.Error() == b.Error() })
}

// Warnings returns the warnings, sorted as Sorted sorts.
func (l *List) Warnings() []Diagnostic {
	var out []Diagnostic
	for _, d := range l.Sorted() {
		if d.Severity == Warning {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the list as an error when it holds at least one error, else nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{Items: l.Sorted()}
}

// ListError is the error a build returns when the input has problems.
type ListError struct {
	Items []Diagnostic
}

// Error prints the problems in English.
func (e *ListError) Error() string { return e.In("en") }

// In prints one problem per line (hints indented below) in lang, and a count.
func (e *ListError) In(lang string) string {
	var b strings.Builder
	errs := 0
	for _, d := range e.Items {
		b.WriteString(d.In(lang))
		b.WriteByte('\n')
		if d.Severity == Error {
			errs++
		}
	}
	b.WriteString(T("%d error(s) in the input; nothing was written", errs).In(lang))
	return b.String()
}
