package load

import (
	"fmt"
	"testing"
	"time"
)

// The dates print as fmt printed them before strconv did: every partial
// form, one- and two-digit months and days, and years out of the range a
// file may hold.
func TestDatesPrintAsFmtWould(t *testing.T) {
	for _, year := range []int{0, 5, 999, 1900, 2020, 2200, 12345, -3} {
		for _, month := range []int{0, 1, 9, 10, 12} {
			for _, day := range []int{0, 1, 9, 10, 31} {
				d := Date{Year: year, Month: month, Day: day}
				iso, english, chinese := "", "", ""
				switch {
				case year == 0:
				case month == 0:
					iso, english, chinese = fmt.Sprintf("%04d", year), fmt.Sprintf("%d", year), fmt.Sprintf("%d年", year)
				case day == 0:
					iso, english, chinese = fmt.Sprintf("%04d-%02d", year, month), fmt.Sprintf("%s %d", time.Month(month), year), fmt.Sprintf("%d年%d月", year, month)
				default:
					iso, english, chinese = fmt.Sprintf("%04d-%02d-%02d", year, month, day), fmt.Sprintf("%d %s %d", day, time.Month(month), year), fmt.Sprintf("%d年%d月%d日", year, month, day)
				}
				if d.ISO() != iso || d.English() != english || d.Chinese() != chinese {
					t.Errorf("%+v prints %q, %q, %q; want %q, %q, %q", d, d.ISO(), d.English(), d.Chinese(), iso, english, chinese)
				}
			}
		}
	}
}
