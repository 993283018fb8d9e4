import { ChannelKind, COVERAGE_DEFAULTS, scoreCoverage, type CatchmentMethod, type CoverageOptions, type CoverageReport, type CoverageRow } from "../../index.js";
import { checkChoices, commaList, defineModelCommand, numberOption, type CommandDef, type OptionValues } from "../command.js";
import { CSV_FORMATS, renderCsv, renderReport } from "../render.js";
import { coverageFails, renderCoverage } from "../sections/coverage.js";

const METHODS = ["2sfca", "e2sfca", "3sfca", "gravity"] as const;
const TABLES = ["gaps", "need", "region", "segment", "department"] as const;

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

function options(values: OptionValues, command: CommandDef): CoverageOptions {
  const out: CoverageOptions = {};
  const maxCost = numberOption(values, "max-cost", command, (n) => n >= 0, "a non-negative number");
  if (maxCost !== undefined) out.maxCost = maxCost;
  if (values.method !== undefined) out.method = values.method as CatchmentMethod;
  if (typeof values.channels === "string") {
    const kinds = commaList(values.channels);
    checkChoices(kinds, ChannelKind.options, "channel kind", command);
    out.channels = kinds as ChannelKind[];
  }
  if (values["include-planned"]) out.includePlanned = true;
  return out;
}

/** `govgraph coverage [file]`: who is reached, where, through which channel, with what capacity; the gaps. @internal */
export const coverage: CommandDef = defineModelCommand({
  name: "coverage",
  summary: "Score service coverage: reach and capacity by need, region, segment, department; gaps; Gini",
  options: {
    "max-cost": { type: "string", valueHint: "N", description: `Travel cost (minutes or km) within which a service point reaches a region (default ${COVERAGE_DEFAULTS.maxCost})` },
    method: { type: "string", valueHint: METHODS.join("|"), choices: METHODS, description: "Floating catchment that shares out point capacity (default 2sfca)" },
    channels: { type: "string", valueHint: "KIND,KIND", description: `Channel kinds counted as remote (default ${COVERAGE_DEFAULTS.channels.join(",")})` },
    "include-planned": { type: "boolean", description: "Count planned services as active" },
    table: { type: "string", valueHint: TABLES.join("|"), choices: TABLES, description: "The table --format csv writes (default gaps)" },
  },
  formats: CSV_FORMATS,
  examples: ["", "model.json --max-cost 45 --method e2sfca", "model.json --format csv --table region --out coverage.csv", "model.json --fail-on gaps"],
  run({ name, model }, { values, format, failOn }) {
    const report = scoreCoverage(model, options(values, coverage));
    const table = (values.table as (typeof TABLES)[number] | undefined) ?? "gaps";
    const output = format === "csv" ? coverageCsv(report, table) : renderReport(report, format, `Coverage: ${name}`, renderCoverage);
    return { output, exitCode: coverageFails(report, failOn) ? 3 : 0 };
  },
});
