package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// Dir is the folder of the published data files; its index page is /data/.
const Dir = "data"

// The ids of the two datasets that are not an activity: the campaign's own
// figures (data/campaign.csv) and every row of every dataset in one file
// (data/figures.csv, beside data/figures.json).
const (
	CampaignID = validate.CampaignScope
	AllID      = "figures"
)

// Kinds of row: an activity's or a breakdown's metric, a target's goal,
// what it reached and where its number started, one dated point of a series.
const (
	KindMetric = "metric"
	KindTarget = "target"
	KindActual = "actual"
	KindStart  = "start"
	KindSeries = "series"
)

// Row is one figure as published in a dataset. Every key is always
// present ("" when the data says nothing), so that readers of the JSON see
// one shape; the CSV has the same columns in the same order.
type Row struct {
	Ref       string      `json:"ref"`       // help.forestry.chicks; a target's goal and actual share it, so do a series' points
	Activity  string      `json:"activity"`  // activity slug, or "campaign"
	Breakdown string      `json:"breakdown"` // the breakdown's name (林草局), for its metrics
	Kind      string      `json:"kind"`      // metric, target, actual, start or series
	Label     string      `json:"label"`     // what is counted
	Value     json.Number `json:"value"`     // exact decimal, in Unit
	Unit      string      `json:"unit"`      // base unit: 元, not 万元
	Qualifier string      `json:"qualifier"` // 余, 近, 以上 …: the source's word for how exact it is
	Display   string      `json:"display"`   // as the site writes it: 50余万元
	AsOf      string      `json:"as_of"`     // ISO: 2020-08-05, 2020-08 or 2020; a series point's date
	Deadline  string      `json:"deadline"`  // a target's deadline, ISO
	Source    string      `json:"source"`    // citation of the source
	Note      string      `json:"note"`

	// The figure as its data file writes it (9899万人), and whether it was
	// written with a multiplier: the column notes may cite it (ExampleOf).
	written string
	scaled  bool
}

// columns are the keys of Row in order, the CSV's columns.
var columns = []string{"ref", "activity", "breakdown", "kind", "label", "value", "unit", "qualifier", "display", "as_of", "deadline", "source", "note"}

// Column is one column of the datasets, as the /data/ page and each JSON
// header explain it.
type Column struct {
	Key         string `json:"key"`         // the JSON key (and the English CSV header)
	Header      string `json:"header"`      // the CSV header in the site's language
	Description string `json:"description"` // what the column holds, in the site's language
}

// Dataset is one activity's figures, or the campaign's, as published in
// data/<id>.csv and data/<id>.json.
type Dataset struct {
	ID      string // activity slug, CampaignID or AllID
	Title   string
	Page    string // root-relative URL of the page showing the figures
	Rows    []Row
	AsOf    load.Date      // the newest as-of date of its rows
	Sources []*load.Source // in order of first use
	CSV     []byte
	JSON    []byte // nil for the combined dataset: data/figures.json is its JSON
}

// CSVPath and JSONPath are the dataset's files, relative to the site root.
func (d *Dataset) CSVPath() string { return Dir + "/" + d.ID + ".csv" }

// JSONPath is data/<id>.json; for the combined dataset, FiguresPath.
func (d *Dataset) JSONPath() string { return Dir + "/" + d.ID + ".json" }

// CSVURL is the root-relative URL of the CSV file.
func (d *Dataset) CSVURL() string { return "/" + d.CSVPath() }

// JSONURL is the root-relative URL of the JSON file.
func (d *Dataset) JSONURL() string { return "/" + d.JSONPath() }

// CSVURL is where the CSV of dataset id is published, whether or not it
// has been built yet (charts link to it before the files are made).
func CSVURL(id string) string { return "/" + Dir + "/" + id + ".csv" }

// builder collects the rows of one dataset; loc shows its figures and
// sources in the site's language.
type builder struct {
	d   *Dataset
	loc *locale.Locale
}

