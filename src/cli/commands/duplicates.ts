import {
  DUPLICATION_DEFAULTS,
  type ConsolidationReport,
  type DuplicationOptions,
  type DuplicationPart,
  type DuplicationReport,
  type Model,
} from "../../index.js";
import { analyzeDuplication } from "../../analyses/duplication/find-duplication.js";
import { consolidate } from "../../analyses/consolidation/suggest-consolidation.js";
import { defineCommand, loadModel, UsageError, type CommandDef, type FailOn } from "../_command.js";
import { percent, plural, renderHeading, renderCsv, renderJson, renderTable, type Format } from "../_render.js";
import type { AnalyzeSection } from "./analyze.js";

const PARTS = DUPLICATION_DEFAULTS.include;
const TABLES = ["duplication", "fragmentation", "overlap", "near"] as const;
/** Rows of each table shown in text and Markdown; JSON and CSV have them all. */
const SHOWN = 20;

/** The duplication report with the consolidation suggestions drawn from it. @internal */
export interface DuplicatesReport extends DuplicationReport {
  consolidation: ConsolidationReport;
}

const list = (ids: readonly string[], max = 4) => (ids.length <= max ? ids.join(", ") : `${ids.slice(0, max).join(", ")} +${ids.length - max}`);
const more = (total: number) => (total > SHOWN ? `… and ${total - SHOWN} more (--format json or csv lists them all)\n\n` : "");

/** Renders the duplication report and the consolidation suggestions as text or Markdown. @internal */
export function renderDuplicates(r: DuplicatesReport, format: Format, names: ReadonlyMap<string, string> = new Map()): string {
  const s = r.summary;
  let out = renderTable(
    ["measure", "value"],
    [
      ["functions held", s.heldFunctions],
      ["duplicated functions", `${s.duplicatedFunctions} (${percent(s.duplicatedShare)})`],
      ["fragmented functions", `${s.fragmentedFunctions} (${percent(s.fragmentedShare)})`],
      ["fragmented needs", s.fragmentedNeeds],
      ["duplicated services", s.duplicatedServices],
      ["duplication findings", s.duplication],
      ["fragmentation findings", s.fragmentation],
      ["overlapping department pairs", s.overlap],
      ["near-duplicate functions", s.nearDuplicateFunctions],
    ],
    format,
  );
  out +=
    r.duplication.length === 0
      ? "No duplication: no function is led twice, and no service repeated, in overlapping jurisdictions.\n\n"
      : renderTable(
          ["duplication", "what", "scope", "departments", "where"],
          r.duplication
            .slice(0, SHOWN)
            .map((d) =>
              d.kind === "function"
                ? ["function", d.id, d.scope, list(d.departmentIds), list(d.regionIds, 3)]
                : ["service", list(d.ids, 3), d.scope, list(d.departmentIds), list(d.shared.regionIds, 3)],
            ),
          format,
        ) + more(r.duplication.length);
  const fragmented = [...r.fragmentation].sort((a, b) => b.effectiveNumber - a.effectiveNumber || a.hhi - b.hhi);
  if (fragmented.length > 0) {
    out +=
      renderTable(
        ["most fragmented", "kind", "jurisdiction", "departments", "HHI", "effective number"],
        fragmented.slice(0, SHOWN).map((f) => [names.get(`${f.kind}:${f.id}`) ?? f.id, f.kind, f.regionId, f.departmentIds.length, f.hhi, Number(f.effectiveNumber.toFixed(2))]),
        format,
      ) + more(fragmented.length);
  }
  const overlaps = [...r.overlap].sort((a, b) => b.score - a.score);
  if (overlaps.length > 0) {
    out +=
      renderTable(
        ["overlapping departments", "basis", "score", "shared"],
        overlaps.slice(0, SHOWN).map((o) => [o.departmentIds.join(" + "), o.basis, Number(o.score.toFixed(3)), list(o.shared, 3)]),
        format,
      ) + more(overlaps.length);
  }
  if (r.nearDuplicateFunctions.length > 0) {
    out +=
      renderTable(
        ["near-duplicate functions", "similarity"],
        r.nearDuplicateFunctions
          .slice(0, SHOWN)
          .map((n) => [n.functionIds.map((id) => (names.has(`function:${id}`) ? `${id} "${names.get(`function:${id}`)}"` : id)).join(" ~ "), Number(n.similarity.toFixed(3))]),
        format,
      ) + more(r.nearDuplicateFunctions.length);
  }
  const c = r.consolidation;
  if (c.clusters.length > 0) {
    out += renderTable(
      ["merge candidates", "departments", "removes duplication of", "staff", "budget"],
      c.clusters.slice(0, SHOWN).map((k, i) => [`#${i + 1}`, list(k.departmentIds), list(k.removesDuplication, 3) || "-", k.staff.actual || k.staff.authorized, k.budget]),
      format,
    );
  }
  if (c.smallDepartments.length > 0) {
    out += renderTable(
      ["small department", "functions", "staff", "could fold into", "because"],
      c.smallDepartments.slice(0, SHOWN).map((d) => [d.departmentId, d.functions, d.staff ?? "?", d.into, d.reason.replace(/_/g, " ")]),
      format,
    );
  }
  return out;
}

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

