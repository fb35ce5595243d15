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

// chartWords picks the chart strings out of the interface strings; like
// t, a missing key shows as itself, so that it is noticed.
func chartWords(s map[string]string) chart.Words {
	var w chart.Words
	for key, dst := range map[string]*string{
		"chart_item": &w.Item, "chart_value": &w.Value, "as_of": &w.AsOf, "source": &w.Source, "chart_date": &w.Date,
		"target_goal": &w.Goal, "target_actual": &w.Actual, "target_start": &w.Start,
		"summary_bar": &w.SummaryBar, "summary_parts": &w.SummaryParts, "summary_item": &w.SummaryItem, "summary_row": &w.SummaryRow,
		"summary_line": &w.SummaryLine, "summary_gauge": &w.SummaryGauge, "summary_gauge_down": &w.SummaryGaugeDown, "summary_reached": &w.SummaryReached,
		"list_sep": &w.ListSep, "semicolon": &w.Semicolon, "sentence_sep": &w.SentenceSep,
	} {
		v, ok := s[key]
		if !ok {
			v = key
		}
		*dst = v
	}
	return w
}
