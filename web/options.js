// prepare makes an option as jinzhan writes it (data only: the chart
// package's JSON) ready for ECharts, in the page and at build alike, so
// that both draw the same chart. One key of the option, "jinzhan", is for
// this code and not for ECharts: it names the site's number style, and
// goes before ECharts sees the option.

// number writes a number in the site's style: "en" groups thousands
// (10,000), "zh" writes the digits plainly (10000). It works on the
// digits JavaScript prints, so it adds no rounding of its own.
function number(style) {
  var sep = style === "en" ? "," : "";
  return function (value) {
    if (typeof value !== "number" || !isFinite(value)) return String(value);
    var parts = String(value).split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    return parts.join(".");
  };
}

function list(x) {
  if (!x) return [];
  return Array.isArray(x) ? x : [x];
}

// numbered gives the parts of an option that show bare numbers — value
// axes, gauge ticks, line point labels, tooltips — the site's number
// style, where the option names none of its own (bar labels carry the
// figure as the page writes it).
function numbered(option, format) {
  var axes = list(option.xAxis).concat(list(option.yAxis));
  for (var i = 0; i < axes.length; i++) {
    if (axes[i].type !== "value") continue;
    axes[i].axisLabel = axes[i].axisLabel || {};
    if (!axes[i].axisLabel.formatter) axes[i].axisLabel.formatter = format;
  }
  var series = list(option.series);
  for (var j = 0; j < series.length; j++) {
    var s = series[j];
    if (s.type === "gauge") {
      s.axisLabel = s.axisLabel || {};
      if (!s.axisLabel.formatter) s.axisLabel.formatter = format;
    }
    if (s.type === "line" && s.label && !s.label.formatter) {
      s.label.formatter = function (p) { return format(p.value); };
    }
  }
  option.tooltip = option.tooltip || {};
  if (!option.tooltip.valueFormatter) option.tooltip.valueFormatter = format;
}

export function prepare(option) {
  var own = option.jinzhan || {};
  delete option.jinzhan;
  numbered(option, number(own.numbers));
  return option;
}
