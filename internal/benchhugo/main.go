// Command benchhugo times jinzhan against Hugo and the goldmark floor on the
// same realistic stories (make bench-hugo).
//
// Each story is about 1.5 KB of Chinese: four paragraphs, a two-row table,
// a figure reference, one township and one activity of the example site.
// jinzhan builds the whole example around them (activities, townships,
// charts, open data, feeds); Hugo builds the same stories with minimal
// layouts (a page each, paginated lists, its RSS and sitemap), with the
// figures written out; the floor is goldmark alone parsing, rendering and
// writing each story's Markdown on every core. Sites live on tmpfs. The
// three run alternately, -runs times each; the best and the median wall
// time, CPU time (user+sys) and peak RSS of each are printed with the
// ratios. Hugo comes from PATH (Debian: apt-get install hugo).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/benchsite"
)

func main() {
	stories := flag.Int("stories", 10000, "stories to generate")
	runs := flag.Int("runs", 3, "builds per tool (alternating)")
	jinzhan := flag.String("jinzhan", "bin/jinzhan", "jinzhan binary")
	example := flag.String("example", ".", "the example site to add stories to")
	floor := flag.Bool("floor", false, "internal: run the goldmark floor on -floor-src into -floor-dst")
	floorSrc := flag.String("floor-src", "", "internal: folder of Markdown stories")
	floorDst := flag.String("floor-dst", "", "internal: folder to write HTML into")
	flag.Parse()
	if *floor {
		check(goldmarkFloor(*floorSrc, *floorDst))
		return
	}

	root := "/dev/shm"
	if _, err := os.Stat(root); err != nil {
		root = os.TempDir()
	}
	dir, err := os.MkdirTemp(root, "jinzhan-vs-hugo-")
	check(err)
	defer os.RemoveAll(dir)
	sites, err := benchsite.Write(dir, *example, *stories)
	check(err)

	self, err := os.Executable()
	check(err)
	*jinzhan, err = filepath.Abs(*jinzhan)
	check(err)
	tools := []tool{
		{name: "jinzhan", argv: []string{*jinzhan, "build", "--search=false", "--source", sites.Jinzhan, "--destination", filepath.Join(dir, "out-jinzhan")}},
		{name: "goldmark floor", argv: []string{self, "-floor", "-floor-src", sites.Floor, "-floor-dst", filepath.Join(dir, "out-floor")}},
	}
	if hugo, err := exec.LookPath("hugo"); err == nil {
		tools = append(tools, tool{name: "hugo", argv: []string{hugo, "--quiet", "--source", sites.Hugo, "--destination", filepath.Join(dir, "out-hugo")}})
	} else {
		fmt.Println("benchhugo: no hugo on PATH (Debian: apt-get install hugo); jinzhan and the floor only")
	}
	// A build that is not counted first: every counted run then builds over
	// the output of the one before, as an editor's next build does (jinzhan
	// replaces the old site, Hugo writes over it), from sources in the page
	// cache for all alike.
	for i := range tools {
		tools[i].run(dir)
		tools[i].runs = nil
	}
	for range *runs {
		for i := range tools {
			tools[i].run(dir)
		}
	}
	report(tools, *stories, *runs)
}

// measure is one run of a tool, as the kernel accounted it.
type measure struct {
	wall, cpu time.Duration
	peakRSS   int64 // bytes
}

type tool struct {
	name string
	argv []string
	runs []measure
}

func (t *tool) run(dir string) {
	cmd := exec.Command(t.argv[0], t.argv[1:]...)
	cmd.Dir = dir
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n%s", t.name, err, out)
		os.Exit(1)
	}
	t.runs = append(t.runs, measure{
		wall:    wall,
		cpu:     cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(),
		peakRSS: peakRSS(cmd.ProcessState),
	})
}

// best is the fastest run; median the middle one by wall time.
func (t *tool) best() measure {
	return slices.MinFunc(t.runs, func(a, b measure) int { return int(a.wall - b.wall) })
}

func (t *tool) median() measure {
	sorted := slices.Clone(t.runs)
	slices.SortFunc(sorted, func(a, b measure) int { return int(a.wall - b.wall) })
	return sorted[len(sorted)/2]
}

func report(tools []tool, stories, runs int) {
	fmt.Printf("%d stories, %d alternating runs each, output on tmpfs\n", stories, runs)
	fmt.Printf("%-15s %10s %10s %10s %10s\n", "", "best wall", "median", "CPU", "peak RSS")
	byName := map[string]measure{}
	for i := range tools {
		b, m := tools[i].best(), tools[i].median()
		byName[tools[i].name] = b
		fmt.Printf("%-15s %10s %10s %10s %8d MB\n", tools[i].name, ms(b.wall), ms(m.wall), ms(b.cpu), b.peakRSS>>20)
	}
	jz, floor := byName["jinzhan"], byName["goldmark floor"]
	fmt.Printf("jinzhan / goldmark floor: %.2f× wall, %.2f× CPU\n", ratio(jz.wall, floor.wall), ratio(jz.cpu, floor.cpu))
	if hugo, ok := byName["hugo"]; ok {
		fmt.Printf("jinzhan / hugo: %.2f× wall, %.2f× CPU, %.2f× peak RSS\n",
			ratio(jz.wall, hugo.wall), ratio(jz.cpu, hugo.cpu), float64(jz.peakRSS)/float64(hugo.peakRSS))
	}
}

func ms(d time.Duration) string { return d.Round(time.Millisecond).String() }

func ratio(a, b time.Duration) float64 { return a.Seconds() / b.Seconds() }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchhugo:", err)
		os.Exit(1)
	}
}
