import { GovGraphError, parseModelJson, validateModel, type Issue, type JsonIssue, type Model } from "../index.js";
import { _parseJsonBytes } from "../formats/json-bytes.js";
import { exampleModel } from "./_example.js";
import { progress, type CliIo } from "./_io.js";
import type { Format } from "./_render.js";

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

/** What a command's `run` receives. @internal */
export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  format: Format;
  failOn: FailOn[];
  io: CliIo;
}

/** Writes output text, in order. @internal */
export type Writer = (chunk: string) => void;

/**
 * What a command returns: its output (printed, or written to `--out`), as text or as a function writing it in
 * chunks (for outputs too big to hold as one string), and an exit code (0 unless said).
 * @internal
 */
export interface CommandResult {
  output: string | ((write: Writer) => void | Promise<void>);
  exitCode?: number;
}

/** One `govgraph <name>` command. @internal */
export interface CommandDef {
  name: string;
  summary: string;
  /** Positional arguments, in order. */
  args: { name: string; description: string; required?: boolean }[];
  /** Options of this command, besides the global ones. */
  options: Record<string, OptionDef>;
  /** Formats it accepts (default text, json, md). */
  formats?: readonly Format[];
  /** Lines of examples shown in help. */
  examples?: string[];
  run(ctx: CommandContext): Promise<CommandResult> | CommandResult;
}

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

/** A model read from a file (or the bundled example) and validated. @internal */
export interface LoadedModel {
  /** The file it came from, or "bundled example". */
  source: string;
  model: Model;
  /** Warnings (a model with errors is never returned). */
  issues: Issue[];
}

/**
 * Reads and validates a model: a JSON file, or the bundled example when no file is given. A directory (a CSV folder)
 * is `unsupported_format`; a model with errors throws `invalid_model` listing every issue.
 * @internal
 */
export function loadModel(io: CliIo, file: string | undefined): LoadedModel {
  if (file === undefined) {
    const result = validateModel(exampleModel());
    return checked("bundled example", result);
  }
  if (io.isDirectory(file)) {
    throw new GovGraphError(
      "unsupported_format",
      `loadModel: ${file} is a directory, and this version reads models from JSON files only. Pass a model JSON file.`,
    );
  }
  progress(io, `reading ${file}...`);
  const data = io.readBytes && (io.fileSize?.(file) ?? 0) > LARGE_FILE_BYTES ? readLarge(io, file) : parseJson(io.readFile(file), file);
  progress(io, `validating ${file}...`);
  return checked(file, validateModel(data, { adopt: true })); // the parsed objects are ours: adopted, not copied
}

/** Files above this size (bytes) are read as bytes and parsed in batches: one string holds at most 512 MB. @internal */
export const LARGE_FILE_BYTES = 256 * 1024 * 1024;

/** Reads and parses a large model file in batches (parseModelJsonBytes's reader); the bytes are dropped on return. */
function readLarge(io: CliIo, file: string): unknown {
  const bytes = io.readBytes!(file);
  progress(io, `parsing ${file}...`);
  try {
    return _parseJsonBytes(bytes, "loadModel");
  } catch (error) {
    throw located(file, error);
  }
}

function checked(source: string, result: ReturnType<typeof validateModel>): LoadedModel {
  if (!result.ok || !result.model) {
    const errors = result.issues.filter((i) => i.severity === "error").length;
    throw new GovGraphError("invalid_model", `${source}: the model has ${errors} error(s). Fix them and try again.`, {
      issues: result.issues,
    });
  }
  return { source, model: result.model, issues: result.issues };
}

/** JSON.parse, with parseModelJson's `invalid_json` error (line and column) prefixed by `file:line:column`. @internal */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    try {
      parseModelJson(text);
    } catch (error) {
      throw located(file, error);
    }
    throw new GovGraphError("invalid_json", `${file}: malformed JSON. Fix the JSON and try again.`);
  }
}

/** An `invalid_json` error as `file:line:column: malformed JSON: reason`; any other error as it is. */
function located(file: string, error: unknown): unknown {
  const issue = error instanceof GovGraphError && error.code === "invalid_json" ? (error.issues[0] as JsonIssue | undefined) : undefined;
  if (!issue) return error;
  const reason = issue.message.replace(/^line \d+, column \d+: /, "");
  return new GovGraphError("invalid_json", `${file}:${issue.line}:${issue.column}: malformed JSON: ${reason}. Fix the JSON and try again.`, {
    issues: [issue],
    cause: error,
  });
}
