package chart

import (
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// Chart is a chart ready for a page.
type Chart struct {
	// ID is the figure's element id; the chart partial names the chart's
	// parts ID--title, ID--summary and ID--option (no ID holds "--").
	ID      string
	Type    string
	Title   string
	Summary string
	// Option is the ECharts option as JSON, safe inside <script type="application/json">.
	Option template.JS
	Table  Table
	// Sources and AsOf name where the numbers come from and when (each distinct value once).
	Sources string
	AsOf    string
	// Cited are the sources of the figures drawn, in the order first drawn.
	Cited []*load.Source
	// Height in px that suits the number of bars on a phone.
	Height int
	// DataURL links to the chart's figures as a data file; set by whoever
	// places the chart ("" for none).
	DataURL string
	// HeadingLevel is the level of the title's heading; 0 stands for 3
	// (a chart in a page's charts section, under its h2).
	HeadingLevel int
	// Page is the URL of the page the chart is on, and ImageURL where the
	// chart is published as an SVG file (ImageFor); set by whoever places
	// the chart.
	Page, ImageURL string

	// Narrow and Wide are the chart drawn as SVG by ECharts at build
	// (internal/chartsvg), for phones and for wider screens; Image is the
	// wide drawing as a file of its own, published at ImageURL, which feeds
	// show and the open-data page lists. The build sets them once the
	// model is made.
	Narrow, Wide Drawing
	Image        []byte
}

// Drawing is a chart drawn as SVG at one size.
type Drawing struct {
	Width, Height int
	// SVG is an <svg> element of shapes and text only, its ids starting
	// with the chart's ID.
	SVG template.HTML
}

// The widths in px a chart is drawn at. A 360 px phone shows the narrow
// drawing 294 px wide (its 12 px text at 10.4 px); from 36em (576 px) on,
// the theme shows the wide one, 510 to 686 px wide in a page's charts
// section, 558 px at most in a text (12 px text at 10.2 px or more).
const (
	NarrowWidth = 340
	WideWidth   = 600
)

// ImageFor is where the chart with element id id is published as an SVG
// file: /charts/<id without its "chart-">.svg.
func ImageFor(id string) string {
	return "/charts/" + strings.TrimPrefix(id, "chart-") + ".svg"
}

// Table is the chart's data as an HTML table.
type Table struct {
	Head []string
	Rows []TableRow
	// NumCols is how many data cells of each row, from the first, hold figures.
	NumCols int
}

// TableRow is one row: a header cell and the data cells.
type TableRow struct {
	Header string
	Cells  []string
}

// Build turns a resolved spec into a chart, every figure, date and source
// shown in the locale's language. It fails only on a spec the validate
// stage should have refused.
func Build(s *Spec, w Words, loc *locale.Locale) (*Chart, error) {
	s = shown(s, w, loc)
	c := &Chart{ID: s.ID, Type: s.Type, Title: s.Title, Summary: s.Summary, Height: 320}
	var option map[string]any
	switch s.Type {
	case "bar", "hbar":
		c.Table = itemTable(s.Items, w)
		if len(s.Lines) > 0 { // a series: one bar per point, labelled by its date
			s.Items = s.Lines[0].Items
			c.Table = lineTable(s, w)
		}
		option = barOption(s, w)
		if s.Type == "hbar" {
			c.Height = max(220, 70+48*len(s.Items))
		}
	case "pie", "donut":
		option = pieOption(s)
		c.Table = itemTable(s.Items, w)
		c.Height = 360
	case "stacked":
		option = stackedOption(s)
		c.Table = stackedTable(s, w)
		c.Height = max(200, 110+56*len(s.Rows))
	case "line":
		option = lineOption(s)
		c.Table = lineTable(s, w)
	case "gauge":
		option = gaugeOption(s)
		c.Table = gaugeTable(s.Gauge, w)
		c.Height = 280
	default:
		return nil, fmt.Errorf("unknown chart type %q", s.Type)
	}
	if c.Summary == "" {
		c.Summary = summarize(s, w)
	}
	c.Sources, c.AsOf, c.Cited = provenance(s, w)
	// Tooltips render as canvas text, never as HTML, so that no label from
	// the data can become markup. Screen readers get the chart from the page
	// (the figure is named by its title and described by its summary, the
	// table holds the data) and the canvas is hidden from them, so ECharts
	// writes no aria-label; aria is on for the decal patterns.
	option["tooltip"] = map[string]any{"renderMode": "richText", "confine": true}
	option["aria"] = map[string]any{"enabled": true, "label": map[string]any{"enabled": false}, "decal": map[string]any{"show": true}}
	option["animation"] = false
	delete(option, "toolbox")
	option[ScriptKey] = map[string]any{"numbers": numberStyle(loc)}
	js, err := json.Marshal(option) // escapes <, >, &, U+2028 and U+2029
	if err != nil {
		return nil, err
	}
	c.Option = template.JS(js)
	return c, nil
}

// ScriptKey names the part of an option that is for our chart script
// (charts.js), not for ECharts: the script reads it and removes it before
// drawing. It holds data only — the option never carries code.
const ScriptKey = "jinzhan"

// numberStyle names how the script writes numbers on value axes, gauges,
// point labels and tooltips: "zh" plainly (10000), "en" with thousands
// separators (10,000). ECharts' own style is the English one.
func numberStyle(loc *locale.Locale) string {
	if loc.English() {
		return "en"
	}
	return "zh"
}

// axis scales the values of a chart to one axis unit (万元, 亿元 …).
type axis struct {
	scale int
	name  string
}

func newAxis(loc *locale.Locale, base string, values []num.Dec) axis {
	scale, name := loc.AxisScale(values, base)
	return axis{scale: scale, name: name}
}

func (a axis) value(d num.Dec) float64 { return d.Shift(-a.scale).Float() }

func itemValues(items []Item) []num.Dec {
	out := make([]num.Dec, len(items))
	for i, it := range items {
		out[i] = it.Value
	}
	return out
}

// nameGap lifts a vertical value axis' name (万人, million people) clear
// of the label above the highest point or bar: ECharts' 15 px put a first
// point's label over the name on a 390 px phone.
const nameGap = 28

// palette suits the theme (deep red first) and stays apart in greyscale;
// ECharts also draws decal patterns (aria.decal) so colour is never alone.
var palette = opts.Colors{"#b3261e", "#3d5a80", "#c98b2b", "#5b8c5a", "#7d5ba6", "#595959", "#d4766f", "#8fa9c7"}

func hidden() opts.Title { return opts.Title{Show: opts.Bool(false)} }

func titled(s *Spec) opts.Title {
	t := hidden()
	t.Title = s.Title
	return t
}

func barOption(s *Spec, w Words) map[string]any {
	ax := newAxis(s.loc, s.Base, itemValues(s.Items))
	bar := charts.NewBar()
	horizontal := s.Type == "hbar"
	position := "top"
	if horizontal {
		position = "right"
	}
	data := make([]opts.BarData, len(s.Items))
	labels := make([]string, len(s.Items))
	for i, it := range s.Items {
		labels[i] = it.Label
		data[i] = opts.BarData{Name: it.Label, Value: ax.value(it.Value), Label: &opts.Label{Show: opts.Bool(true), Position: position, Formatter: it.display}}
	}
	if horizontal {
		// Largest at the top reads naturally; ECharts draws categories bottom-up.
		slices.Reverse(labels)
		slices.Reverse(data)
	}
	bar.SetGlobalOptions(
		charts.WithTitleOpts(titled(s)),
		charts.WithColorsOpts(palette),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	valueAxis := opts.YAxis{Type: "value", Name: ax.name, NameGap: nameGap}
	if horizontal {
		bar.SetGlobalOptions(
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: ax.name, Show: opts.Bool(false)}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0", Width: 120, Overflow: "break"}}),
		)
		bar.SetXAxis(labels).XYReversal()
	} else {
		bar.SetGlobalOptions(
			charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0", Width: 80, Overflow: "break"}}),
			charts.WithYAxisOpts(valueAxis),
		)
		bar.SetXAxis(labels)
	}
	bar.AddSeries(w.Value, data, charts.WithBarChartOpts(opts.BarChart{BarWidth: "60%"}))
	bar.Validate()
	option := bar.JSON()
	// Room on the right for value labels such as 100余万元.
	option["grid"] = grid(8, 96, 36, 8)
	return option
}

func pieOption(s *Spec) map[string]any {
	pie := charts.NewPie()
	data := make([]opts.PieData, len(s.Items))
	for i, it := range s.Items {
		// Slice labels carry only the figure, inside the slice: names are in
		// the legend, and outside labels are cut to "…" on a 360 px phone.
		data[i] = opts.PieData{Name: it.Label, Value: it.Value.Float(), Label: insideLabel(it.display)}
	}
	radius := any("70%")
	if s.Type == "donut" {
		radius = []string{"36%", "72%"}
	}
	pie.SetGlobalOptions(
		charts.WithTitleOpts(titled(s)),
		charts.WithColorsOpts(palette),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0"}),
	)
	pie.AddSeries(s.Title, data, charts.WithPieChartOpts(opts.PieChart{Radius: radius, Center: []string{"50%", "45%"}}))
	pie.Validate()
	return pie.JSON()
}

func stackedOption(s *Spec) map[string]any {
	var all []num.Dec
	for _, r := range s.Rows {
		all = append(all, itemValues(r.Items)...)
	}
	ax := newAxis(s.loc, s.Base, all)
	bar := charts.NewBar()
	labels := make([]string, len(s.Rows))
	for i, r := range s.Rows {
		labels[len(s.Rows)-1-i] = r.Label
	}
	bar.SetGlobalOptions(
		charts.WithTitleOpts(titled(s)),
		charts.WithColorsOpts(palette),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: ax.name}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0", Width: 120, Overflow: "break"}}),
	)
	bar.SetXAxis(labels).XYReversal()
	for j, seg := range s.Segments {
		data := make([]opts.BarData, len(s.Rows))
		for i, r := range s.Rows {
			it := r.Items[j]
			data[len(s.Rows)-1-i] = opts.BarData{Name: r.Label, Value: ax.value(it.Value), Label: insideLabel(it.display)}
		}
		bar.AddSeries(seg, data, charts.WithBarChartOpts(opts.BarChart{Stack: "total", BarWidth: "60%"}))
	}
	bar.Validate()
	option := bar.JSON()
	option["grid"] = grid(8, 56, 48, 8)
	return option
}

