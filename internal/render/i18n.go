package render

import (
	"fmt"
	"maps"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
)

// loadStrings loads the interface strings of lang from i18n/<lang>.yaml.
// Unlike other theme files these merge key by key, so a site overrides
// one string without copying the rest.
func loadStrings(layers theme.Layers, lang string) (map[string]string, error) {
	name := "i18n/" + lang + ".yaml"
	files := layers.ReadAll(name)
	if len(files) == 0 {
		return nil, fmt.Errorf("no interface strings for %s (%s)", lang, name)
	}
	out := map[string]string{}
	for i := len(files) - 1; i >= 0; i-- {
		layer := map[string]string{}
		var list diag.List
		strictyaml.Decode(name, files[i], &layer, &list)
		if err := list.Err(); err != nil {
			return nil, err
		}
		maps.Copy(out, layer)
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
	set(&w.Start, "target_start")
	set(&w.Unit, "chart_unit")
	set(&w.SummaryBar, "summary_bar")
	set(&w.SummaryParts, "summary_parts")
	set(&w.SummaryLine, "summary_line")
	set(&w.SummaryGauge, "summary_gauge")
	set(&w.SummaryGaugeDown, "summary_gauge_down")
	set(&w.SummaryReached, "summary_reached")
	set(&w.ListSep, "list_sep")
	return w
}
