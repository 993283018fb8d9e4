import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GovGraphError } from "../index.js";
import { checkOutOption, commandIndex, GLOBAL_OPTIONS, parseOptions, PROGRAM_OPTIONS } from "./args.js";
import { outKind, UsageError, type CommandContext, type CommandDef, type FailOn } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { EXIT, installLastResort, isClosedPipe } from "./exit.js";
import { isFolderOutput, writeFolder } from "./folder.js";
import { FORMATS, type Format } from "./formats.js";
import { commandHelp, programHelp, usageLine, VERSION } from "./help.js";
import { fileError, nodeIo, progress, standardOutputFailure, type CliIo } from "./io.js";
import { writeOutputs } from "./output.js";
import { DEFAULT_MAX_ISSUES, DEFAULT_WIDTH, viewOf } from "./output-options.js";
import { startProgress } from "./progress.js";
import type { View } from "./render/document.js";
import { renderIssueLines } from "./render/issues.js";
import { writeJson } from "./render/json.js";
import { escapeControl, paint } from "./render/text.js";

/**
 * Runs the `govgraph` command line on `argv` (without `node` and the script) and returns the exit code:
 * 0 ok, 1 invalid input, 2 usage error, 3 `--fail-on` findings, 141 when standard output was closed.
 * @internal
 */
export async function runCli(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const state: RunState = { jsonErrors: false };
  try {
    return await run(argv, io, state);
  } catch (error) {
    // The reader went away (`govgraph analyze | head -1`): nothing to tell it, and nothing went wrong.
    if (isClosedPipe(error)) return EXIT.closedPipe;
    try {
      progress(io, "");
      return reportError(error, io, state);
    } catch {
      // Standard error failed too: the exit code is all that is left to say it.
      return error instanceof UsageError ? EXIT.usage : EXIT.invalid;
    }
  }
}

/** What the error report needs to know of the run: the command, whether errors are JSON, how issues are shown. */
interface RunState {
  command?: CommandDef;
  jsonErrors: boolean;
  view?: View;
}

/** The file name `--out DIR/` is told to use instead: `analyze.md`, `report.html`. */
const exampleFile = (command: CommandDef, format: Format) => `${command.name}.${format === "text" ? "txt" : format}`;

