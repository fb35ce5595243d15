package locale

import (
	"slices"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// chineseFigure shows a quantity in the unit it is written in, as the
// source writes it (12588元, 7300万元, 1.2万名), or in the unit an editor
// asked for (display_unit). A value written with an English unit (98.99
// million people) is said the Chinese way: 9899万人.
func chineseFigure(q num.Quantity) string {
	digits, scaleWord := q.Written, scaleWordOf(q.Unit)
	switch {
	case q.Shown.Base != "" && !q.Shown.English:
		digits, scaleWord = q.Value.Shift(-q.Shown.Scale), scaleWordOf(q.Shown)
	case q.Unit.English:
		digits, scaleWord = chineseScaled(q.Value)
	}
	if digits.IsZero() {
		scaleWord = "" // 降至0人, not 0万人
	}
	return placeQualifier(digits, scaleWord, q.Base(), q.Qualifier)
}

// placeQualifier writes digits, scale word and measure word with the
// qualifier where a Chinese writer puts it: 2000余人次, 50余万元, 1万余元,
// 近亿元, 15万元以上.
func placeQualifier(digits num.Dec, scaleWord, base, qualifier string) string {
	var b strings.Builder
	prefix := slices.Contains(num.QualifiersBefore, qualifier)
	if prefix {
		b.WriteString(qualifier)
	}
	// 近亿元, 近万人: a round 1 after 近 is not written.
	if !(prefix && scaleWord != "" && digits.String() == "1" && qualifier == "近") {
		b.WriteString(digits.String())
	}
	infix := slices.Contains(num.QualifiersBetween, qualifier)
	// 50余万元 but 1万余元: 余 follows a round tens figure, else the scale word.
	if infix && scaleWord != "" && digits.Exp > 0 {
		b.WriteString(qualifier)
		infix = false
	}
	b.WriteString(scaleWord)
	if infix {
		b.WriteString(qualifier)
	}
	b.WriteString(base)
	if slices.Contains(num.QualifiersAfter, qualifier) {
		b.WriteString(qualifier)
	}
	return b.String()
}

// scaleWordOf is the Chinese word of a unit's scale: 万 for 万元.
func scaleWordOf(u num.Unit) string {
	switch u.Scale {
	case 4:
		return "万"
	case 8:
		return "亿"
	}
	return ""
}

// chineseScaled picks 亿 from 1亿 and 万 from 1万 (7300万, not 0.73亿).
func chineseScaled(v num.Dec) (num.Dec, string) {
	switch {
	case atLeast(v, 8):
		return v.Shift(-8), "亿"
	case atLeast(v, 4):
		return v.Shift(-4), "万"
	}
	return v, ""
}

// Written shows a quantity in the words of the data file that holds it, for
// messages to the editor who wrote it: 6000余只, 1.2万名, 98.99 million people.
func Written(q num.Quantity) string {
	if q.Unit.English {
		s := q.Written.String() + " " + q.Unit.Written
		if q.Qualifier != "" {
			s = q.Qualifier + " " + s
		}
		return s
	}
	return placeQualifier(q.Written, scaleWordOf(q.Unit), q.Base(), q.Qualifier)
}
