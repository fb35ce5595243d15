// jinzhan chart bootstrap: draws each chart from its JSON option block.
// The option is data only (parsed with JSON.parse, never evaluated), and the
// data table stays in the page for readers without JavaScript or a screen.
(function () {
  "use strict";
  var charts = [];

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

  function draw(canvas) {
    var block = document.getElementById(canvas.getAttribute("data-chart-option"));
    if (!block || typeof echarts === "undefined") return;
    var option;
    try {
      option = JSON.parse(block.textContent);
    } catch (e) {
      return; // leave the table as the chart
    }
    // What the option says to this script (its number style), apart from
    // what it says to ECharts.
    var own = option.jinzhan || {};
    delete option.jinzhan;
    numbered(option, number(own.numbers));
    canvas.hidden = false;
    var chart = echarts.init(canvas, null, { renderer: "canvas" });
    chart.setOption(option);
    // The canvas stays hidden from screen readers (aria-hidden): the figure
    // is named by its title and described by its summary, the table holds
    // the data.
    var figure = canvas.closest("figure");
    var details = figure && figure.querySelector("details.chart-data");
    if (details) details.open = false;
    figure.setAttribute("data-chart-ready", "");
    charts.push(chart);
  }

  function start() {
    var canvases = document.querySelectorAll("[data-chart-option]");
    for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
    var pending;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        for (var j = 0; j < charts.length; j++) charts[j].resize();
      }, 100);
    });
  }

  // Printed pages carry the tables (browsers cannot print a canvas' data).
  window.addEventListener("beforeprint", function () {
    var tables = document.querySelectorAll("details.chart-data");
    for (var i = 0; i < tables.length; i++) tables[i].open = true;
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
