import { compareModels, PILLARS, type ComparisonReport, type Delta, type RecordKeyValue } from "../../index.js";
import { defineCommand } from "../command.js";
import { exampleOr, loadModel } from "../load-model.js";
import { renderDocument, renderJson, renderTable, type Cell, type Format } from "../render.js";

/** Ids listed per collection in text and Markdown (JSON lists them all). @internal */
const LIST = 8;

const fmt = (x: number | null) => (x === null ? "–" : Number.isInteger(x) ? String(x) : x.toFixed(3));
const signed = (d: Delta) => (d.delta === null ? "–" : d.delta === 0 ? "0" : (d.delta > 0 ? "+" : "") + fmt(d.delta));
const row = (name: string, d: Delta): Cell[] => [name, fmt(d.before), fmt(d.after), signed(d)];
const keyText = (k: RecordKeyValue) => (typeof k === "string" ? k : `${k[0]} -> ${k[1]}`);

/** Renders a comparison: the scorecard in full, then every indicator that moved, then the records that differ. @internal */
export function renderComparison(r: ComparisonReport, format: Format): string {
  let out = renderTable(
    ["scorecard", "before", "after", "change"],
    [...PILLARS.map((id) => row(id, r.scorecard.pillars[id])), row("composite", r.scorecard.composite)],
    format,
  );
  const groups: [string, Record<string, Delta>][] = [
    ["journeys (demand-weighted)", r.journeys],
    ["openness", r.openness],
    ["staffing", r.staffing],
    ["duplication", r.duplication],
    ["coverage", r.coverage],
  ];
  const moved: Cell[][] = [];
  let still = 0;
  for (const [group, deltas] of groups) {
    for (const [name, d] of Object.entries(deltas)) {
      if (d.delta === 0 || (d.before === null && d.after === null)) still++;
      else moved.push(row(`${group}: ${name}`, d));
    }
  }
  out += moved.length ? renderTable(["indicator", "before", "after", "change"], moved, format) : "";
  out += `${still} other indicator(s) unchanged.\n\n`;
  if (r.journeyChanges.length > 0) {
    out += renderTable(
      ["journey", "what moved"],
      r.journeyChanges.map((j) => [j.needId, Object.entries(j.deltas).map(([k, d]) => `${k} ${signed(d)}`).join(", ") || "added or removed"]),
      format,
    );
  }
  const records = Object.entries(r.records);
  if (records.length === 0) return out + "No record differs.\n\n";
  const list = (what: string, keys: RecordKeyValue[]) =>
    keys.length === 0 ? [] : [`${what} ${keys.length}: ${keys.slice(0, LIST).map(keyText).join(", ")}${keys.length > LIST ? ", ..." : ""}`];
  return (
    out +
    renderTable(
      ["records", "what differs"],
      records.map(([c, x]) => [c, [...list("added", x.added), ...list("removed", x.removed), ...list("changed", x.changed)].join("; ")]),
      format,
    )
  );
}

/** `govgraph compare A B`: what moved between two models. @internal */
export const compare = defineCommand({
  name: "compare",
  summary: "Compare two models: the change of every indicator, and the records added, removed or changed",
  args: [{ name: "before", description: "The model before (with one file only: the bundled example)" }, { name: "after", description: "The model after" }],
  options: {},
  examples: ["before.json after.json", "after.json   # against the bundled example", "a.json b.json --format json"],
  run({ positionals, format, io }) {
    const [beforeFile, afterFile] = exampleOr(positionals);
    const before = loadModel(io, beforeFile);
    const after = loadModel(io, afterFile);
    const report = compareModels(before.model, after.model);
    if (format === "json") return { output: renderJson({ before: before.source, after: after.source, ...report }) };
    return { output: renderDocument(`${before.source} -> ${after.source}`, renderComparison(report, format), format) };
  },
});
