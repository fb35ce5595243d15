package num

import "testing"

func dec(t *testing.T, s string) Dec {
	t.Helper()
	d, err := ParseDec(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSumCmpIsExact(t *testing.T) {
	for _, c := range []struct {
		parts []string
		total string
		want  int
	}{
		{[]string{"0.1", "1.2"}, "1.3", 0}, // 0.1 + 1.2 > 1.3 in float64
		{[]string{"0.1", "2.9"}, "3", 0},
		{[]string{"0.1", "0.2"}, "0.3", 0},
		{[]string{"0.1", "1.3"}, "1.3", 1},
		{[]string{"1000000000000000000", "0.000000000000000001"}, "1000000000000000000", 1}, // beyond int64 once aligned
		{[]string{"9223372036854775807", "9223372036854775807"}, "1", 1},
		{nil, "0", 0},
		{[]string{"2.5"}, "2.50", 0},
	} {
		var parts []Dec
		for _, p := range c.parts {
			parts = append(parts, dec(t, p))
		}
		if got := SumCmp(parts, dec(t, c.total)); got != c.want {
			t.Errorf("SumCmp(%v, %s) = %d, want %d", c.parts, c.total, got, c.want)
		}
	}
}

func TestCmpIsExact(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"12345678901234567", "12345678901234568", -1}, // equal as float64
		{"0.3", "0.30", 0},
		{"100.0000000000000001", "100", 1},
		{"-2", "1", -1},
		{"9223372036854775807", "0.1", 1}, // aligning overflows an int64
		{"0", "0.000001", -1},
	} {
		if got := dec(t, c.a).Cmp(dec(t, c.b)); got != c.want {
			t.Errorf("%s Cmp %s = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestProgressOf(t *testing.T) {
	for _, c := range []struct {
		start, goal, now string
		want             int
	}{
		{"0", "252", "252", 100}, {"0", "1", "0.7", 70}, {"0", "3", "1", 33}, {"0", "2", "5", 100}, {"0", "5", "0", 0}, {"0", "0", "3", 0},
		{"0", "100", "29", 29}, // 29/100*100 is 28.999999999999996 in float64
		// Brought down: 9899万 to 0, the way covered from the start.
		{"9899", "0", "0", 100}, {"9899", "0", "551", 94}, {"9899", "0", "9899", 0}, {"9899", "0", "10000", 0},
		{"10.2", "0", "0.6", 94}, {"10.2", "3", "3.0", 100}, {"10.2", "3", "3.1", 98},
		// Up from a start other than 0.
		{"6079", "12588", "12588", 100}, {"6079", "12588", "6079", 0}, {"50", "100", "75", 50},
		{"0.1", "0.3", "0.29999", 99}, // never 100 before the goal
	} {
		if got := ProgressOf(dec(t, c.start), dec(t, c.goal), dec(t, c.now)); got != c.want {
			t.Errorf("ProgressOf(%s, %s, %s) = %d, want %d", c.start, c.goal, c.now, got, c.want)
		}
	}
}

func TestInt64(t *testing.T) {
	for in, want := range map[string]int64{"3": 3, "120": 120, "1000000": 1000000} {
		if got, ok := dec(t, in).Int64(); !ok || got != want {
			t.Errorf("%s → %d %v", in, got, ok)
		}
	}
	if _, ok := dec(t, "2.5").Int64(); ok {
		t.Error("2.5 is not a whole number")
	}
	if _, ok := (Dec{Coef: 1, Exp: 30}).Int64(); ok {
		t.Error("10^30 does not fit an int64")
	}
}
