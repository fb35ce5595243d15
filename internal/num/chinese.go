package num

import "strings"

// Qualifier placement follows Chinese usage: 近 and 约 come before the number,
// 余 and 多 between number and unit, 以上 and 以下 after the unit.
var (
	prefixQualifiers = []string{"近", "约", "至少", "超过"}
	infixQualifiers  = []string{"余", "多"}
	suffixQualifiers = []string{"以上", "以下"}
)

// Qualifiers lists every accepted qualifier, for messages and schemas.
func Qualifiers() []string {
	var out []string
	out = append(out, prefixQualifiers...)
	out = append(out, infixQualifiers...)
	return append(out, suffixQualifiers...)
}

// ValidQualifier reports whether q is empty or an accepted qualifier.
func ValidQualifier(q string) bool {
	if q == "" {
		return true
	}
	for _, v := range Qualifiers() {
		if v == q {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Format shows value (counted in base unit) the Chinese way: values from
// 1万 are scaled to 万 or 亿, and the qualifier goes where a Chinese writer
// would put it: 2000余人次, 50余万元, 1万余元, 近亿元, 15万元以上.
func Format(value Dec, base, qualifier string) string {
	mantissa, scaleWord := scaled(value)
	var b strings.Builder
	prefix := contains(prefixQualifiers, qualifier)
	if prefix {
		b.WriteString(qualifier)
	}
	digits := mantissa.String()
	// 近亿元, 近万人: a round 1 after 近 is not written.
	if !(prefix && scaleWord != "" && digits == "1" && qualifier == "近") {
		b.WriteString(digits)
	}
	infix := contains(infixQualifiers, qualifier)
	// 50余万元 but 1万余元: 余 follows a round tens figure, else the scale word.
	if infix && scaleWord != "" && mantissa.Exp > 0 {
		b.WriteString(qualifier)
		infix = false
	}
	b.WriteString(scaleWord)
	if infix {
		b.WriteString(qualifier)
	}
	b.WriteString(base)
	if contains(suffixQualifiers, qualifier) {
		b.WriteString(qualifier)
	}
	return b.String()
}

// scaled picks 亿 from 1亿 and 万 from 1万 (7300万, not 0.73亿).
func scaled(v Dec) (Dec, string) {
	switch {
	case atLeast(v, 8):
		return v.Shift(-8), "亿"
	case atLeast(v, 4):
		return v.Shift(-4), "万"
	}
	return v, ""
}

// atLeast reports whether |v| >= 10^exp, exactly.
func atLeast(v Dec, exp int) bool {
	return v.Cmp(Dec{Coef: 1, Exp: exp}) >= 0 || v.Cmp(Dec{Coef: -1, Exp: exp}) <= 0
}

// AxisScale picks one scale for a set of values drawn on one axis (so a
// chart of 7300万 and 1.2亿 reads in 万): the largest scale every
// non-zero value reaches. It returns the power of ten and its word.
func AxisScale(values []Dec) (int, string) {
	scale, word := 8, "亿"
	for _, v := range values {
		if v.IsZero() {
			continue
		}
		if !atLeast(v, 8) && scale == 8 {
			scale, word = 4, "万"
		}
		if !atLeast(v, 4) {
			return 0, ""
		}
	}
	if len(values) == 0 {
		return 0, ""
	}
	return scale, word
}