func (b *builder) add(f *validate.Figure, kind string, deadline load.Date) {
	row := Row{
		Ref: f.Ref, Activity: f.Activity, Kind: kind, Label: f.Label, Value: json.Number(f.Value.String()), Unit: f.Base(),
		Qualifier: f.Qualifier, Display: b.loc.Figure(f.Quantity), AsOf: f.AsOf.ISO(), Deadline: deadline.ISO(), Source: b.loc.Citation(f.Source), Note: f.Note,
		written: locale.Written(f.Quantity), scaled: f.Unit.Scale != 0,
	}
	if f.Breakdown != nil {
		row.Breakdown = f.Breakdown.Name
	}
	b.d.Rows = append(b.d.Rows, row)
	if b.d.AsOf.Before(f.AsOf) {
		b.d.AsOf = f.AsOf
	}
	if f.Source != nil && !containsSource(b.d.Sources, f.Source) {
		b.d.Sources = append(b.d.Sources, f.Source)
	}
}

func containsSource(list []*load.Source, s *load.Source) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Campaign is the dataset of the campaign's own figures (data/campaign.yaml
// metrics), in file order.
func Campaign(in *load.Input, cat *validate.Catalog, loc *locale.Locale) *Dataset {
	b := builder{&Dataset{ID: CampaignID, Title: in.Campaign.Name, Page: "/"}, loc}
	for _, m := range in.Campaign.Metrics {
		if f, ok := cat.Figures[CampaignID+"."+m.ID]; ok {
			b.add(f, KindMetric, load.Date{})
		}
	}
	return b.d
}

// Activity is the dataset of one activity in file order: its metrics, each
// breakdown's metrics, each target's goal then actual and start (when
// known), each series' points.
func Activity(a *load.Activity, cat *validate.Catalog, loc *locale.Locale) *Dataset {
	b := builder{&Dataset{ID: a.Slug, Title: a.Title, Page: "/activities/" + a.Slug + "/"}, loc}
	for _, m := range a.Metrics {
		if f, ok := cat.Figures[a.Slug+"."+m.ID]; ok {
			b.add(f, KindMetric, load.Date{})
		}
	}
	for _, bd := range a.Breakdowns {
		for _, m := range bd.Metrics {
			if f, ok := cat.Figures[a.Slug+"."+bd.ID+"."+m.ID]; ok {
				b.add(f, KindMetric, load.Date{})
			}
		}
	}
	for _, t := range a.Targets {
		tg, ok := cat.Targets[a.Slug+"."+t.ID]
		if !ok {
			continue
		}
		goal := *tg.Goal
		goal.Note = t.Note
		b.add(&goal, KindTarget, tg.Deadline)
		for _, r := range []struct {
			kind string
			fig  *validate.Figure
		}{{KindActual, tg.Actual}, {KindStart, tg.From}} {
			if r.fig != nil {
				row := *r.fig
				row.Note = ""
				b.add(&row, r.kind, tg.Deadline)
			}
		}
	}
	for _, s := range a.Series {
		if sr, ok := cat.Series[a.Slug+"."+s.ID]; ok {
			for _, p := range sr.Points {
				b.add(p.Fig, KindSeries, load.Date{})
			}
		}
	}
	return b.d
}

// All combines the rows of every dataset, in order, into the one CSV
// data/figures.csv; its JSON is data/figures.json (Figures).
func All(sets []*Dataset) *Dataset {
	b := builder{d: &Dataset{ID: AllID, Page: "/" + Dir + "/"}}
	for _, d := range sets {
		b.d.Rows = append(b.d.Rows, d.Rows...)
		if b.d.AsOf.Before(d.AsOf) {
			b.d.AsOf = d.AsOf
		}
		for _, s := range d.Sources {
			if !containsSource(b.d.Sources, s) {
				b.d.Sources = append(b.d.Sources, s)
			}
		}
	}
	return b.d
}

// Site is what a dataset's header says about the site it comes from.
type Site struct {
	Title     string
	BaseURL   string // without trailing slash
	Language  string // zh-CN or en
	Copyright string
	Example   Example // the figure the column notes cite
}

// Encode writes the dataset's CSV and (except for the combined dataset)
// its JSON. The output depends only on the data: no build time is written.
func (d *Dataset) Encode(s Site) error {
	var err error
	if d.CSV, err = d.encodeCSV(s.Language); err != nil {
		return err
	}
	if d.ID == AllID {
		return nil
	}
	d.JSON, err = d.encodeJSON(s)
	return err
}

