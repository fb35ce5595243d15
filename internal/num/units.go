package num

import (
	"slices"
	"strings"
)

// baseUnits are the measure words a figure may be counted in. A 万 or 亿
// prefix (万元, 万人次) states the value in ten-thousands or hundred-millions.
var baseUnits = []string{
	"%", "个", "人", "人次", "件", "件次", "元", "公斤", "公里", "只", "名", "处",
	"家", "户", "条", "株", "次", "盏", "眼", "座", "部", "亩", "米", "延长米", "平方米", "项", "场", "所", "台", "辆", "吨", "期", "村", "支", "篇", "县",
}

// englishUnits are the English names an editor may write instead of a
// measure word (unit: people), each standing for the measure word the data
// is kept in; an English site shows them back in English.
var englishUnits = map[string]string{
	"people": "人", "person": "人", "persons": "人", "person-times": "人次", "visits": "人次",
	"yuan": "元", "kg": "公斤", "km": "公里", "m": "米", "m²": "平方米", "square metres": "平方米", "square meters": "平方米",
	"mu": "亩", "tonnes": "吨", "tons": "吨", "households": "户", "villages": "村", "counties": "县", "times": "次",
}

// english names measure words in English, singular and plural, where English
// has a word for them. A measure word without one (个, 只, 项 …) shows a bare
// number, unless the figure names its own noun (unit_en).
var english = map[string][2]string{
	"人": {"person", "people"}, "名": {"person", "people"}, "人次": {"person-time", "person-times"},
	"元": {"yuan", "yuan"}, "公斤": {"kg", "kg"}, "公里": {"km", "km"}, "米": {"m", "m"}, "延长米": {"m", "m"},
	"平方米": {"m²", "m²"}, "亩": {"mu", "mu"}, "吨": {"tonne", "tonnes"}, "户": {"household", "households"},
	"村": {"village", "villages"}, "县": {"county", "counties"}, "次": {"time", "times"},
}

// scaleWords are the words that state a value in a power of ten: Chinese
// before a measure word (万元), English before a unit (million yuan).
var scaleWords = []struct {
	word    string
	exp     int
	english bool
}{{"万", 4, false}, {"亿", 8, false}, {"thousand ", 3, true}, {"million ", 6, true}, {"billion ", 9, true}}

// Units lists every accepted measure word (without 万 or 亿), sorted, for messages.
func Units() []string {
	out := slices.Clone(baseUnits)
	slices.Sort(out)
	return out
}

// EnglishUnits lists every English unit name accepted, sorted, for messages.
func EnglishUnits() []string {
	out := make([]string, 0, len(englishUnits))
	for name := range englishUnits {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// AllUnits lists every unit ParseUnit accepts: the measure words, each
// with 万 and with 亿 (never 万% or 亿%), then the English names, for
// schemas and completion.
func AllUnits() []string {
	out := slices.Clone(baseUnits)
	for _, prefix := range []string{"万", "亿"} {
		for _, u := range baseUnits {
			if u != "%" {
				out = append(out, prefix+u)
			}
		}
	}
	return append(out, EnglishUnits()...)
}

// Unit is a parsed unit: a base measure word, the power of ten its scale
// word stands for (0; 4 for 万, 8 for 亿; 3, 6, 9 for thousand, million,
// billion) and how the editor wrote it.
type Unit struct {
	Base    string // 元
	Scale   int    // 4 for 万元
	Written string // 万元, as in the file
	English bool   // written in English (million yuan)
}

// ParseUnit reads "万元" as {元, 4}, "million people" as {人, 6}; ok is
// false for unknown units.
func ParseUnit(s string) (Unit, bool) {
	u := Unit{Written: s}
	rest := s
	for _, w := range scaleWords {
		if after, found := strings.CutPrefix(s, w.word); found && after != "" {
			u.Scale, u.English, rest = w.exp, w.english, after
			break
		}
	}
	switch base, isEnglish := englishUnits[rest]; {
	case isEnglish && (u.Scale == 0 || u.English):
		u.Base, u.English = base, true
	case slices.Contains(baseUnits, rest) && !u.English:
		u.Base = rest
	default:
		return Unit{}, false
	}
	if u.Base == "%" && u.Scale != 0 {
		return Unit{}, false
	}
	return u, true
}

// EnglishNoun is the English name of a measure word, singular or plural; ""
// when English counts it with a bare number.
func EnglishNoun(base string, plural bool) string {
	names, ok := english[base]
	if !ok {
		return ""
	}
	if plural {
		return names[1]
	}
	return names[0]
}
