package load

import "github.com/jinzhan-dev/jinzhan/internal/strictyaml"

// Every type here mirrors one kind of input file; docs/data-format.md
// documents each field. The yaml tag is the key editors write.

// SiteConfig is site.yaml.
type SiteConfig struct {
	strictyaml.Meta
	Title       string     `yaml:"title" jz:"required"`
	Description string     `yaml:"description"`
	BaseURL     string     `yaml:"base_url" jz:"required"`
	Language    string     `yaml:"language"`
	Theme       string     `yaml:"theme"`
	Copyright   string     `yaml:"copyright"`
	Menu        []MenuItem `yaml:"menu"`
	// StaleAfterDays is how old figures may be before check warns (0: never).
	StaleAfterDays *int       `yaml:"stale_after_days"`
	PlaceNames     PlaceNames `yaml:"place_names"`
	// Deploy says where jinzhan deploy uploads the built site, and with
	// which headers. Never credentials: those come from the environment.
	Deploy Deploy `yaml:"deploy"`
}

// Deploy is site.yaml's deploy: section.
type Deploy struct {
	strictyaml.Meta
	Targets []DeployTarget `yaml:"targets"`
	// Gzip stores text files compressed, with Content-Encoding: gzip.
	Gzip bool `yaml:"gzip"`
	// CacheControl rules come before jinzhan's own; the first whose path
	// matches a file gives its Cache-Control.
	CacheControl []CacheRule `yaml:"cache_control"`
}

// DeployTarget is a named place to deploy to: jinzhan deploy --target NAME.
type DeployTarget struct {
	strictyaml.Meta
	Name string `yaml:"name" jz:"required"`
	URL  string `yaml:"url" jz:"required"`
}

// CacheRule gives the files whose path matches a pattern a Cache-Control.
type CacheRule struct {
	strictyaml.Meta
	Path  string `yaml:"path" jz:"required"`
	Value string `yaml:"value" jz:"required"`
}

// PlaceNames are what a site calls the two levels of places listed in
// data/townships.yaml: 乡镇 and 村 unless it says otherwise (a provincial
// site's 县 and 村). Left out, a name is the theme's, in the site's language.
type PlaceNames struct {
	strictyaml.Meta
	Township  string `yaml:"township"`
	Townships string `yaml:"townships"` // plural, for English (default: township with s or ies)
	Village   string `yaml:"village"`
	Villages  string `yaml:"villages"`
}

// MenuItem is one link of the main menu.
type MenuItem struct {
	strictyaml.Meta
	Label string `yaml:"label" jz:"required"`
	URL   string `yaml:"url" jz:"required"`
}

// Campaign is data/campaign.yaml.
type Campaign struct {
	strictyaml.Meta
	Name       string      `yaml:"name" jz:"required"`
	Place      string      `yaml:"place" jz:"required"`
	Summary    string      `yaml:"summary"`
	Period     Period      `yaml:"period"`
	AsOf       Date        `yaml:"as_of"`
	Source     string      `yaml:"source" jz:"required"`
	Sources    []Source    `yaml:"sources" jz:"required"`
	Organisers []Organiser `yaml:"organisers"`
	Carriers   Carriers    `yaml:"carriers"`
	Metrics    []Metric    `yaml:"metrics"`
	Headline   []string    `yaml:"headline"`
	Charts     []ChartSpec `yaml:"charts"`
}

// Period is when an activity or the campaign runs.
type Period struct {
	strictyaml.Meta
	Start Date   `yaml:"start"`
	End   Date   `yaml:"end"`
	Label string `yaml:"label"`
}

// Source is a publication figures are taken from.
type Source struct {
	strictyaml.Meta
	ID        string `yaml:"id" jz:"required"`
	Title     string `yaml:"title" jz:"required"`
	Publisher string `yaml:"publisher" jz:"required"`
	Date      Date   `yaml:"date" jz:"required"`
	Author    string `yaml:"author"`
	URL       string `yaml:"url"`
}

// Organiser is a body that runs the campaign, with its groups.
type Organiser struct {
	strictyaml.Meta
	Name   string      `yaml:"name" jz:"required"`
	Duty   string      `yaml:"duty"`
	Groups []Organiser `yaml:"groups"`
}

// Carriers are the campaign's activity carriers (载体): how many there are
// (a campaign metric) and which of them the data reports.
type Carriers struct {
	strictyaml.Meta
	Count string   `yaml:"count"`
	Named []string `yaml:"named"`
}

// Metric is one figure: a value in its unit, with qualifier, date and source.
type Metric struct {
	strictyaml.Meta
	ID          string `yaml:"id" jz:"required"`
	Label       string `yaml:"label" jz:"required"`
	Value       Number `yaml:"value" jz:"required"`
	Unit        string `yaml:"unit" jz:"required"`
	Qualifier   string `yaml:"qualifier"`
	UnitEn      string `yaml:"unit_en"`      // English noun of a measure word English counts bare: counties for 个
	DisplayUnit string `yaml:"display_unit"` // a unit to show the figure in other than the one it is written in
	AsOf        Date   `yaml:"as_of"`
	Source      string `yaml:"source"`
	Note        string `yaml:"note"`
	// PartOf names the metric of the same activity this one is a part of,
	// so the build can check that the parts do not exceed their total.
	PartOf string `yaml:"part_of"`
}

