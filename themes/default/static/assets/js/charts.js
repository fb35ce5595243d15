// jinzhan chart bootstrap: draws each chart from its JSON option block.
// The option is data only (parsed with JSON.parse, never evaluated), and the
// data table stays in the page for readers without JavaScript or a screen.
(function () {
  "use strict";
  var charts = [];

  function draw(canvas) {
    var block = document.getElementById(canvas.getAttribute("data-chart-option"));
    if (!block || typeof echarts === "undefined") return;
    var option;
    try {
      option = JSON.parse(block.textContent);
    } catch (e) {
      return; // leave the table as the chart
    }
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
