package validate

// BreakdownKinds lists the kinds a breakdown may have, sorted.
func BreakdownKinds() []string { return sortedKeys(validKinds) }
