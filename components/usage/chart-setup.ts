import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";

/**
 * The only module that imports chart.js, and only through import() from UsageChart: the
 * library lands in its own chunk that the usage page loads after it renders, so no other
 * page's first-load JS carries it. Only the pieces a bar chart needs are registered, so
 * the rest of chart.js is shaken out.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export { Chart };
