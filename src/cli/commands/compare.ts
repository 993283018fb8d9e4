import { compareModels, PILLARS, type ComparisonReport, type Delta, type RecordKeyValue } from "../../index.js";
import { defineCommand } from "../command.js";
import { progress, type CliIo } from "../io.js";
import { exampleOr, loadModel, type LoadedModel } from "../load-model.js";
import { Names, type NameKind } from "../names.js";
import { documentResult } from "../output.js";
import { TABLE_OPTION, VIEW_OPTIONS } from "../output-options.js";
import { heading, paragraph, table, type Block } from "../render/document.js";
import { count, formatCount, formatDecimal, formatPercent, signed, type Value } from "../render/numbers.js";
import type { Cell } from "../render/table.js";

/** Records listed per change in text and Markdown (CSV lists them all). */
const LIST = 8;

/** Whether an indicator of the comparison is a share (shown in percent, its change in percentage points). */
const isShare = (key: string) => /(Share|Rate)$/.test(key) || ["reach", "capacity", "share", "efficiency", "staffInMuchStaffLittleWork"].includes(key);
/** The precision of an indicator: shares in percent (changes in points), scores one decimal, counts whole. */
function formatOf(key: string, d: Delta): { value: (x: number) => string; change: (x: number) => string } {
  if (isShare(key)) return { value: formatPercent, change: (x) => `${formatDecimal(x * 100, 1)} pp` };
  const digits = key === "score" ? 1 : key === "gini" ? 3 : [d.before, d.after].every((x) => x === null || Number.isInteger(x)) ? 0 : 2;
  const f = (x: number) => formatDecimal(x, digits);
  return { value: f, change: f };
}

const value = (x: number | null, f: (x: number) => string): Value => ({ text: x === null ? "–" : f(x), value: x, right: true });
function row(name: string, key: string, d: Delta): Cell[] {
  const f = formatOf(key, d);
  return [name, value(d.before, f.value), value(d.after, f.value), signed(d.delta, f.change)];
}

const KINDS: Partial<Record<string, NameKind>> = { departments: "department", functions: "function", needs: "need", regions: "region", segments: "segment", services: "service", evidence: "evidence" };

/** A record by name and id (`Tax bureau (d-tax)`), or its key when it has no name. */
function recordLabel(names: Names, collection: string, key: RecordKeyValue): string {
  if (typeof key !== "string") return `${key[0]} -> ${key[1]}`;
  const kind = KINDS[collection];
  const name = kind ? names.of(kind, key) : undefined;
  return name && name !== key ? `${name} (${key})` : key;
}

function recordsTable(r: ComparisonReport, names: Names): Block {
  const rows: Cell[][] = [];
  for (const [collection, changes] of Object.entries(r.records)) {
    for (const change of ["added", "removed", "changed"] as const) {
      const keys = changes[change];
      if (keys.length === 0) continue;
      const shown = keys.slice(0, LIST).map((k) => recordLabel(names, collection, k)).join("; ");
      const all = keys.map((k) => (typeof k === "string" ? k : k.join(">"))).join("|");
      rows.push([collection, change, count(keys.length), { text: keys.length > LIST ? `${shown}; +${keys.length - LIST} more` : shown, value: all, right: false }]);
    }
  }
  return table("compare-records", ["records", "change", "count", { label: "which", csv: "keys" }], rows, { empty: "No record differs." });
}

/** Renders a comparison: the scorecard in full, then every indicator that moved, then the records that differ. @internal */
export function renderComparison(r: ComparisonReport, names: Names): Block[] {
  const blocks: Block[] = [
    table("compare-scorecard", ["scorecard (0-100)", "before", "after", "change"], [...PILLARS.map((id) => row(id, "score", r.scorecard.pillars[id])), row("composite", "score", r.scorecard.composite)], { whole: true }),
  ];
  const groups: [string, Record<string, Delta>][] = [
    ["journeys (weighted by demand)", r.journeys],
    ["openness", r.openness],
    ["staffing", r.staffing],
    ["duplication", r.duplication],
    ["coverage", r.coverage],
  ];
  const moved: Cell[][] = [];
  let still = 0;
  for (const [group, deltas] of groups) {
    for (const [key, d] of Object.entries(deltas)) {
      if (d.delta === 0 || (d.before === null && d.after === null)) still++;
      else moved.push(row(`${group}: ${key}`, key, d));
    }
  }
  blocks.push(table("compare-indicators", ["indicator", "before", "after", "change"], moved, { empty: "No indicator moved." }));
  blocks.push(paragraph(`${formatCount(still)} other indicator(s) unchanged.`));
  const moves = (deltas: Record<string, Delta>) => Object.entries(deltas).map(([k, d]) => `${k} ${signed(d.delta, formatOf(k, d).change).text}`).join(", ") || "added or removed";
  blocks.push(
    table("compare-journeys", [{ label: "journey", csv: "needName" }, { label: "id", csv: "needId", only: "csv" }, "what moved"], r.journeyChanges.map((j) => [...names.pair("need", j.needId), moves(j.deltas)]), {
      empty: "No journey changed.",
    }),
    recordsTable(r, names),
  );
  return blocks;
}

/** `govgraph compare A B`: what moved between two models. @internal */
export const compare = defineCommand({
  name: "compare",
  summary: "Compare two models: the change of every indicator, and the records added, removed or changed",
  args: [{ name: "before", description: "The model before (with one file only: the bundled example)" }, { name: "after", description: "The model after" }],
  options: { ...VIEW_OPTIONS, ...TABLE_OPTION },
  examples: ["before.json after.json", "after.json   # against the bundled example", "a.json b.json --format json"],
  run(ctx) {
    const [before, after] = loadEach(ctx.io, exampleOr(ctx.positionals)) as [LoadedModel, LoadedModel];
    progress(ctx.io, "comparing...");
    const report = compareModels(before.model, after.model);
    return documentResult(ctx, {
      blocks: [heading(`${before.source} -> ${after.source}`, 1), ...renderComparison(report, new Names([after.model, before.model], true))],
      json: () => ({ before: before.source, after: after.source, ...report }),
    });
  },
});

/** Loads every file, so that the problems of both are reported when both are bad (an AggregateError). */
function loadEach(io: CliIo, files: readonly (string | undefined)[]): LoadedModel[] {
  const loaded: LoadedModel[] = [];
  const errors: unknown[] = [];
  for (const file of files) {
    try {
      loaded.push(loadModel(io, file));
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 1) throw new AggregateError(errors, `compare: ${errors.length} files have problems. Fix them and try again.`);
  if (errors.length === 1) throw errors[0];
  return loaded;
}