// Target is a goal with its deadline and, where known, what has been reached.
// A goal is reached up to (252 villages covered) or, with direction: down,
// a number is brought down to it (the rural poor brought down to 0).
type Target struct {
	strictyaml.Meta
	ID          string  `yaml:"id" jz:"required"`
	Label       string  `yaml:"label" jz:"required"`
	Direction   string  `yaml:"direction"` // up (the default) or down
	From        *Number `yaml:"from"`      // where the number started, in unit: progress is the share of the way from it
	Value       Number  `yaml:"value" jz:"required"`
	Unit        string  `yaml:"unit" jz:"required"`
	Qualifier   string  `yaml:"qualifier"`
	UnitEn      string  `yaml:"unit_en"`      // English noun of a measure word English counts bare: counties for 个
	DisplayUnit string  `yaml:"display_unit"` // a unit to show the figure in other than the one it is written in
	Deadline    Date    `yaml:"deadline"`
	Actual      *Number `yaml:"actual"`
	AsOf        Date    `yaml:"as_of"`
	Source      string  `yaml:"source"`
	Note        string  `yaml:"note"`
}

// Breakdown is one unit, township, village or person with its own figures.
type Breakdown struct {
	strictyaml.Meta
	ID        string   `yaml:"id" jz:"required"`
	Name      string   `yaml:"name" jz:"required"`
	Kind      string   `yaml:"kind" jz:"required"`
	Townships []string `yaml:"townships"`
	Villages  []string `yaml:"villages"`
	Note      string   `yaml:"note"`
	Metrics   []Metric `yaml:"metrics" jz:"required"`
}

// TownshipsOrNil returns the breakdown's townships; nil for no breakdown.
func (b *Breakdown) TownshipsOrNil() []string {
	if b == nil {
		return nil
	}
	return b.Townships
}

// VillagesOrNil returns the breakdown's villages; nil for no breakdown.
func (b *Breakdown) VillagesOrNil() []string {
	if b == nil {
		return nil
	}
	return b.Villages
}

// Series is a run of dated values in one unit.
type Series struct {
	strictyaml.Meta
	ID          string  `yaml:"id" jz:"required"`
	Label       string  `yaml:"label" jz:"required"`
	Unit        string  `yaml:"unit" jz:"required"`
	UnitEn      string  `yaml:"unit_en"`      // English noun of a measure word English counts bare: counties for 个
	DisplayUnit string  `yaml:"display_unit"` // a unit to show the figure in other than the one it is written in
	Source      string  `yaml:"source"`
	Points      []Point `yaml:"points" jz:"required"`
}

// Point is one dated value of a series.
type Point struct {
	strictyaml.Meta
	Date      Date   `yaml:"date" jz:"required"`
	Value     Number `yaml:"value" jz:"required"`
	Qualifier string `yaml:"qualifier"`
}

// ChartSpec says which figures a chart draws and how.
type ChartSpec struct {
	strictyaml.Meta
	ID       string     `yaml:"id"`
	Type     string     `yaml:"type" jz:"required"`
	Title    string     `yaml:"title" jz:"required"`
	Summary  string     `yaml:"summary"`
	Metrics  []string   `yaml:"metrics"`
	Segments []string   `yaml:"segments"`
	Rows     []ChartRow `yaml:"rows"`
	Series   []string   `yaml:"series"`
	Target   string     `yaml:"target"`
}

// ChartRow is one bar of a stacked chart: a label and one metric per segment.
type ChartRow struct {
	strictyaml.Meta
	Label   string   `yaml:"label" jz:"required"`
	Metrics []string `yaml:"metrics" jz:"required"`
}

// Activity is data/activities/<slug>.yaml.
type Activity struct {
	strictyaml.Meta
	Slug         string      `yaml:"-"`
	Title        string      `yaml:"title" jz:"required"`
	ShortTitle   string      `yaml:"short_title"`
	Summary      string      `yaml:"summary"`
	Participants string      `yaml:"participants"`
	Period       Period      `yaml:"period"`
	Weight       int         `yaml:"weight"`
	Source       string      `yaml:"source" jz:"required"`
	AsOf         Date        `yaml:"as_of"`
	KeyMetrics   []string    `yaml:"key_metrics"`
	Metrics      []Metric    `yaml:"metrics"`
	Targets      []Target    `yaml:"targets"`
	Breakdowns   []Breakdown `yaml:"breakdowns"`
	Series       []Series    `yaml:"series"`
	Charts       []ChartSpec `yaml:"charts"`
}

// TownshipsFile is data/townships.yaml.
type TownshipsFile struct {
	strictyaml.Meta
	Townships []Township `yaml:"townships" jz:"required"`
}

// Township is a 乡 or 镇 with the villages (村) the data names.
type Township struct {
	strictyaml.Meta
	Slug     string    `yaml:"slug" jz:"required"`
	Name     string    `yaml:"name" jz:"required"`
	Villages []Village `yaml:"villages"`
}

// Village is a 村 of a township.
type Village struct {
	strictyaml.Meta
	Slug string `yaml:"slug" jz:"required"`
	Name string `yaml:"name" jz:"required"`
}

// FrontMatter is the YAML head of a Markdown file.
type FrontMatter struct {
	strictyaml.Meta
	Title     string   `yaml:"title" jz:"required"`
	Date      Date     `yaml:"date"`
	Townships []string `yaml:"townships"`
	Villages  []string `yaml:"villages"`
	Activity  string   `yaml:"activity"`
	Summary   string   `yaml:"summary"`
	Weight    int      `yaml:"weight"`
	Draft     bool     `yaml:"draft"`
	Photos    []Photo  `yaml:"photos"`
}

// Photo is one photo of a story: a file under images/ and its words.
type Photo struct {
	strictyaml.Meta
	File    string `yaml:"file" jz:"required"` // relative to images/
	Alt     string `yaml:"alt" jz:"required"`  // what the photo shows, for readers who cannot see it
	Caption string `yaml:"caption"`
	Credit  string `yaml:"credit"`
}
