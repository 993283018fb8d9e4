import { FAIL_ON, UsageError, type CommandDef, type FailOn, type OptionDef, type OptionValues } from "./command.js";
import { FORMATS } from "./formats.js";
import type { CliIo } from "./io.js";
import type { View } from "./render/document.js";
import { paint } from "./render/text.js";

/** Rows of each table in text and Markdown unless `--top` says otherwise. @internal */
export const DEFAULT_TOP = 20;
/** Issues listed in text and Markdown unless `--max-issues` says otherwise. @internal */
export const DEFAULT_MAX_ISSUES = 1000;
/** The width of text output when standard output is not a terminal. @internal */
export const DEFAULT_WIDTH = 100;
/** Text is never drawn narrower than this, whatever the terminal says. */
const MIN_WIDTH = 40;

/** `--verbose`, `--max-issues`: how validation issues are listed (for every command reading a model). @internal */
export const ISSUE_OPTIONS: Record<string, OptionDef> = {
  verbose: { type: "boolean", description: "List warnings one by one instead of grouped by code" },
  "max-issues": { type: "string", valueHint: "N", description: `Issues listed in text and md (default ${DEFAULT_MAX_ISSUES}; json lists them all)` },
};

/** `--top`, `--verbose`, `--max-issues`: how much of a report text and Markdown show. @internal */
export const VIEW_OPTIONS: Record<string, OptionDef> = {
  top: { type: "string", valueHint: "N", description: `Rows of each table in text and md (default ${DEFAULT_TOP}; csv and json have every row)` },
  ...ISSUE_OPTIONS,
};

/** `--table ID`: the one table `--format csv` writes. @internal */
export const TABLE_OPTION: Record<string, OptionDef> = {
  table: { type: "string", valueHint: "ID", description: "With --format csv, write only this table (default: every table, each after a `# table: ID` line)" },
};

/** `--fail-on`, for the commands whose analyses find those `kinds`. @internal */
export function failOnOption(kinds: readonly FailOn[] = FAIL_ON): Record<string, OptionDef> {
  const what = kinds.map((k) => (k === "gaps" ? "coverage gaps" : k)).join(" or ");
  return {
    "fail-on": {
      type: "string",
      multiple: true,
      valueHint: kinds.join("|"),
      choices: kinds,
      description: `Exit 3 when the analysis finds ${what}${kinds.length > 1 ? " (repeatable)" : ""}; for CI`,
    },
  };
}

/** A whole number of at least `min` from an option, or `fallback` when it is not given; a usage error otherwise. */
function count(values: OptionValues, flag: string, min: number, fallback: number, command: CommandDef): number {
  const raw = values[flag];
  if (raw === undefined) return fallback;
  const text = String(raw).trim();
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${command.name}: --${flag} "${String(raw)}" is not a whole number of at least ${min}.`, command);
  }
  return Number(text);
}

/** How text and Markdown are drawn for this run: the terminal's width (100 when it is none) and the options. @internal */
export function viewOf(values: OptionValues, io: CliIo, command: CommandDef): View {
  return {
    width: Math.max(MIN_WIDTH, io.columns ?? DEFAULT_WIDTH),
    top: count(values, "top", 1, DEFAULT_TOP, command),
    verbose: values.verbose === true,
    maxIssues: count(values, "max-issues", 0, DEFAULT_MAX_ISSUES, command),
    colour: paint(false),
    hints: { options: Object.keys(command.options), formats: command.formats ?? FORMATS },
  };
}
