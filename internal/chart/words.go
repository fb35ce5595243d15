package chart

// Words are the interface strings a chart's table and summary use; the
// theme supplies them in the site's language.
type Words struct {
	Item, Value, AsOf, Source, Date, Goal, Actual string
	Start                                         string // where a target's number started: 起点
	Unit                                          string // axis name prefix: 单位
	// Summary patterns (fmt verbs in order).
	SummaryBar       string // count, max label, max value, min label, min value
	SummaryParts     string // list of "label value"
	SummaryLine      string // label, first date, first value, last date, last value
	SummaryGauge     string // label, goal, actual
	SummaryGaugeDown string // label, goal, actual: a number brought down to the goal
	SummaryReached   string // added to a gauge's summary once the goal is met
	ListSep          string // 、
}

// ChineseWords are the zh-CN defaults.
var ChineseWords = Words{
	Item: "项目", Value: "数值", AsOf: "截至", Source: "来源", Date: "日期", Goal: "目标", Actual: "实际", Start: "起点", Unit: "单位",
	SummaryBar:       "共%d项，最高为%s（%s），最低为%s（%s）。",
	SummaryParts:     "包括%s。",
	SummaryLine:      "%s从%s的%s变为%s的%s。",
	SummaryGauge:     "%s：目标%s，实际%s。",
	SummaryGaugeDown: "%s：目标降至%s，实际%s。",
	SummaryReached:   "目标已实现。",
	ListSep:          "、",
}
