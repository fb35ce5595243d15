package chart

// Words are the interface strings a chart's table and summary use, in the
// site's language; the theme's i18n files supply them (render.chartWords).
type Words struct {
	Item, Value, AsOf, Source, Date, Goal, Actual string
	Start                                         string // where a target's number started: 起点
	// Summary patterns name their arguments, so that each language puts
	// them in its own order: {label} went from {first} ({firstDate}) …
	SummaryBar       string // {count} {maxLabel} {max} {minLabel} {min}
	SummaryParts     string // {parts}: SummaryItem or SummaryRow joined
	SummaryItem      string // {label} {value}
	SummaryRow       string // {label} {parts}: a stacked chart's row
	SummaryLine      string // {label} {first} {firstDate} {last} {lastDate}
	SummaryGauge     string // {label} {goal} {actual}
	SummaryGaugeDown string // {label} {goal} {actual}: a number brought down to the goal
	SummaryReached   string // a sentence added to a gauge's summary once the goal is met
	ListSep          string // between items: 、 or ", "
	Semicolon        string // between a stacked chart's rows: ； or "; "
	SentenceSep      string // between two summary sentences: none in Chinese, a space in English
}
