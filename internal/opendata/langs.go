package opendata

import (
	"github.com/jinzhan-dev/jinzhan/internal/locale"
)

// lang holds what a dataset says in one of the site's languages. English
// files use the JSON keys as CSV headers. Examples follow a description
// when the site has a figure; they name it ({ref}, {written}, {value},
// {display}), so the notes never cite another site's figures.
type lang struct {
	headers  map[string]string // by key; missing: the key itself
	descs    map[string]string // by key
	examples map[string]string // by key, added to its description
	kinds    map[string]string // row kind as the CSV writes it; missing: the kind itself
	notes    string
	// citationSep separates the sources a dataset cites.
	citationSep string
}

var chinese = lang{
	citationSep: "；",
	headers: map[string]string{
		"ref": "引用", "activity": "活动", "breakdown": "分项", "kind": "类型", "label": "项目", "value": "数值", "unit": "单位",
		"qualifier": "限定词", "display": "显示", "as_of": "截至", "deadline": "期限", "source": "来源", "note": "备注",
	},
	descs: map[string]string{
		"ref":       "引用名：活动.编号，分项的数据为 活动.分项.编号；同一目标的目标值与实际值、同一序列的各时点共用一个引用名",
		"activity":  "活动的网址名；campaign 为系列活动总体的数据",
		"breakdown": "分项（单位、乡镇、村、个人或群体）的名称",
		"kind":      "指标；目标（目标值）；实际（目标已完成的值）；起点（目标要从它提高或降低的原有数值）；序列（某一日期的值）",
		"label":     "统计的项目",
		"value":     "精确数值，以“单位”计",
		"unit":      "基本单位（元、人、个……），不带万、亿",
		"qualifier": "来源对数字精确程度的说明：余、多、近、约、至少、超过、以上、以下",
		"display":   "本站的写法",
		"as_of":     "数据截至的日期，写作2020-08-05（或2020-08、2020）；序列为该点的日期",
		"deadline":  "目标的期限",
		"source":    "来源：发布者《标题》（日期，作者）",
		"note":      "备注",
	},
	examples: map[string]string{"ref": "，如 {ref}", "value": "：来源写作{written}的，这里是{value}", "display": "，如{display}"},
	kinds:    map[string]string{KindMetric: "指标", KindTarget: "目标", KindActual: "实际", KindStart: "起点", KindSeries: "序列"},
	notes: "“数值”是来源所写的数字换算为“单位”（基本单位，如万元换算为元）后的精确值；“限定词”是来源对数字精确程度的说明（余、近、以上等），" +
		"“显示”是本站的写法；“截至”是数据的日期。同一“引用”下的目标与实际、序列各时点各占一行。转用时请注明原始来源。",
}

// english says nothing in Chinese: the unit and qualifier columns hold
// the data's own words, which the notes describe without quoting them.
var english = lang{
	citationSep: "; ",
	descs: map[string]string{
		"ref":       "reference: activity.id, or activity.breakdown.id for a breakdown's figure; a target's goal and actual, and the points of a series, share one",
		"activity":  "the activity's URL name; campaign for the campaign's own figures",
		"breakdown": "name of the unit, township, village, person or group the figure belongs to",
		"kind":      "metric; target (the goal); actual (what the target reached); start (the number a target raises or brings down from); series (the value at one date)",
		"label":     "what is counted",
		"value":     "exact number in unit",
		"unit":      "the base unit the value counts, as the data names it, without a multiplier (ten thousand, million …)",
		"qualifier": "the source's word for how exact the figure is, as the data writes it (more than, nearly, about, at least, or more, or less)",
		"display":   "how the site writes the figure",
		"as_of":     "date of the figure, 2020-08-05 (or 2020-08, 2020); for a series, the point's date",
		"deadline":  "a target's deadline",
		"source":    "the source in full: Publisher, “Title” (date, author)",
		"note":      "remark",
	},
	examples: map[string]string{"ref": "; e.g. {ref}", "value": ": {display} is {value}", "display": ", e.g. {display}"},
	notes: "value is the number the source states, converted exactly to unit (the base unit, without a multiplier such as ten thousand); " +
		"qualifier is the source's own word for how exact it is (more than, nearly, or more …); display is how the site writes the figure; as_of is its date. " +
		"A target's goal and actual, and each point of a series, are rows of their own under one ref. Cite the original source when you reuse the figures.",
}

// langOf is the language of a site: English for en and en-*, Chinese for
// every other (as locale.New decides).
func langOf(code string) lang {
	if locale.New(code).English() {
		return english
	}
	return chinese
}

func (l lang) header(key string) string {
	if h, ok := l.headers[key]; ok {
		return h
	}
	return key
}

// Example is the figure of the site that the column notes cite: its
// reference, its value as the data file writes it and in the base unit,
// and as the site shows it.
type Example struct{ Ref, Written, Value, Display string }

// ExampleOf picks the figure the column notes cite from the datasets: the
// first written with a multiplier (9899 万人), whose base-unit value shows
// what the value column holds, else the first figure.
func ExampleOf(sets []*Dataset) Example {
	var first *Row
	for _, d := range sets {
		for i := range d.Rows {
			r := &d.Rows[i]
			if first == nil {
				first = r
			}
			if r.scaled {
				return r.example()
			}
		}
	}
	if first == nil {
		return Example{}
	}
	return first.example()
}

func (r *Row) example() Example {
	return Example{Ref: r.Ref, Written: r.written, Value: r.Value.String(), Display: r.Display}
}

// Columns are the columns of every dataset, explained in language with
// the site's own figure ex as example.
func Columns(language string, ex Example) []Column {
	l := langOf(language)
	out := make([]Column, len(columns))
	for i, key := range columns {
		desc := l.descs[key]
		if ex.Ref != "" {
			desc += locale.Fill(l.examples[key], "ref", ex.Ref, "written", ex.Written, "value", ex.Value, "display", ex.Display)
		}
		out[i] = Column{Key: key, Header: l.header(key), Description: desc}
	}
	return out
}
