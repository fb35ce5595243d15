package shell

import (
	"os/exec"
	"testing"
)

func TestQuoteIsOneWord(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no POSIX shell here")
	}
	for _, s := range []string{"/home/u/.local/share/jinzhan", "my site", "it's", "", "~x", "$HOME", "a\"b;c", "站点"} {
		q := quotePOSIX(s)
		out, err := exec.Command("sh", "-c", "printf %s "+q).Output()
		if err != nil || string(out) != s {
			t.Errorf("quotePOSIX(%q) = %s: the shell reads %q (%v)", s, q, out, err)
		}
	}
	if got := quotePOSIX("/home/u/site"); got != "/home/u/site" {
		t.Errorf("a plain path is quoted: %s", got)
	}
}

// On Windows a path is one word for PowerShell and for cmd.exe where
// double quotes can say so; what they would expand goes in PowerShell's
// single quotes.
func TestQuoteWindows(t *testing.T) {
	for s, want := range map[string]string{
		`C:\Users\li\AppData\Local\jinzhan`: `C:\Users\li\AppData\Local\jinzhan`,
		`C:\Users\li\my site`:               `"C:\Users\li\my site"`,
		`D:\站点`:                             `"D:\站点"`,
		`C:\it's here`:                      `"C:\it's here"`,
		`C:\$money`:                         `'C:\$money'`,
		`C:\100%\it's`:                      `'C:\100%\it''s'`,
		"":                                  `""`,
	} {
		if got := quoteWindows(s); got != want {
			t.Errorf("quoteWindows(%q) = %s, want %s", s, got, want)
		}
	}
}