// insideLabel writes a figure inside a bar: dark text on a white chip, so
// that it keeps its contrast (WCAG 1.4.3) on every colour of the palette and
// on the decal patterns (ECharts' default, light text outlined in the bar's
// colour, falls to 2.5:1 on the lighter colours).
func insideLabel(text string) *opts.Label {
	return &opts.Label{Show: opts.Bool(true), Position: "inside", Formatter: text, Color: "#1f1f1f", BackgroundColor: "#fff", BorderRadius: 2}
}

func lineOption(s *Spec) map[string]any {
	var all []num.Dec
	var dates []string
	for _, l := range s.Lines {
		all = append(all, itemValues(l.Items)...)
		for _, it := range l.Items {
			if !slices.Contains(dates, it.Label) {
				dates = append(dates, it.Label)
			}
		}
	}
	ax := newAxis(s.loc, s.Base, all)
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTitleOpts(titled(s)),
		charts.WithColorsOpts(palette),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(s.Lines) > 1), Top: "0"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: ax.name, NameGap: nameGap}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
	)
	line.SetXAxis(dates)
	for _, l := range s.Lines {
		data := make([]opts.LineData, len(dates))
		for i := range data {
			data[i] = opts.LineData{Value: "-"} // ECharts' "no value" mark
		}
		for _, it := range l.Items {
			data[slices.Index(dates, it.Label)] = opts.LineData{Name: it.Label, Value: ax.value(it.Value)}
		}
		line.AddSeries(l.Label, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	}
	line.Validate()
	option := line.JSON()
	// Room above the plot for the legend, then the axis name.
	option["grid"] = grid("2%", 36, 60, "4%")
	return option
}

