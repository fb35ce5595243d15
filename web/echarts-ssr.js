// The ECharts jinzhan runs at build, in Go (internal/chartsvg, on goja): the
// same parts as the page's (parts.js) with the SVG renderer, bundled into
// web/dist/echarts-ssr.min.js. It defines one function, renderSVG.
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { parts } from "./parts.js";
import { prepare } from "./options.js";

echarts.use(parts.concat([SVGRenderer]));

// renderSVG draws an option (JSON text, as the page holds it) as an SVG
// document width × height px, with ECharts' server-side rendering; it
// throws when the bundle cannot draw every series.
globalThis.renderSVG = function (json, width, height) {
  var chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: width, height: height });
  try {
    var option = prepare(JSON.parse(json));
    chart.setOption(option);
    // A series of a type the bundle lacks is left out without an error;
    // the chart would be drawn without it.
    var wanted = [].concat(option.series || []), held = chart.getOption().series || [];
    if (held.length !== wanted.length) {
      throw new Error("this ECharts cannot draw series of type " + wanted.map(function (s) { return s.type; }).join(", ") + " (web/parts.js)");
    }
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};
