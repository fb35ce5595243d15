// The ECharts the page loads when a reader first touches a chart: the
// parts jinzhan draws (parts.js) with the canvas renderer, bundled by
// esbuild from the npm package into web/dist/echarts.min.js (make deps:
// internal/webdist), which go:embed carries. charts.js finds it as
// window.echarts, and the option's preparation as window.jinzhanPrepare.
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { parts } from "./parts.js";
import { prepare } from "./options.js";

echarts.use(parts.concat([CanvasRenderer]));
window.echarts = echarts;
window.jinzhanPrepare = prepare;
