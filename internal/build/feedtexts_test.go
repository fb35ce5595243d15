package build

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// The stories whose texts a streamed build keeps, whatever order they come
// in, are exactly those some feed shows: the newest render.FeedEntries of
// all stories and of each activity's.
func TestFeedTextsKeepWhatTheFeedsShow(t *testing.T) {
	activities := []*site.Activity{{Slug: "a"}, {Slug: "b"}, {Slug: "c"}, nil}
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 1))
		n := 1 + rng.IntN(4*render.FeedEntries)
		stories := make([]*site.Story, n)
		for i := range stories {
			// few dates, so that many stories share one and their slugs order them
			stories[i] = &site.Story{Slug: fmt.Sprintf("s%03d", rng.IntN(1000)*1000+i), Date: load.Date{Year: 2020, Month: 1 + rng.IntN(3), Day: 1 + rng.IntN(3)}, Activity: activities[rng.IntN(len(activities))]}
		}
		f := feedTexts{feeds: map[*site.Activity][]fedStory{}, held: map[*site.Story]int{}}
		kept := map[int]bool{}
		for _, i := range rng.Perm(n) {
			kept[i] = true
			for _, j := range f.add(stories[i], i) {
				if !kept[j] {
					t.Fatalf("seed %d: story %d let go twice, or before it came", seed, j)
				}
				delete(kept, j)
			}
		}
		want := map[int]bool{}
		for _, a := range activities {
			var of []int
			for i, s := range stories {
				if a == nil || s.Activity == a {
					of = append(of, i)
				}
			}
			slices.SortFunc(of, func(x, y int) int { return site.NewestFirst(stories[x], stories[y]) })
			for _, i := range of[:min(render.FeedEntries, len(of))] {
				want[i] = true
			}
		}
		if len(kept) != len(want) {
			t.Errorf("seed %d: %d stories, %d texts kept, want %d", seed, n, len(kept), len(want))
		}
		for i := range want {
			if !kept[i] {
				t.Errorf("seed %d: story %d let go, but a feed shows it", seed, i)
			}
		}
		if f.pages != n {
			t.Errorf("seed %d: %d pages counted, want %d", seed, f.pages, n)
		}
	}
}
