package load

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/num"
	"go.yaml.in/yaml/v3"
)

// Number is a figure as written in the file: an exact decimal.
type Number struct {
	num.Dec
	Set bool // written in the file (so that 0 is not "missing")
}

// DecodeScalar accepts YAML numbers only: "12", "2.44". Text is refused.
func (n *Number) DecodeScalar(node *yaml.Node) (problem, hint diag.Text) {
	digitsOnly := diag.T("write digits only, without quotes, commas or units: 46万元 is value: 46 with unit: 万元")
	if node.Tag != "!!int" && node.Tag != "!!float" {
		return diag.T("want a number, got %s", strconv.Quote(node.Value)), digitsOnly
	}
	d, err := num.ParseDec(node.Value)
	if err != nil {
		return diag.T("want a plain number like 12 or 2.44, got %s", strconv.Quote(node.Value)), digitsOnly
	}
	n.Dec, n.Set = d, true
	return diag.Text{}, diag.Text{}
}

// Date is a calendar date that may be partial: 2020, 2020-08 or 2020-08-05.
type Date struct {
	Year, Month, Day int
}

// DecodeScalar reads YYYY, YYYY-MM or YYYY-MM-DD and rejects dates that do not exist.
func (d *Date) DecodeScalar(node *yaml.Node) (problem, hint diag.Text) {
	parsed, ok := ParseDate(node.Value)
	if !ok {
		var y, m, day int
		if n, _ := fmt.Sscanf(node.Value, "%4d-%2d", &y, &m); n == 2 && (m < 1 || m > 12) && (len(node.Value) == 7 || len(node.Value) == 10) {
			return diag.T("%s does not exist: there is no month %d", node.Value, m), diag.T("a month is 01 to 12; check the date against the source")
		}
		if n, _ := fmt.Sscanf(node.Value, "%4d-%2d-%2d", &y, &m, &day); n == 3 && len(node.Value) == 10 && m >= 1 && m <= 12 {
			days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			return diag.T("%s does not exist: %d/%d has only %d days", node.Value, y, m, days), diag.T("check the date against the source")
		}
		return diag.T("want a date like 2020-08-05 (or 2020-08, 2020), got %s", strconv.Quote(node.Value)), diag.T("write year-month-day with dashes, e.g. 2020-08-05")
	}
	*d = parsed
	return diag.Text{}, diag.Text{}
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD; ok is false for impossible dates.
func ParseDate(s string) (Date, bool) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, false
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return Date{}, false
		}
		v[i] = n
	}
	d := Date{Year: v[0], Month: v[1], Day: v[2]}
	if d.Year < 1900 || d.Year > 2200 || len(parts) > 1 && (d.Month < 1 || d.Month > 12) {
		return Date{}, false
	}
	if len(parts) == 3 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.Day {
			return Date{}, false
		}
	}
	return d, true
}

// IsZero reports whether no date was written.
func (d Date) IsZero() bool { return d.Year == 0 }

// Before reports whether d starts before e (partial dates compare by what they have).
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// Compare orders dates: -1, 0 or 1 (2020 before 2020-01 before 2020-01-01).
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.Year, e.Year), cmp.Compare(d.Month, e.Month), cmp.Compare(d.Day, e.Day))
}

// ISO formats the date as written: 2020, 2020-08 or 2020-08-05. Every
// list of stories prints the date of each: strconv, not fmt.
func (d Date) ISO() string {
	if d.Year == 0 {
		return ""
	}
	b := appendPadded(make([]byte, 0, 10), d.Year, 4)
	if d.Month != 0 {
		b = appendPadded(append(b, '-'), d.Month, 2)
		if d.Day != 0 {
			b = appendPadded(append(b, '-'), d.Day, 2)
		}
	}
	return string(b)
}

// appendPadded appends n with zeros before it to width digits, as %0*d.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		return fmt.Appendf(b, "%0*d", width, n)
	}
	for w := 10; width > 1; width, w = width-1, w*10 {
		if n < w {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// English formats the date as 5 August 2020 (or August 2020, 2020).
func (d Date) English() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return time.Month(d.Month).String() + " " + strconv.Itoa(d.Year)
	}
	return strconv.Itoa(d.Day) + " " + time.Month(d.Month).String() + " " + strconv.Itoa(d.Year)
}

// Chinese formats the date as 2020年8月5日 (or 2020年8月, 2020年).
func (d Date) Chinese() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year) + "年"
	case d.Day == 0:
		return strconv.Itoa(d.Year) + "年" + strconv.Itoa(d.Month) + "月"
	}
	return strconv.Itoa(d.Year) + "年" + strconv.Itoa(d.Month) + "月" + strconv.Itoa(d.Day) + "日"
}
