// Package num holds exact decimal figures and shows them the Chinese way
// (1.2万, 46万元, 近亿元), so that the digits printed are always the digits
// an editor typed, never a float's approximation.
package num

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// Dec is the exact decimal Coef × 10^Exp.
type Dec struct {
	Coef int64
	Exp  int
}

// ParseDec reads a plain decimal such as "12", "2.44" or "-3.5".
// Exponents, thousands separators and anything else are rejected.
func ParseDec(s string) (Dec, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Dec{}, fmt.Errorf("empty number")
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && frac == "" {
		return Dec{}, fmt.Errorf("%q is not a number", s)
	}
	digits := intPart + frac
	digits = strings.TrimPrefix(strings.TrimPrefix(digits, "+"), "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return Dec{}, fmt.Errorf("%q is not a number", s)
	}
	coef, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil {
		return Dec{}, fmt.Errorf("%q has too many digits", s)
	}
	return Dec{Coef: coef, Exp: -len(frac)}.normal(), nil
}

// normal strips trailing zeros from Coef so equal values compare equal.
func (d Dec) normal() Dec {
	if d.Coef == 0 {
		return Dec{}
	}
	for d.Coef%10 == 0 {
		d.Coef /= 10
		d.Exp++
	}
	return d
}

// Shift multiplies by 10^n exactly.
func (d Dec) Shift(n int) Dec { return Dec{Coef: d.Coef, Exp: d.Exp + n}.normal() }

// Float is the value as a float64, for drawing charts only: compare with
// Cmp and add with SumCmp, which are exact. It is the float nearest to the
// digits written, so that JSON prints those digits (10.2, never
// 10.200000000000001 as Coef × 10^Exp would give).
func (d Dec) Float() float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// Sign is -1, 0 or 1.
func (d Dec) Sign() int {
	switch {
	case d.Coef < 0:
		return -1
	case d.Coef > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d is 0.
func (d Dec) IsZero() bool { return d.Coef == 0 }

// Cmp compares d and e exactly: -1, 0 or 1.
func (d Dec) Cmp(e Dec) int {
	if a, b, ok := aligned(d, e); ok {
		return cmp.Compare(a, b)
	}
	return SumCmp([]Dec{d}, e)
}

// String prints the plain decimal digits, without exponent.
func (d Dec) String() string {
	d = d.normal()
	neg := d.Coef < 0
	digits := strconv.FormatInt(d.Coef, 10)
	if neg {
		digits = digits[1:]
	}
	switch {
	case d.Exp >= 0:
		digits += strings.Repeat("0", d.Exp)
	case -d.Exp >= len(digits):
		digits = "0." + strings.Repeat("0", -d.Exp-len(digits)) + digits
	default:
		cut := len(digits) + d.Exp
		digits = digits[:cut] + "." + digits[cut:]
	}
	if neg {
		return "-" + digits
	}
	return digits
}

// IsInteger reports whether d has no fractional part.
func (d Dec) IsInteger() bool { return d.normal().Exp >= 0 }
