/**
 * Charts drawn with Chart.js (only the parts used are registered, so the bundle stays small): bars of reach and a
 * map-like scatter of regions and service points. Animations are off: the report is read, not watched, and it
 * prints what it shows. Each chart has a text title and a table with the same numbers beside it.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, PointElement, ScatterController, Tooltip, type TooltipItem } from "chart.js";
import { h } from "./dom.js";
import { percent } from "./format.js";
import { COLORS, shareColor } from "./palette.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, PointElement, ScatterController, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
Chart.defaults.color = "#222222";

/** A canvas in a sized box, described for screen readers (the table after it has the numbers). */
function canvasBox(label: string, className: string): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = h("canvas", { role: "img", "aria-label": label });
  return { box: h("div", { class: `chart ${className}` }, canvas), canvas };
}

/** Horizontal bars of shares (0-100%), each coloured on the share scale. */
export function shareBars(label: string, names: string[], values: number[]): HTMLElement {
  const { box, canvas } = canvasBox(label, "chart-bars");
  box.style.height = `${Math.max(3, names.length) * 24 + 48}px`;
  new Chart(canvas, {
    type: "bar",
    data: { labels: names, datasets: [{ label, data: values.map((v) => v * 100), backgroundColor: values.map(shareColor), borderColor: "#333333", borderWidth: 0.5 }] },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } }, y: { ticks: { autoSkip: false } } },
      plugins: { tooltip: { callbacks: { label: (item: TooltipItem<"bar">) => percent((item.raw as number) / 100) } } },
    },
  });
  return box;
}

/** One mark of {@link reachMap}: a place, with its reach (regions) or nothing (service points). */
export interface MapMark {
  x: number;
  y: number;
  name: string;
  reach?: number | null;
}

/**
 * Regions (circles coloured by reach) and service points (black triangles) at their longitude and latitude, the
 * longitude scaled by the cosine of the mean latitude so that distances look right.
 */
export function reachMap(label: string, regions: MapMark[], points: MapMark[]): HTMLElement {
  const { box, canvas } = canvasBox(label, "chart-map");
  const all = [...regions, ...points];
  const width = Math.max(...all.map((m) => m.x)) - Math.min(...all.map((m) => m.x));
  const height = Math.max(...all.map((m) => m.y)) - Math.min(...all.map((m) => m.y));
  const aspect = height > 0 ? Math.min(2, Math.max(0.75, width / height)) : 1.5;
  box.style.aspectRatio = String(aspect);
  const describe = (item: TooltipItem<"scatter">) => {
    const mark = item.raw as MapMark;
    return mark.reach === undefined ? `${mark.name} (service point)` : `${mark.name}: reach ${percent(mark.reach)}`;
  };
  new Chart(canvas, {
    type: "scatter",
    data: {
      datasets: [
        { label: "Regions", order: 1, data: regions, pointBackgroundColor: regions.map((m) => shareColor(m.reach ?? null)), pointBorderColor: "#333333", pointBorderWidth: 0.5, pointRadius: regions.length > 300 ? 4 : 7 },
        { label: "Service points", order: 0, data: points, pointStyle: "triangle", pointBackgroundColor: COLORS.point, pointBorderColor: COLORS.point, pointRadius: points.length > 300 ? 1.8 : 4 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: "east–west (longitude, scaled)" }, ticks: { display: false } }, y: { title: { display: true, text: "north–south (latitude)" }, ticks: { display: false } } },
      plugins: { tooltip: { callbacks: { label: describe } } },
    },
  });
  return box;
}
