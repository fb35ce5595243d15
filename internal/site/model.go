// Package site is the third stage of a build: from the checked input it
// builds the model of the published site — every page with its URL, the
// figures and charts it shows, and the links between activities, townships
// and stories. Later stages only read the model.
package site

import (
	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/images"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/opendata"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// Figure is a resolved figure (value, unit, qualifier, date, source).
type Figure = validate.Figure

// Site is the whole published site.
type Site struct {
	Title       string
	Description string
	BaseURL     string // without trailing slash
	Language    string
	Copyright   string
	Menu        []Link
	// PlaceNames are site.yaml's names for the levels of places (the
	// renderer fills them into the interface strings).
	PlaceNames load.PlaceNames
	Campaign   *Campaign
	Activities []*Activity    // by weight, then slug
	Townships  []*Township    // as listed in data/townships.yaml
	Stories    []*Story       // newest first, then by slug
	Pages      []*Page        // every page, sorted by URL
	Figures    int            // figures in the data
	Charts     []*chart.Chart // every chart of every page, in the order built
	// Data are the open-data files, listed on /data/: the campaign's
	// figures, then each activity's (in the order of Activities); a
	// dataset without rows is not among them.
	Data []*opendata.Dataset
	// AllData is every row of Data in one CSV (data/figures.csv), beside
	// data/figures.json, whose size is FiguresJSONSize; nil when the site
	// has no figures.
	AllData         *opendata.Dataset
	FiguresJSONSize int
	DataColumns     []opendata.Column // the datasets' columns, explained

	// Cited are the sources some figure of the site cites, in the order
	// data/campaign.yaml lists them (the footer names them all).
	Cited []*load.Source
}

// Link is a labelled URL.
type Link struct {
	Label string
	URL   string
	// Kind names the link by a page kind's interface string (kind_home,
	// Overview or 总览) when Label is empty.
	Kind string
}

// Campaign is the overview's subject.
type Campaign struct {
	Name       string
	Place      string
	Summary    string
	Period     string
	AsOf       string
	Source     *load.Source
	Sources    []*load.Source
	Organisers []load.Organiser
	Headline   []*Figure
	Carriers   *Figure     // the number of carriers, when given
	Named      []*Activity // the carriers the data reports
	Unnamed    int         // carriers the data does not report
	Charts     []*chart.Chart
	Data       *opendata.Dataset // the campaign's own figures; nil when it has none

	// Cited are the sources of the figures the overview shows, in the
	// order first shown; the default source when it shows none.
	Cited []*load.Source
}

// Activity is one activity page's content.
type Activity struct {
	Slug         string
	URL          string
	Title        string
	ShortTitle   string
	Summary      string
	Participants string
	Period       string
	Source       *load.Source
	AsOf         string
	KeyMetrics   []*Figure
	Metrics      []*Figure
	Targets      []*validate.Target
	Breakdowns   []*Breakdown
	Charts       []*chart.Chart
	Stories      []*Story
	Page         *Page
	Data         *opendata.Dataset // the activity's figures as CSV and JSON; nil when it has none
	// StoriesURL lists all the activity's stories (its page shows a few).
	StoriesURL string

	// Cited are the sources of the figures its page shows, in the order
	// first shown; the default source when it shows none.
	Cited []*load.Source
}

// Breakdown is one unit, place or person with its figures.
type Breakdown struct {
	ID        string
	Name      string
	Kind      string
	Note      string
	Activity  *Activity
	Townships []*Township
	Villages  []validate.VillagePlace
	Figures   []*Figure
}

// Township is a township page's content.
type Township struct {
	Slug       string
	URL        string
	Name       string
	Villages   []*load.Village
	Stories    []*Story
	Breakdowns []*Breakdown
	Figures    int // figures concerning the township or its villages
	// StoriesURL lists all the township's stories (its page shows a few).
	StoriesURL string
}

// Story is one story page's content.
type Story struct {
	Slug      string
	URL       string
	Title     string
	Date      load.Date
	Summary   string
	Activity  *Activity
	Townships []*Township
	Villages  []validate.VillagePlace
	Figures   []*Figure // figures the text cites, in order of first citation
	// Photos are the story's photos in the order written; the first is
	// the one to show where a story has one picture (e.g. og:image).
	Photos []*Photo
	Page   *Page
}

// Photo is one photo of a story with its resized versions.
type Photo struct {
	File    string // under images/, as cleaned: quanjuyong-ducks.jpg
	Alt     string
	Caption string
	Credit  string
	Image   *images.Set // Image.Src is the <img src>, Image.Srcset every width
}

// Page is one output file.
type Page struct {
	URL     string // root-relative, ends with /
	Kind    string // home, activity, townships, township, stories, story, page, search, data
	Title   string
	Summary string
	Doc     *load.Doc // Markdown body, nil for generated pages
	// Resolved is what Doc's figure references and chart blocks stand for
	// in this build (Doc's parse tree is never written to).
	Resolved *markdown.Resolved
	Charts   bool // the page draws at least one chart
	Activity *Activity
	Township *Township
	Story    *Story
	List     *StoryList // the stories a list page shows
}
