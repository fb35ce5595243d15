package diag

import (
	"slices"
	"strings"
)

// Nearest returns the candidate closest to word by edit distance, or ""
// when none is close enough to be a likely typo.
func Nearest(word string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := distance([]rune(word), []rune(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := max(2, len([]rune(word))/5)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// distance is the Levenshtein distance; inputs are short keys and slugs.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Closest returns up to n candidates nearest to word, nearest first, however
// far they are: a candidate holding word, or held in it, before any other
// (income → income-2013), then by edit distance; candidates equally near
// keep their order.
func Closest(word string, candidates []string, n int) []string {
	type scored struct {
		name  string
		apart bool // neither holds the other
		dist  int
	}
	all := make([]scored, len(candidates))
	for i, c := range candidates {
		apart := word == "" || !strings.Contains(c, word) && !strings.Contains(word, c)
		all[i] = scored{c, apart, distance([]rune(word), []rune(c))}
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if a.apart != b.apart {
			if a.apart {
				return 1
			}
			return -1
		}
		return a.dist - b.dist
	})
	out := make([]string, 0, min(n, len(all)))
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.name)
	}
	return out
}
