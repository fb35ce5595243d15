package scaffold

import (
	"cmp"
	"errors"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

// siteLanguage is the language site.yaml under root names, zh-CN when it
// names none or cannot be read: jinzhan new answers in it.
func siteLanguage(root string) string {
	site, err := sitefs.Open(root)
	if err != nil {
		return "zh-CN"
	}
	defer site.Close()
	data, err := sitefs.ReadFile(site, load.SiteFile, load.MaxFileSize)
	if err != nil {
		return "zh-CN"
	}
	var cfg load.SiteConfig
	strictyaml.Decode(load.SiteFile, data, &cfg, &diag.List{}) // its problems are the build's to report
	return cmp.Or(cfg.Language, "zh-CN")
}

// problem is an error worded in lang.
func problem(lang string, text diag.Text) error { return errors.New(text.In(lang)) }
