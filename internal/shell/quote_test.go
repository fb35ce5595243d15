package shell

import (
	"os/exec"
	"testing"
)

func TestQuoteIsOneWord(t *testing.T) {
	for _, s := range []string{"/home/u/.local/share/jinzhan", "my site", "it's", "", "~x", "$HOME", "a\"b;c", "站点"} {
		q := Quote(s)
		out, err := exec.Command("sh", "-c", "printf %s "+q).Output()
		if err != nil || string(out) != s {
			t.Errorf("Quote(%q) = %s: the shell reads %q (%v)", s, q, out, err)
		}
	}
	if got := Quote("/home/u/site"); got != "/home/u/site" {
		t.Errorf("a plain path is quoted: %s", got)
	}
}
