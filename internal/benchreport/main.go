// Command benchreport prints the median of each benchmark's repeated runs
// from `go test -bench -count N` output, so make bench reports a number
// that one noisy run on a shared machine cannot skew.
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: benchreport bench.out")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	// samples[benchmark][unit] = values
	samples := map[string]map[string][]float64{}
	var order []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		name := fields[0]
		if samples[name] == nil {
			samples[name] = map[string][]float64{}
			order = append(order, name)
		}
		for i := 2; i+1 < len(fields); i += 2 {
			if v, err := strconv.ParseFloat(fields[i], 64); err == nil {
				samples[name][fields[i+1]] = append(samples[name][fields[i+1]], v)
			}
		}
	}
	for _, name := range order {
		var parts []string
		for _, unit := range []string{"ns/op", "µs/story", "ms/edit", "ms-startup", "MB-peak-RSS", "ms/chart", "gzip-bytes/story-page", "B/op", "allocs/op"} {
			vals := samples[name][unit]
			if len(vals) == 0 {
				continue
			}
			slices.Sort(vals)
			med := vals[len(vals)/2]
			if unit == "ns/op" {
				parts = append(parts, fmt.Sprintf("%.1f ms/op", med/1e6))
			} else if unit == "ms/edit" {
				parts = append(parts, fmt.Sprintf("%.1f ms from save to served page", med))
			} else if unit == "ms-startup" || unit == "MB-peak-RSS" {
				parts = append(parts, fmt.Sprintf("%.0f %s", med, strings.ReplaceAll(unit, "-", " ")))
			} else {
				parts = append(parts, fmt.Sprintf("%.0f %s", med, unit))
			}
		}
		fmt.Printf("median of %d runs  %-32s %s\n", len(samples[name]["ns/op"]), name, strings.Join(parts, "  "))
	}
}
