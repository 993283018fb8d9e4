import type { FolderOutput } from "./folder.js";
import type { CliIo } from "./io.js";
import { loadModel, type LoadedModel } from "./load-model.js";
import type { Format } from "./render.js";

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
  io: CliIo;
}

/** Writes output text, in order. @internal */
export type Writer = (chunk: string) => void;

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
  files?: { option: string; path: string; output: Output }[];
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
   * What `--out` names (docs/cli.md, "--out"): a `"file"` (the default) the output is written to; a `"model"` file,
   * which `--force` (the command lists `FORCE_OPTION` among its options) lets replace an input file of the run; or a
   * `"directory"` that receives the files of a folder output. A function decides from the options (convert: by `--to`).
   */
  out?: OutKind | ((values: OptionValues) => OutKind);
  /** Formats it accepts (default text, json, md). */
  formats?: readonly Format[];
  /** Example runs shown in help, each the arguments and options after `govgraph <name>`. */
  examples?: string[];
  run(ctx: CommandContext): Promise<CommandResult> | CommandResult;
}

/** What `--out` names for a command. @internal */
export type OutKind = "file" | "model" | "directory";

/** What `--out` names for this run of the command. @internal */
export function outKind(command: CommandDef, values: OptionValues): OutKind {
  return typeof command.out === "function" ? command.out(values) : (command.out ?? "file");
}

/** Whether `--out` may name a directory for some run of the command (help says `FILE|DIR`). @internal */
export const mayWriteFolder = (command: CommandDef): boolean => command.out === "directory" || typeof command.out === "function";

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
  run(loaded: LoadedModel, ctx: CommandContext): Promise<CommandResult> | CommandResult;
}

/** Defines a command on one model: its argument is the model file, read and validated before `run`. @internal */
export function defineModelCommand(def: ModelCommandDef): CommandDef {
  return {
    ...def,
    args: [MODEL_FILE_ARG],
    run: (ctx) => def.run(loadModel(ctx.io, ctx.positionals[0]), ctx),
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