// grid places the plot: its edges (px, or a share of the chart) are where
// the axis labels end, so that no label is cut, however long. It is
// ECharts 6's way (outerBounds the same as the grid, containing the axis
// labels); the containLabel of ECharts 5 needs a legacy part in the bundle.
func grid(left, right, top, bottom any) map[string]any {
	return map[string]any{"left": left, "right": right, "top": top, "bottom": bottom, "outerBoundsMode": "same", "outerBoundsContain": "axisLabel"}
}

func itemTable(items []Item, w Words) Table {
	t := Table{Head: []string{w.Item, w.Value, w.AsOf, w.Source}, NumCols: 1}
	for _, it := range items {
		t.Rows = append(t.Rows, TableRow{Header: it.Label, Cells: []string{it.display, it.asOf, it.source}})
	}
	return t
}

func stackedTable(s *Spec, w Words) Table {
	t := Table{Head: append([]string{w.Item}, s.Segments...), NumCols: len(s.Segments)}
	for _, r := range s.Rows {
		row := TableRow{Header: r.Label}
		for _, it := range r.Items {
			row.Cells = append(row.Cells, it.display)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func lineTable(s *Spec, w Words) Table {
	t := Table{Head: []string{w.Date}, NumCols: len(s.Lines)}
	var dates []string
	for _, l := range s.Lines {
		t.Head = append(t.Head, l.Label)
		for _, it := range l.Items {
			if !slices.Contains(dates, it.Label) {
				dates = append(dates, it.Label)
			}
		}
	}
	for _, d := range dates {
		row := TableRow{Header: d}
		for _, l := range s.Lines {
			cell := "—"
			for _, it := range l.Items {
				if it.Label == d {
					cell = it.display
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// provenance lists the distinct sources and as-of dates of a chart's items.
func provenance(s *Spec, w Words) (string, string, []*load.Source) {
	var sources, dates []string
	var cited []*load.Source
	add := func(it Item) {
		if it.source != "" && !slices.Contains(sources, it.source) {
			sources = append(sources, it.source)
			cited = append(cited, it.Source)
		}
		if it.asOf != "" && !slices.Contains(dates, it.asOf) {
			dates = append(dates, it.asOf)
		}
	}
	for _, it := range s.Items {
		add(it)
	}
	for _, r := range s.Rows {
		for _, it := range r.Items {
			add(it)
		}
	}
	for _, l := range s.Lines {
		for _, it := range l.Items {
			add(it)
		}
	}
	if s.Gauge != nil {
		add(s.Gauge.Actual)
	}
	if len(s.Lines) > 0 {
		dates = nil // a series is dated point by point in its table
	}
	return strings.Join(sources, w.ListSep), strings.Join(dates, w.ListSep), cited
}

// summarize writes the one-line summary shown beside the chart.
func summarize(s *Spec, w Words) string {
	parts := func(items []Item) string {
		out := make([]string, len(items))
		for i, it := range items {
			out[i] = locale.Fill(w.SummaryItem, "label", it.Label, "value", it.display)
		}
		return strings.Join(out, w.ListSep)
	}
	if len(s.Lines) > 0 { // a line chart, or bars drawn from a series
		var out []string
		for _, l := range s.Lines {
			first, last := l.Items[0], l.Items[len(l.Items)-1]
			out = append(out, locale.Fill(w.SummaryLine, "label", l.Label, "first", first.display, "firstDate", first.Label, "last", last.display, "lastDate", last.Label))
		}
		return strings.Join(out, w.SentenceSep)
	}
	switch s.Type {
	case "bar", "hbar":
		if len(s.Items) == 1 {
			return locale.Fill(w.SummaryParts, "parts", parts(s.Items))
		}
		hi, lo := s.Items[0], s.Items[0]
		for _, it := range s.Items[1:] {
			if it.Value.Cmp(hi.Value) > 0 {
				hi = it
			}
			if it.Value.Cmp(lo.Value) < 0 {
				lo = it
			}
		}
		return locale.Fill(w.SummaryBar, "count", strconv.Itoa(len(s.Items)), "maxLabel", hi.Label, "max", hi.display, "minLabel", lo.Label, "min", lo.display)
	case "pie", "donut":
		return locale.Fill(w.SummaryParts, "parts", parts(s.Items))
	case "stacked":
		rows := make([]string, len(s.Rows))
		for i, r := range s.Rows {
			rows[i] = locale.Fill(w.SummaryRow, "label", r.Label, "parts", parts(r.Items))
		}
		return locale.Fill(w.SummaryParts, "parts", strings.Join(rows, w.Semicolon))
	case "gauge":
		return gaugeSummary(s.Gauge, w)
	}
	return ""
}
