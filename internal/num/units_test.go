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
	if want := 3*len(baseUnits) - 2 + len(englishUnits); len(all) != want {
		t.Errorf("%d units, want %d (each base unit, with 万 and with 亿, except %%; the English names)", len(all), want)
	}
}

func TestParseUnitReadsChineseAndEnglish(t *testing.T) {
	for written, want := range map[string]Unit{
		"万元":             {Base: "元", Scale: 4, Written: "万元"},
		"人":              {Base: "人", Written: "人"},
		"people":         {Base: "人", Written: "people", English: true},
		"million people": {Base: "人", Scale: 6, Written: "million people", English: true},
		"billion yuan":   {Base: "元", Scale: 9, Written: "billion yuan", English: true},
		"thousand km":    {Base: "公里", Scale: 3, Written: "thousand km", English: true},
	} {
		if got, ok := ParseUnit(written); !ok || got != want {
			t.Errorf("ParseUnit(%q) = %+v, %v; want %+v", written, got, ok, want)
		}
	}
	for _, bad := range []string{"万people", "million 元", "million", "million %", "亿%", "Yuan"} {
		if u, ok := ParseUnit(bad); ok {
			t.Errorf("ParseUnit(%q) = %+v, want refused", bad, u)
		}
	}
}
