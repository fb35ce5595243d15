// Package shell writes words for a POSIX shell, for the commands jinzhan
// tells its user to run.
package shell

import "strings"

// Quote returns s as one shell word: as it is when it holds only plain
// path characters, else in single quotes.
func Quote(s string) string {
	plain := s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:@", r))
	}) < 0
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
