import type { CoverageRow, GapRow, ReportData } from "../../data/types.js";
import { reachMap, shareBars, type MapMark } from "../charts.js";
import { block, h } from "../dom.js";
import { fixed, NO_DATA, number, percent } from "../format.js";
import type { Names } from "../names.js";
import { dataTable, type Column } from "../table.js";

/** Bars drawn per chart: the lowest reach first; the table after the chart lists every row. */
const MAX_BARS = 20;

function lowest(rows: CoverageRow[], name: (i: number) => string, what: string): HTMLElement {
  const measured = rows.filter((r) => r[2] !== null).sort((a, b) => a[2]! - b[2]! || b[1] - a[1]).slice(0, MAX_BARS);
  const caption = rows.length > measured.length ? `The ${number(measured.length)} ${what} with the lowest reach, of ${number(rows.length)}; the table below lists them all.` : `Reach of each of the ${number(rows.length)} ${what}, lowest first; the table below has the same numbers.`;
  return h("figure", {}, shareBars(`Reach by ${what}, lowest first`, measured.map((r) => name(r[0])), measured.map((r) => r[2]!)), h("figcaption", {}, caption));
}

function rowsTable(caption: string, label: string, name: (i: number) => string, rows: CoverageRow[]): HTMLElement {
  const columns: Column<CoverageRow>[] = [
    { label, value: (r) => name(r[0]) },
    { label: "Cases a year", value: (r) => r[1], show: (r) => number(r[1]), numeric: true },
    { label: "Reach", value: (r) => r[2], show: (r) => percent(r[2]), numeric: true, cellClass: (r) => (r[2] === null ? "no-data" : undefined) },
    { label: "Within capacity", value: (r) => r[3], show: (r) => percent(r[3]), numeric: true },
  ];
  return dataTable({ caption, columns, rows, sort: { column: 2 }, empty: "No demand." });
}

function map(data: ReportData, names: Names): HTMLElement | null {
  const c = data.coverage;
  const reach = new Map(c.byRegion.map((r) => [r[0], r[2]]));
  const located = c.byRegion.map((r) => r[0]).filter((i) => data.regions.lat[i] !== null);
  if (located.length === 0 && c.points.lat.length === 0) return null;
  const lats = [...located.map((i) => data.regions.lat[i]!), ...c.points.lat];
  const cos = Math.cos(((lats.reduce((a, b) => a + b, 0) / lats.length) * Math.PI) / 180);
  const regions: MapMark[] = located.map((i) => ({ x: data.regions.lon[i]! * cos, y: data.regions.lat[i]!, name: names.region(i), reach: reach.get(i) ?? null }));
  const points: MapMark[] = c.points.lat.map((lat, k) => ({ x: c.points.lon[k]! * cos, y: lat, name: c.points.names[k]! }));
  const legend = h("ul", { class: "legend", "aria-label": "Legend" },
    h("li", {}, h("span", { class: "swatch sw-gradient", "aria-hidden": "true" }), "region, coloured by reach: dark purple 0%, yellow 100%"),
    h("li", {}, h("span", { class: "swatch sw-point", "aria-hidden": "true" }), "service point"));
  return h("figure", {}, reachMap(`Map of ${number(regions.length)} regions coloured by reach and ${number(points.length)} service points`, regions, points), legend,
    h("figcaption", {}, "Regions and service points at their coordinates (no map tiles: the file works offline). The region tables list the same reach."));
}

/** The coverage section: reach by region and need as bars and a map, then the tables and the largest gaps. */
export function mountCoverage(root: HTMLElement, data: ReportData, names: Names): void {
  const c = data.coverage;
  const gapVolume = c.gaps.reduce((s, g) => s + g[3], 0);
  root.append(
    h("p", { class: "headline" },
      c.reach === null ? `Reach: ${NO_DATA}${c.reason && c.reason !== NO_DATA ? ` (${c.reason})` : ""}. ` : `Reach ${percent(c.reach)} of ${number(c.demand)} cases a year; within capacity ${percent(c.capacity)}; Gini of regional reach ${fixed(c.gini, 3)} (0 = even). `,
      c.gapCount === 0 ? (c.reach === null ? "" : "No gap: every demand cell is reached.") : `${number(c.gapCount)} gaps${c.gapCount > c.gaps.length ? ` (the ${number(c.gaps.length)} largest shown)` : ""}, ${number(Math.round(gapVolume))} cases a year unreached.`),
  );
  const figure = map(data, names);
  root.append(
    h("div", { class: "charts" }, lowest(c.byRegion, (i) => names.region(i), "regions"), lowest(c.byNeed, (i) => names.need(i), "needs")),
    figure ?? h("p", { class: "note" }, "No region or service point has a location, so there is no map."),
    block("Largest gaps", "Demand no active service reaches: a need, in a region, for an audience, with its cases a year.",
      dataTable<GapRow>({
        caption: "Unreached demand, largest first",
        columns: [
          { label: "Need", value: (g) => names.need(g[0]) },
          { label: "Region", value: (g) => names.region(g[1]) },
          { label: "Audience", value: (g) => names.segment(g[2]) },
          { label: "Cases a year", value: (g) => g[3], show: (g) => number(g[3]), numeric: true },
        ],
        rows: c.gaps,
        sort: { column: 3, descending: true },
        empty: "No gap.",
      })),
    block("Reach by region", null, rowsTable("Reach by region, lowest first", "Region", (i) => names.region(i), c.byRegion)),
    block("Reach by need", null, rowsTable("Reach by need, lowest first", "Need", (i) => names.need(i), c.byNeed)),
    block("Reach by audience", null, rowsTable("Reach by audience (segment), lowest first", "Audience", (i) => names.segment(i), c.bySegment)),
    block("Reach by department", "The demand each department's services are meant for, and the share its own services reach.", rowsTable("Reach by competent department, lowest first", "Department", (i) => names.department(i), c.byDepartment)),
  );
}
