import { DUPLICATION_DEFAULTS, type DuplicationOptions, type DuplicationPart, type DuplicationReport, type Model } from "../../index.js";
import { checkChoices, commaList, defineModelCommand, numberOption, UsageError, type CommandDef, type OptionValues } from "../command.js";
import { CSV_FORMATS, plural, renderCsv, renderReport } from "../render.js";
import { duplicationFails, findDuplicates, renderDuplicates } from "../sections/duplication.js";

const PARTS = DUPLICATION_DEFAULTS.include;
const TABLES = ["duplication", "fragmentation", "overlap", "near"] as const;

/** One table of the duplication report as CSV (RFC 4180; lists are `|`-separated). @internal */
export function duplicatesCsv(r: DuplicationReport, table: (typeof TABLES)[number]): string {
  const lines: (string | number)[][] = [];
  const join = (ids: readonly string[]) => ids.join("|");
  if (table === "duplication") {
    lines.push(["kind", "ids", "scope", "departmentIds", "regionIds", "functionIds", "segmentIds"]);
    for (const d of r.duplication) {
      if (d.kind === "function") lines.push([d.kind, d.id, d.scope, join(d.departmentIds), join(d.regionIds), d.id, ""]);
      else lines.push([d.kind, join(d.ids), d.scope, join(d.departmentIds), join(d.shared.regionIds), join(d.shared.functionIds), join(d.shared.segmentIds)]);
    }
  } else if (table === "fragmentation") {
    lines.push(["kind", "id", "regionId", "departmentIds", "hhi", "effectiveNumber"]);
    for (const f of r.fragmentation) lines.push([f.kind, f.id, f.regionId, join(f.departmentIds), f.hhi, f.effectiveNumber]);
  } else if (table === "overlap") {
    lines.push(["departmentA", "departmentB", "basis", "score", "shared"]);
    for (const o of r.overlap) lines.push([o.departmentIds[0], o.departmentIds[1], o.basis, o.score, join(o.shared)]);
  } else {
    lines.push(["functionA", "functionB", "similarity"]);
    for (const n of r.nearDuplicateFunctions) lines.push([n.functionIds[0], n.functionIds[1], n.similarity]);
  }
  return renderCsv(lines);
}

/** Names of functions and needs, keyed `function:id` and `need:id`, shown beside their ids. */
const recordNames = (model: Model) =>
  new Map<string, string>([...model.functions.map((f) => [`function:${f.id}`, f.name] as const), ...model.needs.map((n) => [`need:${n.id}`, n.name] as const)]);

const inUnitInterval = (n: number) => n > 0 && n <= 1;

function options(values: OptionValues, command: CommandDef): DuplicationOptions {
  const out: DuplicationOptions = {};
  const overlap = numberOption(values, "overlap-threshold", command, inUnitInterval, "a number in (0, 1]");
  if (overlap !== undefined) out.overlapThreshold = overlap;
  const near = numberOption(values, "near-threshold", command, inUnitInterval, "a number in (0, 1]");
  if (near !== undefined) out.nearDuplicateThreshold = near;
  if (values.scope !== undefined) out.scope = values.scope as DuplicationOptions["scope"];
  if (typeof values.roles === "string") {
    const roles = commaList(values.roles);
    if (roles.length === 0 || roles.some((x) => x !== "lead" && x !== "support")) throw new UsageError(`duplicates: --roles "${values.roles}" must list lead and/or support.`, command);
    out.roles = roles as ("lead" | "support")[];
  }
  if (typeof values.include === "string") {
    const parts = commaList(values.include);
    checkChoices(parts, PARTS, "part", command);
    out.include = parts as DuplicationPart[];
  }
  return out;
}

/** `govgraph duplicates [file]`: duplicated, fragmented and overlapping responsibilities, and what to merge. @internal */
export const duplicates: CommandDef = defineModelCommand({
  name: "duplicates",
  summary: "Find duplicated, fragmented and overlapping responsibilities (GAO-15-49SP), near-duplicate functions, merge candidates",
  options: {
    "overlap-threshold": { type: "string", valueHint: "N", description: `Jaccard similarity at which two departments overlap (default ${DUPLICATION_DEFAULTS.overlapThreshold})` },
    "near-threshold": { type: "string", valueHint: "N", description: `Name similarity at which two functions are near-duplicates (default ${DUPLICATION_DEFAULTS.nearDuplicateThreshold})` },
    scope: { type: "string", valueHint: "horizontal|vertical|both", choices: ["horizontal", "vertical", "both"], description: "Which duplication to report (default both)" },
    roles: { type: "string", valueHint: "lead,support", description: "Roles counted as holding a function in fragmentation and overlap (default both)" },
    include: { type: "string", valueHint: "PART,PART", description: `Parts to compute (default all: ${PARTS.join(", ")})` },
    table: { type: "string", valueHint: TABLES.join("|"), choices: TABLES, description: "The table --format csv writes (default duplication)" },
  },
  formats: CSV_FORMATS,
  examples: ["", "model.json --scope vertical --format md", "model.json --format csv --table fragmentation --out fragmentation.csv", "model.json --fail-on duplication"],
  run({ name, model }, { values, format, failOn }) {
    const report = findDuplicates(model, options(values, duplicates));
    const exitCode = duplicationFails(report, failOn) ? 3 : 0;
    if (format === "csv") return { output: duplicatesCsv(report, (values.table as (typeof TABLES)[number] | undefined) ?? "duplication"), exitCode };
    const found = report.summary.duplication;
    const title = `Duplication: ${name} (${found === null ? "duplication not computed" : plural(found, "finding")})`;
    return { output: renderReport(report, format, title, (r, f) => renderDuplicates(r, f, recordNames(model))), exitCode };
  },
});
