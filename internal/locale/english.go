package locale

import (
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// englishQualifiers say a Chinese qualifier in English, before the number
// or after the unit.
var englishQualifiers = map[string]struct{ before, after string }{
	"余": {before: "more than "}, "多": {before: "more than "}, "超过": {before: "more than "},
	"近": {before: "nearly "}, "约": {before: "about "}, "至少": {before: "at least "},
	"以上": {after: " or more"}, "以下": {after: " or less"},
}

// englishFigure shows a quantity from its value in the base unit, however
// it was written: 9899 万人 is 98.99 million people, 12.8 万个 is 128,000,
// 1.2588 万元 is 12,588 yuan.
func englishFigure(q num.Quantity) string {
	digits, scaleWord := englishScaled(q.Value)
	if q.Shown.English && q.Shown.Base != "" {
		digits, scaleWord = q.Value.Shift(-q.Shown.Scale), strings.TrimSpace(englishScaleWord(q.Shown.Scale))
	}
	var b strings.Builder
	qual := englishQualifiers[q.Qualifier]
	b.WriteString(qual.before)
	b.WriteString(thousands(digits))
	if q.Base() == "%" {
		b.WriteString("%")
	} else {
		if scaleWord != "" {
			b.WriteString(" " + scaleWord)
		}
		noun := q.UnitEn
		if noun == "" {
			one := scaleWord == "" && digits.Cmp(num.Dec{Coef: 1}) == 0 && qual.before == ""
			noun = num.EnglishNoun(q.Base(), !one)
		}
		if noun != "" {
			b.WriteString(" " + noun)
		}
	}
	b.WriteString(qual.after)
	return b.String()
}

// englishScaled says a value in billions or millions when the digits stay
// exact and short (98.99 million, 9.6 million); otherwise in full (128,000,
// 1,234,567).
func englishScaled(v num.Dec) (num.Dec, string) {
	for _, s := range []struct {
		exp  int
		word string
	}{{9, "billion"}, {6, "million"}} {
		if atLeast(v, s.exp) {
			if d := v.Shift(-s.exp); d.Exp >= -3 {
				return d, s.word
			}
		}
	}
	return v, ""
}

func englishScaleWord(exp int) string {
	switch exp {
	case 3:
		return "thousand"
	case 6:
		return "million"
	case 9:
		return "billion"
	}
	return ""
}

// thousands writes d with a comma between thousands: 12,588; 98.99.
func thousands(d num.Dec) string {
	s := d.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if len(whole) > 3 {
		var b strings.Builder
		head := len(whole) % 3
		if head > 0 {
			b.WriteString(whole[:head])
		}
		for i := head; i < len(whole); i += 3 {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(whole[i : i+3])
		}
		whole = b.String()
	}
	if hasFrac {
		return sign + whole + "." + frac
	}
	return sign + whole
}
