import type { CompareData, DeltaRow, ReportData } from "../../data/types.js";
import { block, h } from "../dom.js";
import { fixed, number, percent, score, signed } from "../format.js";
import { barChart } from "../svg-bars.js";
import { dataTable } from "../table.js";

/** A value as its size suggests: scores and counts with one decimal at most, other numbers with three. */
const value = (x: number | null) => (x === null ? "no data" : Math.abs(x) >= 10 || Number.isInteger(x) ? number(Math.round(x * 10) / 10) : fixed(x, 3));
/** Shares (rates, reach, capacity) read as percentages. */
const isShare = (row: DeltaRow) => /share|rate|reach|capacity|efficiency/i.test(row[0]) && Math.max(Math.abs(row[1] ?? 0), Math.abs(row[2] ?? 0)) <= 1;
/** `onceOnlyRate` as "once only rate". */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

function deltaTable(caption: string, rows: DeltaRow[], show: (x: number | null, row: DeltaRow) => string): HTMLElement {
  return dataTable<DeltaRow>({
    caption,
    columns: [
      { label: "Indicator", value: (r) => words(r[0]) },
      { label: "Before", value: (r) => r[1], show: (r) => show(r[1], r), numeric: true },
      { label: "After", value: (r) => r[2], show: (r) => show(r[2], r), numeric: true },
      { label: "Change", value: (r) => r[3], show: (r) => signed(r[3], (x) => show(x, r)), numeric: true, cellClass: (r) => (r[3] === null ? "no-data" : undefined) },
    ],
    rows,
  });
}

/** The before/after section of a scenario: the pillars side by side, then every indicator that moved. */
export function mountCompare(root: HTMLElement, data: ReportData): void {
  const c = data.compare;
  if (!c) return;
  const rows = [...c.pillars, c.composite];
  root.append(
    h("p", { class: "headline" }, `Before: ${c.before}. After: ${c.after}. Composite ${score(c.composite[1])} → ${score(c.composite[2])} (${signed(c.composite[3], (x) => x.toFixed(1))}).`),
    h("figure", {}, barChart("Pillar scores before and after, out of 100", rows.map((r) => ({ label: r[0], values: [r[1], r[2]], texts: [score(r[1]), score(r[2])] })), 100, ["Before", "After"]),
      h("figcaption", {}, "Each pillar before (light) and after (dark); the table below gives the same numbers.")),
    block("Scorecard, before and after", null, deltaTable("Pillar scores before and after", rows, score)),
    ...c.groups.map((g) => block(g.name, null, deltaTable(`${g.name}: indicators that moved`, g.rows, (x, r) => (isShare(r) ? percent(x) : value(x))))),
    h("p", { class: "note" }, `${number(c.unchanged)} other indicators did not move.`),
    block("Journeys that changed", null, dataTable<{ need: string; moved: string }>({
      caption: "Journeys whose indicators moved",
      columns: [
        { label: "Life event", value: (r) => r.need },
        { label: "What moved", value: (r) => r.moved },
      ],
      rows: c.journeys,
      empty: "No journey changed.",
    })),
    block("Records that differ", null, dataTable<CompareData["records"][number]>({
      caption: "Records added, removed or changed, by collection",
      columns: [
        { label: "Collection", value: (r) => r.collection },
        { label: "Added", value: (r) => r.added, numeric: true },
        { label: "Removed", value: (r) => r.removed, numeric: true },
        { label: "Changed", value: (r) => r.changed, numeric: true },
        { label: "For example", value: (r) => r.examples.join(", ") },
      ],
      rows: c.records,
      empty: "No record differs.",
    })),
  );
}