// bom makes Excel read the file as UTF-8; without it Excel in a Chinese
// locale reads GBK and shows the Chinese as mojibake.
const bom = "\ufeff"

func (d *Dataset) encodeCSV(language string) ([]byte, error) {
	l := langOf(language)
	var buf bytes.Buffer
	buf.WriteString(bom)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true // Excel's line ends, as RFC 4180 has them
	var head []string
	for _, key := range columns {
		head = append(head, l.header(key))
	}
	if err := w.Write(head); err != nil {
		return nil, err
	}
	for _, r := range d.Rows {
		kind := r.Kind
		if k, ok := l.kinds[kind]; ok {
			kind = k
		}
		rec := []string{r.Ref, r.Activity, r.Breakdown, kind, r.Label, r.Value.String(), r.Unit, r.Qualifier, r.Display, r.AsOf, r.Deadline, r.Source, r.Note}
		for i := range rec {
			rec[i] = NeutralizeFormula(rec[i])
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// NeutralizeFormula guards a CSV cell against formula injection (CWE-1236).
// Excel, LibreOffice and WPS run a cell that starts with =, +, - or @ as a
// formula; a label in the data such as =HYPERLINK("http://…") would
// otherwise become a live link or, through DDE, a command on the reader's
// machine. Spreadsheets also skip what comes before such a character when
// it is white space or a control (a tab, a line feed, a carriage return,
// a space, a full-width space), and OWASP lists a cell starting with a tab
// or a carriage return as one to guard in any case. Such a cell gets an
// apostrophe in front, which the spreadsheet shows as text (the
// apostrophe stays visible in the CSV; that is the accepted cost, as
// OWASP recommends). Values never start with those characters: figures
// are checked to be non-negative, so the guard never alters a number.
// The JSON keeps the text as written: JSON readers do not run formulas.
func NeutralizeFormula(cell string) string {
	if cell == "" {
		return cell
	}
	if cell[0] == '\t' || cell[0] == '\r' || cell[0] == '\n' {
		return "'" + cell
	}
	switch rest := strings.TrimLeftFunc(cell, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }); {
	case rest == "":
		return cell
	case strings.IndexByte("=+-@", rest[0]) >= 0:
		return "'" + cell
	}
	return cell
}

// header is the "dataset" object of a dataset's JSON.
type header struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Page      string   `json:"page"` // absolute URL
	Site      string   `json:"site"`
	Language  string   `json:"language"`
	Figures   int      `json:"figures"` // number of rows
	AsOf      string   `json:"as_of"`
	Citation  string   `json:"citation"` // every source, ；-separated
	Sources   []source `json:"sources"`
	Notes     string   `json:"notes"`
	Copyright string   `json:"copyright,omitempty"`
	CSV       string   `json:"csv"` // absolute URL of the same rows as CSV
	Columns   []Column `json:"columns"`
}

type source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Date      string `json:"date"`
	Author    string `json:"author,omitempty"`
	URL       string `json:"url,omitempty"`
}

// jsonFile is a dataset's JSON.
type jsonFile struct {
	Dataset header `json:"dataset"`
	Figures []Row  `json:"figures"`
}

func (d *Dataset) encodeJSON(s Site) ([]byte, error) {
	l := langOf(s.Language)
	h := header{
		ID: d.ID, Title: d.Title, Page: s.BaseURL + d.Page, Site: s.Title, Language: s.Language, Figures: len(d.Rows),
		AsOf: d.AsOf.ISO(), Notes: l.notes, Copyright: s.Copyright, CSV: s.BaseURL + d.CSVURL(), Sources: []source{},
	}
	loc := locale.New(s.Language)
	var cites []string
	for _, src := range d.Sources {
		cites = append(cites, loc.Citation(src))
		h.Sources = append(h.Sources, source{ID: src.ID, Title: src.Title, Publisher: src.Publisher, Date: src.Date.ISO(), Author: src.Author, URL: src.URL})
	}
	h.Citation = strings.Join(cites, l.citationSep)
	h.Columns = Columns(s.Language, s.Example)
	rows := d.Rows
	if rows == nil {
		rows = []Row{}
	}
	data, err := json.MarshalIndent(jsonFile{Dataset: h, Figures: rows}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.JSONPath(), err)
	}
	return append(data, '\n'), nil
}
