// Package chart turns resolved figures into an ECharts option (built with
// go-echarts' typed structs, marshalled HTML-safe by us) and into the data
// table and one-line summary that make the chart readable without
// JavaScript and by a screen reader.
package chart

import (
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// Types are the chart types a spec may name.
var Types = []string{"bar", "hbar", "pie", "donut", "stacked", "line", "gauge"}

// Item is one figure drawn in a chart. It holds the figure as data; Build
// shows it in the site's language.
type Item struct {
	Label string // category or slice name; a series point's is its date
	num.Quantity
	When   load.Date // the date of a series point
	AsOf   load.Date
	Source *load.Source

	// What Build shows, in the site's language (see shown).
	display, asOf, source string
}

// Row is one bar of a stacked chart: one item per segment.
type Row struct {
	Label string
	Items []Item
}

// Line is one series of a line chart; items are its dated points.
type Line struct {
	Label string
	Items []Item
}

// Gauge is a target with what has been reached.
type Gauge struct {
	Label  string
	Goal   Item
	Actual Item
	// Start is where the number started (the target's from:); nil when the
	// way starts from 0.
	Start *Item
	// Down is set for a number brought down to the goal.
	Down bool
	// Progress is the share of the way covered, 0–100, and Reached whether
	// the goal is met, as the target says (validate.Target).
	Progress int
	Reached  bool
}

// Spec is a chart with every figure resolved; exactly one of Items, Rows,
// Lines and Gauge is used, by Type.
type Spec struct {
	ID       string // the figure's element id, from its page and id or position (site.chartID)
	Type     string
	Title    string
	Summary  string // written by the editor; generated when empty
	Base     string // base unit shared by every value
	Items    []Item
	Segments []string
	Rows     []Row
	Lines    []Line
	Gauge    *Gauge

	loc *locale.Locale // set on the copy Build draws (see shown)
}
