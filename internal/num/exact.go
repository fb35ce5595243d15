package num

import (
	"math"
	"math/big"
)

// SumCmp compares the exact sum of values with total: -1, 0 or 1. Parts of
// a total (0.1 + 1.2 of 1.3) are added as the decimals written, never as
// floats, whatever their number of digits.
func SumCmp(values []Dec, total Dec) int {
	exp := total.Exp
	for _, v := range values {
		exp = min(exp, v.Exp)
	}
	sum := new(big.Int)
	for _, v := range values {
		sum.Add(sum, scaledInt(v, exp))
	}
	return sum.Cmp(scaledInt(total, exp))
}

// ProgressOf is how many whole percent of the way from start to goal now
// has come, rounded down and kept within 0–100: a progress bar, for a
// number brought up (0 → 252) or down (9899 → 0) alike. Rounded down, it
// is 100 only once the goal is reached. It is 0 when start is the goal.
func ProgressOf(start, goal, now Dec) int {
	exp := min(start.Exp, goal.Exp, now.Exp)
	from := scaledInt(start, exp)
	span := new(big.Int).Sub(scaledInt(goal, exp), from)
	done := new(big.Int).Sub(scaledInt(now, exp), from)
	if span.Sign() < 0 { // brought down: count the way from the other side
		span.Neg(span)
		done.Neg(done)
	}
	if span.Sign() == 0 || done.Sign() <= 0 {
		return 0
	}
	done.Mul(done, big.NewInt(100))
	done.Quo(done, span)
	if done.Cmp(big.NewInt(100)) > 0 {
		return 100
	}
	return int(done.Int64())
}

// Int64 is d as a whole number; ok is false when d has a fraction or does
// not fit.
func (d Dec) Int64() (n int64, ok bool) {
	d = d.normal()
	if d.Exp < 0 {
		return 0, false
	}
	v := scaledInt(d, 0)
	return v.Int64(), v.IsInt64()
}

// scaledInt is d's coefficient counted in units of 10^exp (exp <= d.Exp).
func scaledInt(d Dec, exp int) *big.Int {
	v := big.NewInt(d.Coef)
	if shift := d.Exp - exp; shift > 0 {
		v.Mul(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(shift)), nil))
	}
	return v
}

// aligned returns the coefficients of d and e counted in the same power of
// ten, when both fit in an int64 (ok false otherwise): comparisons of
// everyday figures need no big numbers.
func aligned(d, e Dec) (a, b int64, ok bool) {
	exp := min(d.Exp, e.Exp)
	a, okA := shifted(d.Coef, d.Exp-exp)
	b, okB := shifted(e.Coef, e.Exp-exp)
	return a, b, okA && okB
}

// shifted is coef × 10^n when it fits in an int64.
func shifted(coef int64, n int) (int64, bool) {
	if coef == 0 {
		return 0, true
	}
	for ; n > 0; n-- {
		if coef > math.MaxInt64/10 || coef < math.MinInt64/10 {
			return 0, false
		}
		coef *= 10
	}
	return coef, true
}
