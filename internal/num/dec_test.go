package num

import "testing"

func TestParseDecRejects(t *testing.T) {
	for _, s := range []string{"", "abc", "1e5", "1,000", "89x3", "1.", "--1", "99999999999999999999"} {
		if _, err := ParseDec(s); err == nil {
			t.Errorf("ParseDec(%q) accepted", s)
		}
	}
}

func TestDecString(t *testing.T) {
	for in, want := range map[string]string{"0.05": "0.05", "120": "120", "-2.5": "-2.5", "0": "0", "7300.00": "7300"} {
		d, err := ParseDec(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.String(); got != want {
			t.Errorf("%s → %s, want %s", in, got, want)
		}
	}
}
