// The ECharts jinzhan serves: only the chart types and components the
// chart package emits (bar, line, pie, gauge; grid, title, legend, tooltip,
// aria), bundled by esbuild from the npm package into web/dist/echarts.min.js
// (make deps: internal/webdist), which go:embed carries.
import * as echarts from "echarts/core";
import { BarChart, GaugeChart, LineChart, PieChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, GaugeChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, LabelLayout, CanvasRenderer]);
window.echarts = echarts;
