package num

import "slices"

// Qualifiers say a figure is not exact, as the source writes it. Where one
// stands follows Chinese usage (internal/locale places it): before the
// number (近1亿元 is 近亿元), between number and unit (2000余人次), or
// after the unit (15万元以上).
var (
	QualifiersBefore  = []string{"近", "约", "至少", "超过"}
	QualifiersBetween = []string{"余", "多"}
	QualifiersAfter   = []string{"以上", "以下"}
)

// Qualifiers lists every accepted qualifier, for messages and schemas.
func Qualifiers() []string {
	return slices.Concat(QualifiersBefore, QualifiersBetween, QualifiersAfter)
}

// ValidQualifier reports whether q is empty or an accepted qualifier.
func ValidQualifier(q string) bool { return q == "" || slices.Contains(Qualifiers(), q) }
