package render

import (
	"fmt"
	"io/fs"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
)

// strings loads the interface strings of lang from i18n/<lang>.yaml.
func loadStrings(layers theme.Layers, lang string) (map[string]string, error) {
	name := "i18n/" + lang + ".yaml"
	data, err := fs.ReadFile(layers, name)
	if err != nil {
		return nil, fmt.Errorf("theme: no interface strings for %s: %w", lang, err)
	}
	out := map[string]string{}
	var list diag.List
	strictyaml.Decode(name, data, &out, &list)
	if err := list.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// chartWords picks the chart strings out of the interface strings.
func chartWords(s map[string]string) chart.Words {
	w := chart.ChineseWords
	set := func(dst *string, key string) {
		if v, ok := s[key]; ok {
			*dst = v
		}
	}
	set(&w.Item, "chart_item")
	set(&w.Value, "chart_value")
	set(&w.AsOf, "as_of")
	set(&w.Source, "source")
	set(&w.Date, "chart_date")
	set(&w.Goal, "target_goal")
	set(&w.Actual, "target_actual")
	set(&w.Unit, "chart_unit")
	set(&w.SummaryBar, "summary_bar")
	set(&w.SummaryParts, "summary_parts")
	set(&w.SummaryLine, "summary_line")
	set(&w.SummaryGauge, "summary_gauge")
	set(&w.ListSep, "list_sep")
	return w
}
