import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GovGraphError } from "../index.js";
import { commandIndex, GLOBAL_OPTIONS, parseOptions, PROGRAM_OPTIONS } from "./args.js";
import { UsageError, type CommandContext, type CommandDef, type FailOn } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { isFolderOutput, writeFolder } from "./folder.js";
import { commandHelp, programHelp, usageLine, VERSION } from "./help.js";
import { nodeIo, progress, type CliIo } from "./io.js";
import { FORMATS, paint, renderIssues, renderJson, type Format } from "./render.js";

/**
 * Runs the `govgraph` command line on `argv` (without `node` and the script) and returns the exit code:
 * 0 ok, 1 invalid input, 2 usage error, 3 `--fail-on` findings.
 * @internal
 */
export async function runCli(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const state: { command?: CommandDef; jsonErrors: boolean } = { jsonErrors: false };
  try {
    return await run(argv, io, state);
  } catch (error) {
    progress(io, "");
    return reportError(error, io, state.command, state.jsonErrors);
  }
}

/** Parses argv, runs the command and writes its output; `state` tells the error report what was understood. */
async function run(argv: readonly string[], io: CliIo, state: { command?: CommandDef; jsonErrors: boolean }): Promise<number> {
  const at = commandIndex(argv);
  if (at < 0) {
    const { values } = parseOptions(argv, PROGRAM_OPTIONS, undefined);
    io.stdout(values.version ? `${VERSION}\n` : programHelp());
    return values.version || values.help || argv.length === 0 ? 0 : 2;
  }
  const name = argv[at]!;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}.`);
  state.command = command;
  const { values, positionals } = parseOptions([...argv.slice(0, at), ...argv.slice(at + 1)], { ...GLOBAL_OPTIONS, ...command.options }, command);
  if (values.help) {
    io.stdout(commandHelp(command));
    return 0;
  }
  const format = checkFormat(command, values.format as string | undefined);
  // Errors are JSON on stderr only when --format json was asked for.
  state.jsonErrors = values.format === "json";
  checkPositionals(command, positionals);
  const result = await command.run({ positionals, values: values as CommandContext["values"], format, failOn: (values["fail-on"] as FailOn[] | undefined) ?? [], io });
  progress(io, "");
  const { output, notice } = result;
  const out = typeof values.out === "string" ? values.out : undefined;
  if (isFolderOutput(output)) {
    if (out === undefined) throw new UsageError(`${command.name} writes a folder of files here: pass --out DIR.`, command);
    await writeFolder(io, out, output);
  } else {
    const produce = typeof output === "string" ? (write: (chunk: string) => void) => write(output) : output;
    if (out !== undefined) await io.writeFileAtomic(out, produce);
    else await produce((chunk) => io.stdout(chunk));
  }
  // What was written is said on stdout when the output went to a file, on stderr when it went to stdout.
  if (notice) {
    if (out !== undefined) io.stdout(notice);
    else io.stderr(notice);
  }
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
function reportError(error: unknown, io: CliIo, command: CommandDef | undefined, jsonErrors: boolean): number {
  const colour = paint(io.stderrIsTTY && !io.env.NO_COLOR);
  if (error instanceof UsageError) {
    io.stderr(`${colour.red("error")} ${error.message}\n${usageLine(error.command ?? command)}\n`);
    return 2;
  }
  if (io.env.GOVGRAPH_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + "\n");
  if (jsonErrors) {
    const { code, message, issues } = error instanceof GovGraphError ? error : { code: "internal", message: String(error), issues: [] };
    io.stderr(renderJson({ error: { code, message, issues } }));
    return 1;
  }
  if (error instanceof GovGraphError) {
    // An invalid_json error says where in its message; other errors list their issues below it.
    const listed = error.issues.length > 0 && error.code !== "invalid_json" ? renderIssues(error.issues, "text", colour) : "";
    io.stderr(`${colour.red("error")} ${error.code}: ${error.message}\n${listed}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${colour.red("error")} unexpected: ${message} (set GOVGRAPH_DEBUG=1 for the stack trace)\n`);
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
