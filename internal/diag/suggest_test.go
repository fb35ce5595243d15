package diag

import (
	"slices"
	"testing"
)

func TestNearestOnlyWhenClose(t *testing.T) {
	names := []string{"people", "visits", "funds"}
	if got := Nearest("vists", names); got != "visits" {
		t.Errorf("Nearest(vists) = %q, want visits", got)
	}
	if got := Nearest("cadres-taking-part", names); got != "" {
		t.Errorf("Nearest(cadres-taking-part) = %q, want none", got)
	}
}

func TestClosestPrefersNamesHoldingTheWord(t *testing.T) {
	names := []string{"teams", "relocated", "income-2013", "income-2020"}
	if got, want := Closest("income", names, 2), []string{"income-2013", "income-2020"}; !slices.Equal(got, want) {
		t.Errorf("Closest(income) = %q, want %q", got, want)
	}
	if got, want := Closest("pepper.jpg", []string{"ducks.jpg", "mayouying-pepper.jpg"}, 1), []string{"mayouying-pepper.jpg"}; !slices.Equal(got, want) {
		t.Errorf("Closest(pepper.jpg) = %q, want %q", got, want)
	}
	if got := Closest("x", names, 10); len(got) != len(names) {
		t.Errorf("Closest with n past the names gave %q", got)
	}
}
