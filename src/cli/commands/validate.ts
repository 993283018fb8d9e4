import { COLLECTIONS, exampleCounty, GovGraphError, type Issue, type Model } from "../../index.js";
import { defineCommand, MODEL_FILE_ARG, planLoad, type CommandContext } from "../command.js";
import { readAndValidate } from "../load-model.js";
import { documentResult } from "../output.js";
import { TABLE_OPTION, VIEW_OPTIONS } from "../output-options.js";
import { heading, issueList, paragraph, table, type Block } from "../render/document.js";
import { countIssues } from "../render/issues.js";
import { count, formatCount } from "../render/numbers.js";

/** The verdict on a model file: the document `validate --format json` writes. @internal */
export interface ValidateReport {
  ok: boolean;
  source: string;
  /** Records per collection, or null when the file is not JSON at all. */
  counts: Record<string, number> | null;
  issues: readonly Issue[];
}

/** Records per collection of data that may not be a model: arrays counted, anything else 0. */
function countsOf(data: unknown): Record<string, number> {
  const record = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return Object.fromEntries(COLLECTIONS.map((c) => [c, Array.isArray(record[c]) ? (record[c] as unknown[]).length : 0]));
}

const modelCounts = (model: Model) => Object.fromEntries(COLLECTIONS.map((c) => [c, model[c].length]));

/** Reads and validates the file (or the bundled example), an invalid model or malformed JSON included. */
function check(ctx: CommandContext, file: string | undefined): ValidateReport {
  if (file === undefined) return { ok: true, source: "bundled example", counts: modelCounts(exampleCounty), issues: [] };
  planLoad(ctx, file);
  try {
    const { data, result } = readAndValidate(ctx.io, file);
    return { ok: result.ok, source: file, counts: result.model ? modelCounts(result.model) : countsOf(data), issues: result.issues };
  } catch (error) {
    if (error instanceof GovGraphError && error.code === "invalid_json") return { ok: false, source: file, counts: null, issues: error.issues };
    throw error;
  }
}

function blocks(r: ValidateReport, ctx: CommandContext): Block[] {
  const out: Block[] = [heading(`${r.source}: ${r.ok ? "valid" : "invalid"} (${countIssues(r.issues)})`, 1)];
  if (r.counts === null) {
    // Malformed JSON: one issue, which says where (JSON keeps it as an issue with its line and column).
    const [issue] = r.issues as (Issue & { line?: number; column?: number })[];
    const where = issue?.line === undefined ? r.source : `${r.source}:${issue.line}:${issue.column}`;
    return [...out, paragraph(`Malformed JSON at ${where}: ${issue?.message.replace(/^line \d+, column \d+: /, "") ?? "unreadable"}. No record was read.`)];
  }
  if (ctx.format === "text") {
    const records = COLLECTIONS.filter((c) => r.counts![c]! > 0).map((c) => `${c} ${formatCount(r.counts![c]!)}`);
    out.push(paragraph(records.length ? `Records: ${records.join(", ")}.` : "No records."));
  } else out.push(table("validate-counts", ["collection", "records"], COLLECTIONS.map((c) => [c, count(r.counts![c]!)])));
  if (r.issues.length > 0) out.push(issueList("validate-issues", r.issues));
  return out;
}

/**
 * `govgraph validate [file]`: checks a model and reports every problem, as the same document whether the model
 * is valid or not; exit 1 when it has errors. @internal
 */
export const validate = defineCommand({
  name: "validate",
  summary: "Check a model: schema, unique ids, references, cycles; list every problem (exit 1 when there are errors)",
  args: [MODEL_FILE_ARG],
  options: { ...VIEW_OPTIONS, ...TABLE_OPTION },
  examples: ["model.json", "model.json --format json", "model.json --verbose --max-issues 5000"],
  run(ctx) {
    const report = check(ctx, ctx.positionals[0]);
    return documentResult(ctx, { blocks: blocks(report, ctx), json: () => report }, report.ok ? 0 : 1);
  },
});
