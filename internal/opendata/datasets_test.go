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
