// Package shell writes words for the shell in which a user types the
// commands jinzhan suggests: a POSIX shell, or on Windows PowerShell or
// cmd.exe.
package shell

import (
	"runtime"
	"strings"
)

// Quote returns s as one word for the user's shell.
func Quote(s string) string {
	if runtime.GOOS == "windows" {
		return quoteWindows(s)
	}
	return quotePOSIX(s)
}

// quotePOSIX returns s as it is when it holds only plain path characters,
// else in single quotes.
func quotePOSIX(s string) string {
	if plain(s, "/._-+:@") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// quoteWindows returns s as it is when it holds only plain path characters,
// else in double quotes, which PowerShell and cmd.exe both read as one word
// — unless s holds what either expands inside them ($, `, %): then in
// PowerShell's single quotes (Windows Terminal's and VS Code's default).
func quoteWindows(s string) string {
	switch {
	case plain(s, `\/._-+:`):
		return s
	case !strings.ContainsAny(s, "$`%\""):
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// plain reports whether s is not empty and holds only ASCII letters,
// digits and the characters of also.
func plain(s, also string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(also, r))
	}) < 0
}