/** Parses argv, runs the command and writes its output; `state` tells the error report what was understood. */
async function run(argv: readonly string[], io: CliIo, state: RunState): Promise<number> {
  const at = commandIndex(argv);
  if (at < 0) {
    const { values } = parseOptions(argv, PROGRAM_OPTIONS, undefined);
    io.stdout(values.version ? `${VERSION}\n` : programHelp(Math.max(40, io.columns ?? DEFAULT_WIDTH)));
    return values.version || values.help || argv.length === 0 ? EXIT.ok : EXIT.usage;
  }
  const name = argv[at]!;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}.`);
  state.command = command;
  const { values, positionals } = parseOptions([...argv.slice(0, at), ...argv.slice(at + 1)], { ...GLOBAL_OPTIONS, ...command.options }, command);
  const view = viewOf(values as CommandContext["values"], io, command);
  if (values.help) {
    io.stdout(commandHelp(command, view.width));
    return EXIT.ok;
  }
  const format = checkFormat(command, values.format as string | undefined);
  // Errors are JSON on stderr only when --format json was asked for.
  state.jsonErrors = values.format === "json";
  state.view = view;
  startProgress(io, values.progress === true);
  checkPositionals(command, positionals);
  const failOn = (values["fail-on"] as FailOn[] | undefined) ?? [];
  const ctx: CommandContext = { positionals, values: values as CommandContext["values"], format, failOn, view, io };
  const kind = outKind(command, ctx.values, io);
  const out = typeof values.out === "string" ? values.out : undefined;
  // Before the work: `--out dir/` should not wait for a long analysis to be refused.
  if (out !== undefined) checkOutOption(io.cwd, "--out", out, kind, command, exampleFile(command, format));
  const result = await command.run(ctx);
  progress(io, "");
  const { output, notice } = result;
  if (isFolderOutput(output)) {
    if (out === undefined) throw new UsageError(`${command.name} writes a folder of files here: pass --out DIR.`, command);
    await writeFolder(io, out, output);
  } else {
    await writeOutputs(io, command, ctx.values, { ...result, output });
  }
  // What was written is said on stdout when the output went to a file, on stderr when it went to stdout.
  if (notice) (out !== undefined ? io.stdout : io.stderr)(notice);
  return result.exitCode ?? EXIT.ok;
}

function checkFormat(command: CommandDef, asked: string | undefined): Format {
  const formats = command.formats ?? FORMATS;
  const format = asked ?? formats[0]!;
  if (!formats.includes(format as Format)) throw new UsageError(`Bad --format "${format}" for ${command.name}. Use one of: ${formats.join(", ")}.`, command);
  return format as Format;
}

function checkPositionals(command: CommandDef, positionals: readonly string[]): void {
  if (positionals.length > command.args.length) {
    throw new UsageError(`Too many arguments for ${command.name}: ${positionals.slice(command.args.length).join(" ")}.`, command);
  }
  const missing = command.args.find((a, i) => a.required && positionals[i] === undefined);
  if (missing) throw new UsageError(`Missing argument <${missing.name}> for ${command.name}.`, command);
}

/** Writes an error on stderr and returns the exit code: 2 for usage, 1 otherwise (never a stack trace unless asked). */
function reportError(error: unknown, io: CliIo, { command, jsonErrors, view }: RunState): number {
  const colour = paint(io.stderrIsTTY && !io.env.NO_COLOR);
  if (error instanceof UsageError) {
    io.stderr(`${colour.red("error")} ${error.message.split("\n").map(escapeControl).join("\n")}\n${usageLine(error.command ?? command)}\n`);
    return EXIT.usage;
  }
  // Several inputs failed (`compare a.json b.json`): every one of them is reported.
  const errors = error instanceof AggregateError && error.errors.length > 0 ? error.errors : [error];
  if (io.env.GOVGRAPH_DEBUG) for (const e of errors) if (e instanceof Error && e.stack) io.stderr(e.stack + "\n");
  if (jsonErrors) {
    const described = errors.map(describe);
    const codes = new Set(described.map((d) => d.code));
    const single = described.length === 1 ? described[0]! : { code: codes.size === 1 ? described[0]!.code : "invalid_input", message: (error as Error).message, issues: [], errors: described };
    // Every issue, streamed: a million of them make no giant string.
    writeJson({ error: single }, (chunk) => io.stderr(chunk));
    return EXIT.invalid;
  }
  const shown = view ?? { width: DEFAULT_WIDTH, top: 0, verbose: false, maxIssues: DEFAULT_MAX_ISSUES };
  for (const e of errors) {
    if (e instanceof GovGraphError) {
      // An invalid_json error says where in its message; other errors list their issues below it (capped).
      const listed = e.issues.length > 0 && e.code !== "invalid_json" ? renderIssueLines(e.issues, { ...shown, colour }).join("\n") + "\n" : "";
      io.stderr(`${colour.red("error")} ${e.code}: ${escapeControl(e.message)}\n${listed}`);
    } else {
      io.stderr(`${colour.red("error")} unexpected: ${escapeControl(describe(e).message)} (set GOVGRAPH_DEBUG=1 for the stack trace)\n`);
    }
  }
  return EXIT.invalid;
}

/** An error as the JSON error report gives it. */
function describe(error: unknown): { code: string; message: string; issues: unknown[] } {
  if (error instanceof GovGraphError) return { code: error.code, message: error.message, issues: error.issues };
  return { code: "internal", message: error instanceof Error ? error.message : String(error), issues: [] };
}

function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/** The exit code once standard output has failed: 141 when its reader went away, 1 for another error. */
function failedOutputCode(error: unknown): number {
  return isClosedPipe(error) ? EXIT.closedPipe : EXIT.invalid;
}

if (isEntry()) {
  installLastResort(process.env);
  const io = nodeIo();
  let finished = false;
  // Data still queued for a pipe can fail after the run: that decides the exit code then.
  process.stdout.on("error", (error: unknown) => {
    process.exitCode = failedOutputCode(error);
    if (finished && !isClosedPipe(error)) io.stderr(`error ${fileError("writeFile", "standard output", error).message}\n`);
  });
  void runCli(process.argv.slice(2), io).then((code) => {
    finished = true;
    const failure = standardOutputFailure();
    process.exitCode = failure === undefined ? code : failedOutputCode(failure);
  });
}
