// The ECharts chart types and components jinzhan draws (bar, line, pie,
// gauge; grid, title, legend, tooltip, aria): the one list both bundles
// take, so that the chart drawn at build (echarts-ssr.js) and the one
// drawn in the page (echarts.js) are made of the same parts.
import { BarChart, GaugeChart, LineChart, PieChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import { LabelLayout } from "echarts/features";

export var parts = [BarChart, GaugeChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, LabelLayout];
