package num

import "testing"

func TestAllUnitsAreExactlyTheParsedOnes(t *testing.T) {
	all := AllUnits()
	seen := map[string]bool{}
	for _, u := range all {
		if seen[u] {
			t.Errorf("%s listed twice", u)
		}
		seen[u] = true
		if _, ok := ParseUnit(u); !ok {
			t.Errorf("AllUnits lists %q, which ParseUnit refuses", u)
		}
	}
	for _, u := range []string{"万%", "亿%", "万", "亿", "万万元", "公顷"} {
		if seen[u] {
			t.Errorf("AllUnits lists %q", u)
		}
	}
	if want := 3*len(baseUnits) - 2; len(all) != want {
		t.Errorf("%d units, want %d (each base unit, with 万 and with 亿, except %%)", len(all), want)
	}
}
