package opendata

import "testing"

func TestNeutralizeFormula(t *testing.T) {
	for in, want := range map[string]string{
		"":                    "",
		"=1+1":                "'=1+1",
		"+86 123":             "'+86 123",
		"-人数":                 "'-人数",
		"@SUM(A1)":            "'@SUM(A1)",
		"\t=1":                "'\t=1",
		"\r=1":                "'\r=1",
		"\n=1+1":              "'\n=1+1", // a line feed in front escaped the guard once
		"\nabc":               "'\nabc",
		"\tabc":               "'\tabc",
		" =1+1":               "' =1+1",
		"\u3000=1+1":          "'\u3000=1+1", // a full-width space
		"\u00a0@SUM(A1)":      "'\u00a0@SUM(A1)",
		"\v-1":                "'\v-1",
		"\x00=1":              "'\x00=1",
		"  人数":                "  人数",
		"\u3000\u3000":        "\u3000\u3000",
		"50余万元":               "50余万元",
		"a=b":                 "a=b",
		"500000":              "500000",
		"＝1+1":                "＝1+1", // full-width: text to every spreadsheet
		`"=HYPERLINK(""x"")"`: `"=HYPERLINK(""x"")"`,
		"辽宁日报《标题》（2020年8月5日）": "辽宁日报《标题》（2020年8月5日）",
	} {
		if got := NeutralizeFormula(in); got != want {
			t.Errorf("NeutralizeFormula(%q) = %q, want %q", in, got, want)
		}
	}
}
