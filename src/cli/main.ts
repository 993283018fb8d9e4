import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GovGraphError } from "../index.js";
import { commandIndex, GLOBAL_OPTIONS, parseOptions, PROGRAM_OPTIONS } from "./args.js";
import { UsageError, type CommandContext, type CommandDef, type FailOn } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { FORMATS, type Format } from "./formats.js";
import { commandHelp, programHelp, usageLine, VERSION } from "./help.js";
import { nodeIo, progress, type CliIo } from "./io.js";
import { writeResult } from "./output.js";
import { DEFAULT_MAX_ISSUES, DEFAULT_WIDTH, viewOf } from "./output-options.js";
import { startProgress } from "./progress.js";
import type { View } from "./render/document.js";
import { renderIssueLines } from "./render/issues.js";
import { writeJson } from "./render/json.js";
import { escapeControl, paint } from "./render/text.js";

/**
 * Runs the `govgraph` command line on `argv` (without `node` and the script) and returns the exit code:
 * 0 ok, 1 invalid input, 2 usage error, 3 `--fail-on` findings.
 * @internal
 */
export async function runCli(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const state: RunState = { jsonErrors: false };
  try {
    return await run(argv, io, state);
  } catch (error) {
    progress(io, "");
    return reportError(error, io, state);
  }
}

/** What the error report needs to know of the run: the command, whether errors are JSON, how issues are shown. */
interface RunState {
  command?: CommandDef;
  jsonErrors: boolean;
  view?: View;
}

/** Parses argv, runs the command and writes its output; `state` tells the error report what was understood. */
async function run(argv: readonly string[], io: CliIo, state: RunState): Promise<number> {
  const at = commandIndex(argv);
  if (at < 0) {
    const { values } = parseOptions(argv, PROGRAM_OPTIONS, undefined);
    io.stdout(values.version ? `${VERSION}\n` : programHelp(Math.max(40, io.columns ?? DEFAULT_WIDTH)));
    return values.version || values.help || argv.length === 0 ? 0 : 2;
  }
  const name = argv[at]!;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}.`);
  state.command = command;
  const { values, positionals } = parseOptions([...argv.slice(0, at), ...argv.slice(at + 1)], { ...GLOBAL_OPTIONS, ...command.options }, command);
  const view = viewOf(values as CommandContext["values"], io, command);
  if (values.help) {
    io.stdout(commandHelp(command, view.width));
    return 0;
  }
  const format = checkFormat(command, values.format as string | undefined);
  // Errors are JSON on stderr only when --format json was asked for.
  state.jsonErrors = values.format === "json";
  state.view = view;
  startProgress(io, values.progress === true);
  checkPositionals(command, positionals);
  const failOn = (values["fail-on"] as FailOn[] | undefined) ?? [];
  const result = await command.run({ positionals, values: values as CommandContext["values"], format, failOn, view, io });
  progress(io, "");
  await writeResult(io, typeof values.out === "string" ? values.out : undefined, result);
  return result.exitCode ?? 0;
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
    io.stderr(`${colour.red("error")} ${escapeControl(error.message)}\n${usageLine(error.command ?? command)}\n`);
    return 2;
  }
  if (io.env.GOVGRAPH_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + "\n");
  if (jsonErrors) {
    const { code, message, issues } = error instanceof GovGraphError ? error : { code: "internal", message: String(error), issues: [] };
    // Every issue, streamed: a million of them make no giant string.
    writeJson({ error: { code, message, issues } }, (chunk) => io.stderr(chunk));
    return 1;
  }
  if (error instanceof GovGraphError) {
    // An invalid_json error says where in its message; other errors list their issues below it (capped).
    const shown = view ?? { width: DEFAULT_WIDTH, top: 0, verbose: false, maxIssues: DEFAULT_MAX_ISSUES };
    const listed = error.issues.length > 0 && error.code !== "invalid_json" ? renderIssueLines(error.issues, { ...shown, colour }).join("\n") + "\n" : "";
    io.stderr(`${colour.red("error")} ${error.code}: ${escapeControl(error.message)}\n${listed}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${colour.red("error")} unexpected: ${escapeControl(message)} (set GOVGRAPH_DEBUG=1 for the stack trace)\n`);
  return 1;
}

function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) {
  runCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`error unexpected: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
