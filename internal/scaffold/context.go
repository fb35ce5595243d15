package scaffold

import (
	"path"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

// maxRead bounds what jinzhan new reads of a site's file: it only looks
// for a language, a source id and an activity to fill its templates with.
const maxRead = 1 << 20

// siteInfo is what a new file takes from the site it is written into, so
// that it builds as written: the templates' language, the default source,
// and an activity (the first by file name) with its first figure.
type siteInfo struct {
	lang     string // zh-CN or en: the templates' folder
	source   string
	activity string
	metric   string
}

// readSite reads what a new file needs from the site at root. Whatever
// cannot be read stays empty (the build reports it); the language is then
// Chinese, jinzhan's default.
func readSite(root string) siteInfo {
	info := siteInfo{lang: "zh-CN"}
	site, err := sitefs.Open(root)
	if err != nil {
		return info
	}
	defer site.Close()
	var cfg load.SiteConfig
	decode(site, load.SiteFile, &cfg)
	if locale.New(cfg.Language).English() {
		info.lang = "en"
	}
	var campaign load.Campaign
	decode(site, load.CampaignFile, &campaign)
	info.source = campaign.Source
	entries, _ := site.ReadDir(load.ActivitiesDir)
	for _, e := range entries { // sorted by name
		slug, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || !load.ValidSlug(slug) {
			continue
		}
		var a load.Activity
		decode(site, path.Join(load.ActivitiesDir, e.Name()), &a)
		info.activity = slug
		if len(a.Metrics) > 0 {
			info.metric = a.Metrics[0].ID
		}
		break
	}
	return info
}

// decode reads a YAML file of the site into v as far as it can.
func decode(site *sitefs.FS, name string, v any) {
	if data, err := sitefs.ReadFile(site, name, maxRead); err == nil {
		strictyaml.Decode(name, data, v, &diag.List{})
	}
}

// words are the site's own words for the templates' [[NAME]]s: the new
// file's slug, today, the default source and an activity to belong to.
func (info siteInfo) words(slug, today string) *strings.Replacer {
	example := "activity.figure"
	if info.lang == "zh-CN" {
		example = "活动.数据"
	}
	if info.activity != "" && info.metric != "" {
		example = info.activity + "." + info.metric
	}
	return strings.NewReplacer(
		"[[SLUG]]", slug,
		"[[DATE]]", today,
		"[[YEAR]]", today[:4],
		"[[SOURCE]]", info.source,
		"[[ACTIVITY]]", info.activity,
		"[[EXAMPLE]]", example,
	)
}
