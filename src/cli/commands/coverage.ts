import { ChannelKind, COVERAGE_DEFAULTS, scoreCoverage, type CatchmentMethod, type CoverageOptions, type CoverageReport, type CoverageRow } from "../../index.js";
import { defineCommand, loadModel, UsageError, type CommandDef, type FailOn } from "../_command.js";
import { percent, plural, renderHeading, renderCsv, renderJson, renderTable, type Format } from "../_render.js";
import type { AnalyzeSection } from "./analyze.js";

const METHODS = ["2sfca", "e2sfca", "3sfca", "gravity"] as const;
const TABLES = ["gaps", "need", "region", "segment", "department"] as const;
/** Rows of the longer tables (regions, departments, gaps) shown in text and Markdown; JSON and CSV have them all. */
const SHOWN = 20;

const volume = (x: number) => (Number.isInteger(x) ? x : Number(x.toFixed(1)));
const row = (id: string | null, r: CoverageRow) => [id ?? "(everyone)", volume(r.demand), percent(r.reach), percent(r.capacity)];
const lowest = <R extends CoverageRow>(rows: readonly R[]) => [...rows].sort((a, b) => a.reach - b.reach || a.capacity - b.capacity).slice(0, SHOWN);
const more = (total: number, shown: number) => (total > shown ? `… and ${total - shown} more (--format json or csv lists them all)\n\n` : "");

/** Renders a coverage report: totals, needs, segments, the least covered regions and departments, the largest gaps. @internal */
export function renderCoverage(r: CoverageReport, format: Format): string {
  const header = ["demand", "reach", "capacity"];
  return (
    renderTable(
      ["measure", "value"],
      [
        ["demand (cases a year)", volume(r.demand)],
        ["reach", percent(r.reach)],
        ["capacity", percent(r.capacity)],
        ["Gini of regional reach", Number(r.gini.toFixed(4))],
        ["gaps", `${plural(r.gaps.length, "cell")}, ${volume(r.gaps.reduce((s, g) => s + g.volume, 0))} cases a year`],
      ],
      format,
    ) +
    renderTable(["need", ...header], r.byNeed.map((x) => row(x.needId, x)), format) +
    renderTable(["segment", ...header], r.bySegment.map((x) => row(x.segmentId, x)), format) +
    renderTable([r.byRegion.length > SHOWN ? "least reached regions" : "region", ...header], lowest(r.byRegion).map((x) => row(x.regionId, x)), format) +
    more(r.byRegion.length, SHOWN) +
    renderTable(
      [r.byDepartment.length > SHOWN ? "least reaching departments" : "department", ...header],
      lowest(r.byDepartment).map((x) => row(x.departmentId, x)),
      format,
    ) +
    more(r.byDepartment.length, SHOWN) +
    (r.gaps.length === 0
      ? "No gaps: every demand cell is reached.\n\n"
      : renderTable(
          ["gap: need", "region", "segment", "cases a year"],
          r.gaps.slice(0, SHOWN).map((g) => [g.needId, g.regionId, g.segmentId ?? "(everyone)", volume(g.volume)]),
          format,
        ) + more(r.gaps.length, SHOWN))
  );
}

/** One table of a coverage report as CSV (RFC 4180). @internal */
export function coverageCsv(r: CoverageReport, table: (typeof TABLES)[number]): string {
  const lines: (string | number | null)[][] = [];
  if (table === "gaps") {
    lines.push(["needId", "regionId", "segmentId", "volume"]);
    for (const g of r.gaps) lines.push([g.needId, g.regionId, g.segmentId, g.volume]);
  } else {
    const key = `${table}Id`;
    const rows = { need: r.byNeed, region: r.byRegion, segment: r.bySegment, department: r.byDepartment }[table] as unknown as (CoverageRow & Record<string, string | null>)[];
    lines.push([key, "demand", "reach", "capacity"]);
    for (const x of rows) lines.push([x[key]!, x.demand, x.reach, x.capacity]);
  }
  return renderCsv(lines);
}

const fails = (r: CoverageReport, failOn: readonly FailOn[]) => failOn.includes("gaps") && r.gaps.length > 0;

/** The coverage section of `govgraph analyze` (default options). @internal */
export const coverageSection: AnalyzeSection<CoverageReport> = {
  id: "coverage",
  title: "Coverage",
  run: (model) => scoreCoverage(model),
  text: (r) => renderCoverage(r, "text"),
  md: (r) => renderCoverage(r, "md"),
  fails,
};

function options(values: Record<string, string | boolean | string[] | undefined>, command: CommandDef): CoverageOptions {
  const out: CoverageOptions = {};
  if (values["max-cost"] !== undefined) {
    const n = Number(values["max-cost"]);
    if (!(n >= 0) || String(values["max-cost"]).trim() === "") throw new UsageError(`coverage: --max-cost "${String(values["max-cost"])}" is not a non-negative number.`, command);
    out.maxCost = n;
  }
  if (values.method !== undefined) out.method = values.method as CatchmentMethod;
  if (typeof values.channels === "string") {
    const kinds = values.channels.split(",").map((c) => c.trim()).filter(Boolean);
    const bad = kinds.filter((k) => !(ChannelKind.options as readonly string[]).includes(k));
    if (bad.length) throw new UsageError(`coverage: unknown channel kind ${bad.map((b) => `"${b}"`).join(", ")}. Use ${ChannelKind.options.join(", ")}.`, command);
    out.channels = kinds as ChannelKind[];
  }
  if (values["include-planned"]) out.includePlanned = true;
  return out;
}

/** `govgraph coverage [file]`: who is reached, where, through which channel, with what capacity; the gaps. @internal */
export const coverage: CommandDef = defineCommand({
  name: "coverage",
  summary: "Score service coverage: reach and capacity by need, region, segment, department; gaps; Gini",
  args: [{ name: "file", description: "A model JSON file (default: the bundled example)" }],
  options: {
    "max-cost": { type: "string", valueHint: "N", description: `Travel cost (minutes or km) within which a service point reaches a region (default ${COVERAGE_DEFAULTS.maxCost})` },
    method: { type: "string", valueHint: METHODS.join("|"), choices: METHODS, description: "Floating catchment that shares out point capacity (default 2sfca)" },
    channels: { type: "string", valueHint: "KIND,KIND", description: `Channel kinds counted as remote (default ${COVERAGE_DEFAULTS.channels.join(",")})` },
    "include-planned": { type: "boolean", description: "Count planned services as active" },
    table: { type: "string", valueHint: TABLES.join("|"), choices: TABLES, description: "The table --format csv writes (default gaps)" },
  },
  formats: ["text", "json", "md", "csv"],
  examples: [
    "govgraph coverage",
    "govgraph coverage model.json --max-cost 45 --method e2sfca",
    "govgraph coverage model.json --format csv --table region --out coverage.csv",
    "govgraph coverage model.json --fail-on gaps",
  ],
  run({ positionals, values, format, failOn, io }) {
    const { source, model } = loadModel(io, positionals[0]);
    const report = scoreCoverage(model, options(values, coverage));
    const exitCode = fails(report, failOn) ? 3 : 0;
    if (format === "json") return { output: renderJson(report), exitCode };
    if (format === "csv") return { output: coverageCsv(report, (values.table as (typeof TABLES)[number] | undefined) ?? "gaps"), exitCode };
    return { output: renderHeading(`Coverage: ${model.meta?.name ?? source}`, format, 1) + renderCoverage(report, format).replace(/\n+$/, "\n"), exitCode };
  },
});