function duplicates_(model: Model, options: DuplicationOptions = {}): DuplicatesReport {
  // One analysis serves both reports: the duplication findings and the candidate pairs consolidation clusters.
  const analysis = analyzeDuplication(model, options, true);
  const consolidation = consolidate(
    model,
    {
      ...(options.overlapThreshold !== undefined ? { overlapThreshold: options.overlapThreshold } : {}),
      ...(options.roles ? { roles: options.roles } : {}),
    },
    analysis,
  );
  return { ...analysis.report, consolidation };
}

const functionNames = (model: Model) =>
  new Map<string, string>([...model.functions.map((f) => [`function:${f.id}`, f.name] as const), ...model.needs.map((n) => [`need:${n.id}`, n.name] as const)]);
const fails = (r: DuplicationReport, failOn: readonly FailOn[]) => failOn.includes("duplication") && r.duplication.length > 0;

/** The duplication section of `govgraph analyze` (default options). @internal */
export const duplicationSection: AnalyzeSection<DuplicatesReport> = {
  id: "duplication",
  title: "Duplication, fragmentation and overlap",
  run: (model) => duplicates_(model),
  text: (r) => renderDuplicates(r, "text"),
  md: (r) => renderDuplicates(r, "md"),
  fails,
};

function threshold(values: Record<string, string | boolean | string[] | undefined>, flag: string, command: CommandDef): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (String(raw).trim() === "" || !(n > 0 && n <= 1)) throw new UsageError(`duplicates: --${flag} "${String(raw)}" is not a number in (0, 1].`, command);
  return n;
}

function options(values: Record<string, string | boolean | string[] | undefined>, command: CommandDef): DuplicationOptions {
  const out: DuplicationOptions = {};
  const overlap = threshold(values, "overlap-threshold", command);
  if (overlap !== undefined) out.overlapThreshold = overlap;
  const near = threshold(values, "near-threshold", command);
  if (near !== undefined) out.nearDuplicateThreshold = near;
  if (values.scope !== undefined) out.scope = values.scope as DuplicationOptions["scope"];
  if (typeof values.roles === "string") {
    const roles = values.roles.split(",").map((x) => x.trim()).filter(Boolean);
    if (roles.length === 0 || roles.some((x) => x !== "lead" && x !== "support")) throw new UsageError(`duplicates: --roles "${values.roles}" must list lead and/or support.`, command);
    out.roles = roles as ("lead" | "support")[];
  }
  if (typeof values.include === "string") {
    const parts = values.include.split(",").map((x) => x.trim()).filter(Boolean);
    const bad = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
    if (bad.length > 0) throw new UsageError(`duplicates: unknown part ${bad.map((b) => `"${b}"`).join(", ")}. Use ${PARTS.join(", ")}.`, command);
    out.include = parts as DuplicationPart[];
  }
  return out;
}

/** `govgraph duplicates [file]`: duplicated, fragmented and overlapping responsibilities, and what to merge. @internal */
export const duplicates: CommandDef = defineCommand({
  name: "duplicates",
  summary: "Find duplicated, fragmented and overlapping responsibilities (GAO-15-49SP), near-duplicate functions, merge candidates",
  args: [{ name: "file", description: "A model JSON file (default: the bundled example)" }],
  options: {
    "overlap-threshold": { type: "string", valueHint: "N", description: `Jaccard similarity at which two departments overlap (default ${DUPLICATION_DEFAULTS.overlapThreshold})` },
    "near-threshold": { type: "string", valueHint: "N", description: `Name similarity at which two functions are near-duplicates (default ${DUPLICATION_DEFAULTS.nearDuplicateThreshold})` },
    scope: { type: "string", valueHint: "horizontal|vertical|both", choices: ["horizontal", "vertical", "both"], description: "Which duplication to report (default both)" },
    roles: { type: "string", valueHint: "lead,support", description: "Roles counted as holding a function in fragmentation and overlap (default both)" },
    include: { type: "string", valueHint: "PART,PART", description: `Parts to compute (default all: ${PARTS.join(", ")})` },
    table: { type: "string", valueHint: TABLES.join("|"), choices: TABLES, description: "The table --format csv writes (default duplication)" },
  },
  formats: ["text", "json", "md", "csv"],
  examples: [
    "govgraph duplicates",
    "govgraph duplicates model.json --scope vertical --format md",
    "govgraph duplicates model.json --format csv --table fragmentation --out fragmentation.csv",
    "govgraph duplicates model.json --fail-on duplication",
  ],
  run({ positionals, values, format, failOn, io }) {
    const { source, model } = loadModel(io, positionals[0]);
    const report = duplicates_(model, options(values, duplicates));
    const exitCode = fails(report, failOn) ? 3 : 0;
    if (format === "json") return { output: renderJson(report), exitCode };
    if (format === "csv") return { output: duplicatesCsv(report, (values.table as (typeof TABLES)[number] | undefined) ?? "duplication"), exitCode };
    const title = `Duplication: ${model.meta?.name ?? source} (${plural(report.summary.duplication, "finding")})`;
    return { output: renderHeading(title, format, 1) + renderDuplicates(report, format, functionNames(model)).replace(/\n+$/, "\n"), exitCode };
  },
});
