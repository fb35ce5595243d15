package num

import (
	"slices"
	"strings"
)

// baseUnits are the measure words a figure may be counted in. A 万 or 亿
// prefix (万元, 万人次) states the value in ten-thousands or hundred-millions.
var baseUnits = []string{
	"%", "个", "人", "人次", "件", "件次", "元", "公斤", "公里", "只", "名", "处",
	"家", "户", "条", "株", "次", "盏", "眼", "座", "部", "亩", "米", "延长米", "平方米", "项", "场", "所", "台", "辆", "吨", "期", "村", "支", "篇",
}

// Units lists every accepted unit (base units only), sorted, for messages.
func Units() []string {
	out := slices.DeleteFunc(slices.Clone(baseUnits), func(u string) bool { return false })
	slices.Sort(out)
	return out
}

// AllUnits lists every unit ParseUnit accepts: the base units, then each
// with 万, then each with 亿 (never 万% or 亿%), for schemas and completion.
func AllUnits() []string {
	out := slices.Clone(baseUnits)
	for _, prefix := range []string{"万", "亿"} {
		for _, u := range baseUnits {
			if u != "%" {
				out = append(out, prefix+u)
			}
		}
	}
	return out
}

// Unit is a parsed unit: a base measure word and the power of ten its
// prefix stands for (0, 4 for 万, 8 for 亿).
type Unit struct {
	Base  string
	Scale int
}

// ParseUnit reads "万元" as {元, 4}; ok is false for unknown units.
func ParseUnit(s string) (Unit, bool) {
	scale := 0
	switch {
	case strings.HasPrefix(s, "万") && s != "万":
		scale, s = 4, strings.TrimPrefix(s, "万")
	case strings.HasPrefix(s, "亿") && s != "亿":
		scale, s = 8, strings.TrimPrefix(s, "亿")
	}
	if !slices.Contains(baseUnits, s) {
		return Unit{}, false
	}
	if s == "%" && scale != 0 {
		return Unit{}, false
	}
	return Unit{Base: s, Scale: scale}, true
}
