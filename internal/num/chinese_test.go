package num

import "testing"

func TestFormat(t *testing.T) {
	cases := []struct {
		value, unit, qualifier, want string
	}{
		{"1.2", "万名", "", "1.2万名"},
		{"12000", "名", "", "1.2万名"},
		{"46", "万元", "", "46万元"},
		{"1.2", "亿元", "", "1.2亿元"},
		{"7300", "万元", "", "7300万元"},
		{"2000", "人次", "余", "2000余人次"},
		{"1", "亿元", "近", "近亿元"},
		{"1", "万元", "余", "1万余元"},
		{"50", "万元", "余", "50余万元"},
		{"100", "万元", "余", "100余万元"},
		{"15", "万元", "以上", "15万元以上"},
		{"2.44", "万元", "", "2.44万元"},
		{"2500", "公斤", "多", "2500多公斤"},
		{"50", "%", "", "50%"},
		{"1.9", "公里", "", "1.9公里"},
		{"3.9", "万人次", "", "3.9万人次"},
		{"5398", "件次", "", "5398件次"},
		{"0.5", "万元", "", "5000元"},
	}
	for _, c := range cases {
		d, err := ParseDec(c.value)
		if err != nil {
			t.Fatal(err)
		}
		u, ok := ParseUnit(c.unit)
		if !ok {
			t.Fatalf("unit %q unknown", c.unit)
		}
		if got := Format(d.Shift(u.Scale), u.Base, c.qualifier); got != c.want {
			t.Errorf("Format(%s %s %s) = %q, want %q", c.value, c.unit, c.qualifier, got, c.want)
		}
	}
}

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

func TestAxisScale(t *testing.T) {
	mk := func(s ...string) []Dec {
		var out []Dec
		for _, v := range s {
			d, _ := ParseDec(v)
			out = append(out, d)
		}
		return out
	}
	if s, w := AxisScale(mk("73000000", "120000000")); s != 4 || w != "万" {
		t.Errorf("got %d %s", s, w)
	}
	if s, _ := AxisScale(mk("120000000", "200000000")); s != 8 {
		t.Errorf("got %d", s)
	}
	if s, _ := AxisScale(mk("9999", "120000")); s != 0 {
		t.Errorf("got %d", s)
	}
}
