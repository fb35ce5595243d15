package render

import "testing"

func TestPluralOfAPlaceName(t *testing.T) {
	for _, c := range []struct {
		name    string
		english bool
		want    string
	}{
		{"county", true, "counties"}, {"township", true, "townships"}, {"province", true, "provinces"},
		{"day", true, "days"}, {"parish", true, "parishes"}, {"y", true, "ys"},
		{"县", true, "县"}, {"county", false, "county"}, {"", true, ""},
	} {
		if got := plural(c.name, c.english); got != c.want {
			t.Errorf("plural(%q, %v) = %q, want %q", c.name, c.english, got, c.want)
		}
	}
}
