// Package locale shows figures, numbers and dates in a site's language, at
// render time: the data keeps exact decimals with the unit and qualifier
// they were written with (num.Quantity), and a Chinese page shows
// 9899万人 / 960多万人 / 近亿元 where an English page shows 98.99 million
// people / more than 9.6 million people / nearly 100 million yuan. The
// digits shown are always exact: a value is scaled only where the scaled
// digits are short and exact, never rounded.
package locale

import (
	"fmt"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// Locale formats for one language.
type Locale struct {
	lang    string
	english bool
}

// New returns the locale of a site language: English for en and en-*,
// Chinese for every other (jinzhan's interface has these two).
func New(lang string) *Locale {
	return &Locale{lang: lang, english: lang == "en" || strings.HasPrefix(lang, "en-")}
}

// Lang is the site language the locale was made for.
func (l *Locale) Lang() string { return l.lang }

// English reports whether the locale writes English.
func (l *Locale) English() bool { return l.english }

// Figure shows a quantity: 1.2万名, 2000余人次, 近亿元 in Chinese; 12,000
// people, more than 2,000 person-times, nearly 100 million yuan in English.
func (l *Locale) Figure(q num.Quantity) string {
	if l.english {
		return englishFigure(q)
	}
	return chineseFigure(q)
}

// Number shows a bare number: 12588 in Chinese, 12,588 in English.
func (l *Locale) Number(d num.Dec) string {
	if l.english {
		return thousands(d)
	}
	return d.String()
}

// Date shows a date as precise as it was written: 2020年8月5日, 2020年8月,
// 2020年; 5 August 2020, August 2020, 2020.
func (l *Locale) Date(d load.Date) string {
	if l.english {
		return d.English()
	}
	return d.Chinese()
}

// AxisScale picks one scale for values drawn on one axis, so that the axis
// reads in short numbers: the largest scale at which every non-zero value
// is at least 1 (万 or 亿 in Chinese; million or billion in English). It
// returns the power of ten and the unit's name at that scale for the axis
// (万人, million people; "" for a measure word English counts bare).
func (l *Locale) AxisScale(values []num.Dec, base string) (int, string) {
	scales := []struct {
		exp  int
		word string
	}{{8, "亿"}, {4, "万"}}
	if l.english {
		scales = []struct {
			exp  int
			word string
		}{{9, "billion"}, {6, "million"}}
	}
	for _, s := range scales {
		if len(values) > 0 && allAtLeast(values, s.exp) {
			return s.exp, l.unitName(s.word, base)
		}
	}
	return 0, l.unitName("", base)
}

// UnitName names a measure word for an axis or a table heading: 万元, 元;
// yuan, million yuan ("" when English counts it bare).
func (l *Locale) unitName(scaleWord, base string) string {
	if !l.english {
		return scaleWord + base
	}
	noun := num.EnglishNoun(base, true)
	if base == "%" {
		noun = "%"
	}
	return strings.TrimSpace(scaleWord + " " + noun)
}

func allAtLeast(values []num.Dec, exp int) bool {
	seen := false
	for _, v := range values {
		if v.IsZero() {
			continue
		}
		if !atLeast(v, exp) {
			return false
		}
		seen = true
	}
	return seen
}

// atLeast reports whether |v| >= 10^exp, exactly.
func atLeast(v num.Dec, exp int) bool {
	return v.Cmp(num.Dec{Coef: 1, Exp: exp}) >= 0 || v.Cmp(num.Dec{Coef: -1, Exp: exp}) <= 0
}

// Citation names a source in full, as a page cites it: publisher, title,
// date and author. 辽宁日报《小康路上并肩行》（2020年8月5日，张旭）; Liaoning
// Daily, “Title” (5 August 2020, Zhang Xu).
func (l *Locale) Citation(s *load.Source) string {
	if s == nil {
		return ""
	}
	var when []string
	if !s.Date.IsZero() {
		when = append(when, l.Date(s.Date))
	}
	if s.Author != "" {
		when = append(when, s.Author)
	}
	// Chinese: 出版者《标题》（日期，作者）; English: Publisher, “Title” (date, author).
	p := citationMarks{title: "《%s》", when: "（%s）", sep: "，"}
	if l.english {
		p = citationMarks{title: ", “%s”", when: " (%s)", sep: ", "}
	}
	c := s.Publisher
	if s.Title != "" {
		c += fmt.Sprintf(p.title, s.Title)
	}
	if len(when) > 0 {
		c += fmt.Sprintf(p.when, strings.Join(when, p.sep))
	}
	return c
}

// citationMarks are the punctuation of a citation in one language.
type citationMarks struct{ title, when, sep string }

// Period shows a span of dates: 2020年7月至2020年12月, 2020年7月起; July 2020 –
// December 2020, from July 2020.
func (l *Locale) Period(start, end load.Date) string {
	switch {
	case start.IsZero():
		return ""
	case end.IsZero() && l.english:
		return "from " + l.Date(start)
	case end.IsZero():
		return l.Date(start) + "起"
	case l.english:
		return l.Date(start) + " – " + l.Date(end)
	}
	return l.Date(start) + "至" + l.Date(end)
}

// Fill puts named arguments (name, value, name, value …) into a pattern of
// the site's language, so that each language orders them itself: {name}
// is replaced by its value. A value is never read again for names, so a
// label holding "{max}" stays as written.
func Fill(pattern string, args ...string) string {
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+args[i]+"}", args[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(pattern)
}
