import { DUPLICATION_DEFAULTS, type DuplicationOptions, type DuplicationPart } from "../../index.js";
import { checkChoices, commaList, defineModelCommand, numberOption, UsageError, type CommandDef, type OptionValues } from "../command.js";
import { progress } from "../io.js";
import { Names } from "../names.js";
import { documentResult } from "../output.js";
import { failOnOption, TABLE_OPTION, VIEW_OPTIONS } from "../output-options.js";
import { heading } from "../render/document.js";
import { formatCounted } from "../render/numbers.js";
import { duplicationFails, duplicationSection, findDuplicates, renderDuplicates } from "../sections/duplication.js";

const PARTS = DUPLICATION_DEFAULTS.include;

const inUnitInterval = (n: number) => n > 0 && n <= 1;

function options(values: OptionValues, command: CommandDef): DuplicationOptions {
  const out: DuplicationOptions = {};
  const overlap = numberOption(values, "overlap-threshold", command, inUnitInterval, "a number in (0, 1]");
  if (overlap !== undefined) out.overlapThreshold = overlap;
  const near = numberOption(values, "near-threshold", command, inUnitInterval, "a number in (0, 1]");
  if (near !== undefined) out.nearDuplicateThreshold = near;
  if (values.scope !== undefined) out.scope = values.scope as DuplicationOptions["scope"];
  const roles = commaList(values, "roles", command);
  if (roles) {
    if (roles.some((x) => x !== "lead" && x !== "support")) throw new UsageError(`duplicates: --roles "${values.roles}" must list lead and/or support.`, command);
    out.roles = roles as ("lead" | "support")[];
  }
  const parts = commaList(values, "include", command);
  if (parts) {
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
    ...VIEW_OPTIONS,
    ...TABLE_OPTION,
    ...failOnOption(["duplication"]),
  },
  examples: ["", "model.json --scope vertical --format md", "model.json --format csv --table duplication-fragmentation --out fragmentation.csv", "model.json --fail-on duplication"],
  stages: () => [{ prefix: duplicationSection.title, weight: duplicationSection.weight ?? 1 }],
  run({ name, model }, ctx) {
    const duplicationOptions = options(ctx.values, duplicates);
    progress(ctx.io, `${duplicationSection.title}...`);
    const report = findDuplicates(model, duplicationOptions);
    const n = report.summary.duplication;
    const found = n === null ? "duplication not computed" : formatCounted(n, "finding");
    const blocks = [heading(`Duplication: ${name} (${found})`, 1), ...renderDuplicates(report, { names: new Names([model], true) })];
    return documentResult(ctx, { blocks, json: () => report }, duplicationFails(report, ctx.failOn) ? 3 : 0);
  },
});
