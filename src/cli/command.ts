import type { FolderOutput } from "./folder.js";
import { FORMATS, type Format } from "./formats.js";
import type { CliIo } from "./io.js";
import { loadModel, type LoadedModel } from "./load-model.js";
import { planProgress, type Stage } from "./progress.js";
import type { View } from "./render/document.js";
import type { Writer } from "./render/json.js";

/** What `--fail-on` can ask for: exit 3 when the analysis finds some. @internal */
export const FAIL_ON = ["duplication", "gaps"] as const;
/** A `--fail-on` kind. @internal */
export type FailOn = (typeof FAIL_ON)[number];

/** A command-line option, in `node:util` parseArgs terms plus help text. @internal */
export interface OptionDef {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** Shown in help after the flag: `--size county|province|nation`. */
  valueHint?: string;
  description: string;
  /** Allowed values; anything else is a usage error (exit 2). */
  choices?: readonly string[];
  default?: string;
}

/** The parsed values of a command's options, by option name. @internal */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** What a command's `run` receives. @internal */
export interface CommandContext {
  positionals: string[];
  values: OptionValues;
  format: Format;
  failOn: FailOn[];
  /** How text and Markdown are drawn: width, rows per table, issues listed. */
  view: View;
  io: CliIo;
}

/**
 * An output: text, chunks of text made one by one (for outputs too big to hold as one string), or a function
 * writing it in chunks. @internal
 */
export type Output = string | Iterable<string> | ((write: Writer) => void | Promise<void>);

/**
 * What a command returns: its output (printed, or written to `--out`), the other files it writes (each only once
 * the output is written in full, by the same rules as `--out`: `generate --truth`), and an exit code (0 unless said).
 * @internal
 */
export interface CommandResult {
  /** Text or chunks for a file (or standard output), or a folder of files for `--out DIR` (a command whose `out` is `"directory"`). */
  output: Output | FolderOutput;
  /**
   * Other files (`generate --truth`, `scenario --model-out`), each written once the output is, by the rules of
   * `--out`: a `kind: "model"` file may replace an input of the run when `--force` is given.
   */
  files?: { option: string; path: string; output: Output; kind?: "file" | "model" }[];
  exitCode?: number;
  /** What was written (import's counts and issues): on stdout when the output went to `--out`, else on stderr. */
  notice?: string;
}

/** One `govgraph <name>` command. @internal */
export interface CommandDef {
  name: string;
  summary: string;
  /** Positional arguments, in order. */
  args: { name: string; description: string; required?: boolean }[];
  /** Options of this command, besides the global ones. */
  options: Record<string, OptionDef>;
  /**
   * What `--out` names (docs/cli.md, "--out"): a `"file"` (the default) the output is written to, or a
   * `"directory"` that receives the files of a folder output. A function decides from the options (convert: by
   * `--to`). Without it, `--format csv` with `--out DIR/` (or an existing directory) writes one file per table.
   */
  out?: OutKind | ((values: OptionValues) => OutKind);
  /** Formats it accepts, the first the default (default text, json, md, csv). */
  formats?: readonly Format[];
  /** Example runs shown in help, each the arguments and options after `govgraph <name>`. */
  examples?: string[];
  run(ctx: CommandContext): Promise<CommandResult> | CommandResult;
}

/** What `--out` names for a command. @internal */
export type OutKind = "file" | "directory";

/** What `--out` names for this run of the command. @internal */
export function outKind(command: CommandDef, values: OptionValues, io: CliIo): OutKind {
  if (typeof command.out === "function") return command.out(values);
  if (command.out !== undefined) return command.out;
  return csvTablesIntoFolder(values, io) ? "directory" : "file";
}

/** `--format csv` with `--out DIR/` (a path ending with a slash, or a directory): one file per table. @internal */
export function csvTablesIntoFolder(values: OptionValues, io: CliIo): boolean {
  const out = values.out;
  return values.format === "csv" && typeof out === "string" && (/[\\/]$/.test(out) || io.isDirectory(out));
}

/** Whether `--out` may name a directory for some run of the command (help says `FILE|DIR`). @internal */
export const mayWriteFolder = (command: CommandDef): boolean =>
  command.out === "directory" || typeof command.out === "function" || (command.out === undefined && (command.formats ?? FORMATS).includes("csv"));

/** Types a command definition. @internal */
export function defineCommand(def: CommandDef): CommandDef {
  return def;
}

/** A usage error: wrong command, option or value. Exits 2 with the usage line. @internal */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    readonly command?: CommandDef,
  ) {
    super(message);
  }
}

/** The argument of a command reading one model. @internal */
export const MODEL_FILE_ARG = { name: "file", description: "A model JSON file (default: the bundled example)" } as const;

/** A command reading one model, `[file]` or the bundled example: `run` receives it loaded and validated. @internal */
export interface ModelCommandDef extends Omit<CommandDef, "args" | "run"> {
  /** The stages of its work after reading the model (their status messages' starts), for progress on large files. */
  stages?(ctx: CommandContext): Stage[];
  run(loaded: LoadedModel, ctx: CommandContext): Promise<CommandResult> | CommandResult;
}

/** Reading a model: its status messages (see load-model.ts) and their shares of the time, per byte of JSON. */
const LOAD_STAGES: readonly Stage[] = [
  { prefix: "reading", weight: 2 },
  { prefix: "parsing", weight: 16 },
  { prefix: "validating", weight: 6 },
];

/**
 * Plans the progress of a run reading `file`: reading, parsing and validating it, then `stages` (each weighs its
 * share of the time next to those three, 24 together). Only files over 50 MB get percentages. @internal
 */
export function planLoad(ctx: CommandContext, file: string | undefined, stages: readonly Stage[] = []): void {
  if (file === undefined) return;
  let bytes = 0;
  try {
    bytes = ctx.io.fileSize?.(file) ?? 0;
  } catch {
    // Reading the file reports it missing.
  }
  planProgress(ctx.io, bytes, [...LOAD_STAGES, ...stages]);
}

/** Loads a model like {@link loadModel}, its progress planned with {@link planLoad}. @internal */
export function loadPlanned(ctx: CommandContext, file: string | undefined, stages: readonly Stage[] = []): LoadedModel {
  planLoad(ctx, file, stages);
  return loadModel(ctx.io, file);
}

/** Defines a command on one model: its argument is the model file, read and validated before `run`. @internal */
export function defineModelCommand(def: ModelCommandDef): CommandDef {
  return {
    ...def,
    args: [MODEL_FILE_ARG],
    run: (ctx) => def.run(loadPlanned(ctx, ctx.positionals[0], def.stages?.(ctx)), ctx),
  };
}

/** The items of a comma-separated option value, trimmed, empty ones dropped. @internal */
export function commaList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Throws a usage error naming every item that is not among `allowed`: `name: unknown what "x". Use a, b.` @internal */
export function checkChoices(items: readonly string[], allowed: readonly string[], what: string, command: CommandDef): void {
  const bad = items.filter((item) => !allowed.includes(item));
  if (bad.length > 0) throw new UsageError(`${command.name}: unknown ${what} ${bad.map((b) => `"${b}"`).join(", ")}. Use ${allowed.join(", ")}.`, command);
}

/** The number an option gives, or undefined when it is not given; a usage error when `accept` refuses it. @internal */
export function numberOption(values: OptionValues, flag: string, command: CommandDef, accept: (n: number) => boolean, expected: string): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (String(raw).trim() === "" || !accept(n)) throw new UsageError(`${command.name}: --${flag} "${String(raw)}" is not ${expected}.`, command);
  return n;
}
