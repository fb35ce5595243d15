// jinzhan charts. Every chart is in the page as ECharts drew it at build:
// an SVG, seen with nothing to load. The first time a reader touches a
// chart — the pointer over it, a tap, or a key while it has focus — this
// script loads ECharts (once for the page) and draws the interactive chart
// in the drawing's box, over it, so that nothing on the page moves. Its
// tooltips then follow the pointer, or the arrow keys (Escape hides them).
// The option is data only (JSON.parse, never evaluated); ECharts' own
// bundle prepares it as the build did (window.jinzhanPrepare).
(function () {
  "use strict";
  var script = document.currentScript;
  var src = script && script.getAttribute("data-echarts");
  var loading = null; // ECharts, once asked for
  var live = []; // the charts drawn, for resizing

  function loadECharts() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.echarts && window.jinzhanPrepare) return resolve();
        var s = document.createElement("script");
        s.src = src;
        s.onload = resolve;
        s.onerror = function () {
          loading = null; // the next touch tries again
          reject(new Error("ECharts did not load"));
        };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  // draw puts the interactive chart in plot's box and hands it to then; a
  // chart already drawn is handed over at once. If ECharts cannot be had,
  // the drawing stays.
  function draw(plot, then) {
    if (plot.jinzhanChart) return then(plot.jinzhanChart);
    plot.jinzhanWaiting = then; // the latest touch decides what to show
    if (plot.hasAttribute("data-live")) return;
    plot.setAttribute("data-live", "loading");
    loadECharts().then(function () {
      var block = document.getElementById(plot.getAttribute("data-chart-option"));
      var option = window.jinzhanPrepare(JSON.parse(block.textContent));
      var box = document.createElement("div");
      box.className = "chart-live";
      plot.appendChild(box);
      var chart = echarts.init(box, null, { renderer: "canvas" });
      chart.setOption(option);
      plot.jinzhanChart = chart;
      plot.jinzhanPoints = points(option);
      plot.setAttribute("data-live", "");
      plot.closest("figure").setAttribute("data-chart-ready", "");
      live.push(chart);
      plot.jinzhanWaiting(chart);
    }, function () {
      plot.removeAttribute("data-live");
    });
  }

  // points is how many data points the first series has: the steps of
  // the arrow keys.
  function points(option) {
    var series = [].concat(option.series || []);
    return series.length && series[0].data ? series[0].data.length : 0;
  }

  // tipAt shows, once the chart is drawn, the tooltip of what the touch
  // that drew it is over; ECharts follows the pointer from then on.
  function tipAt(plot, event) {
    if (plot.jinzhanChart) return;
    var x = event.clientX, y = event.clientY;
    draw(plot, function (chart) {
      var box = plot.getBoundingClientRect();
      chart.dispatchAction({ type: "showTip", x: x - box.left, y: y - box.top });
    });
  }

  var steps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Enter: 0, " ": 0 };

  function key(plot, event) {
    if (event.key === "Escape" && plot.jinzhanChart) {
      plot.jinzhanChart.dispatchAction({ type: "hideTip" });
      return;
    }
    if (!(event.key in steps) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault(); // the keys move through the chart, not the page
    draw(plot, function (chart) {
      var n = plot.jinzhanPoints;
      if (!n) return;
      var at = plot.jinzhanAt === undefined ? 0 : (plot.jinzhanAt + steps[event.key] + n) % n;
      plot.jinzhanAt = at;
      chart.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: at });
    });
  }

  function start() {
    var plots = document.querySelectorAll(".chart-plot[data-chart-option]");
    for (var i = 0; i < plots.length; i++) {
      var plot = plots[i];
      plot.tabIndex = 0; // a stop for the keys only where this script runs
      plot.addEventListener("pointerenter", tipAt.bind(null, plot));
      plot.addEventListener("pointerdown", tipAt.bind(null, plot));
      plot.addEventListener("keydown", key.bind(null, plot));
    }
    var pending;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        for (var j = 0; j < live.length; j++) live[j].resize();
      }, 100);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
