import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pkg from "../../package.json" with { type: "json" };
import { GovGraphError } from "../index.js";
import { FAIL_ON, UsageError, type CommandContext, type CommandDef, type FailOn, type OptionDef } from "./_command.js";
import { nodeIo, progress, type CliIo } from "./_io.js";
import { FORMATS, paint, renderIssues, renderJson, type Format } from "./_render.js";
import { analyze } from "./commands/analyze.js";
import { compare } from "./commands/compare.js";
import { journeys } from "./commands/journeys.js";
import { scenario } from "./commands/scenario.js";
import { scorecardCommand } from "./commands/scorecard.js";
import { coverage } from "./commands/coverage.js";
import { generate } from "./commands/generate.js";
import { schema } from "./commands/schema.js";
import { validate } from "./commands/validate.js";
import { duplicates } from "./commands/duplicates.js";
import { report } from "./commands/report.js";

const { version } = pkg;

/** Every command, in the order help lists them. @internal */
export const COMMANDS: CommandDef[] = [analyze, duplicates, coverage, journeys, scorecardCommand, scenario, compare, report, validate, schema, generate];

/** Options every command accepts. @internal */
export const GLOBAL_OPTIONS: Record<string, OptionDef> = {
  format: { type: "string", short: "f", valueHint: "text|json|md", description: "Output format (default: text)" },
  out: { type: "string", short: "o", valueHint: "FILE", description: "Write the output to FILE (only when the run succeeds)" },
  "fail-on": {
    type: "string",
    multiple: true,
    valueHint: FAIL_ON.join("|"),
    choices: FAIL_ON,
    description: "Exit 3 when the analyses find some (repeatable)",
  },
  help: { type: "boolean", short: "h", description: "Show help" },
};

const PROGRAM_OPTIONS: Record<string, OptionDef> = {
  help: GLOBAL_OPTIONS.help!,
  version: { type: "boolean", short: "v", description: "Show the version" },
};

/**
 * Runs the `govgraph` command line on `argv` (without `node` and the script) and returns the exit code:
 * 0 ok, 1 invalid input, 2 usage error, 3 `--fail-on` findings.
 * @internal
 */
export async function runCli(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const colour = paint(io.stderrIsTTY && !io.env.NO_COLOR);
  let command: CommandDef | undefined;
  // Errors are JSON on stderr only when --format json was asked for.
  let jsonErrors = false;
  try {
    const at = commandIndex(argv);
    if (at < 0) {
      const { values } = parse(argv, PROGRAM_OPTIONS, undefined);
      if (values.version) {
        io.stdout(`${version}\n`);
        return 0;
      }
      io.stdout(programHelp());
      return values.help ? 0 : argv.length === 0 ? 0 : 2;
    }
    const name = argv[at]!;
    command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}.`);
    const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
    const { values, positionals } = parse(rest, { ...GLOBAL_OPTIONS, ...command.options }, command);
    if (values.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const formats = command.formats ?? FORMATS;
    const asked = (values.format as string | undefined) ?? formats[0]!;
    if (!formats.includes(asked as Format)) {
      throw new UsageError(`Bad --format "${asked}" for ${command.name}. Use one of: ${formats.join(", ")}.`, command);
    }
    const format = asked as Format;
    jsonErrors = values.format === "json";
    if (positionals.length > command.args.length) {
      throw new UsageError(`Too many arguments for ${command.name}: ${positionals.slice(command.args.length).join(" ")}.`, command);
    }
    const missing = command.args.find((a, i) => a.required && positionals[i] === undefined);
    if (missing) throw new UsageError(`Missing argument <${missing.name}> for ${command.name}.`, command);

    const result = await command.run({ positionals, values: values as CommandContext["values"], format, failOn: (values["fail-on"] as FailOn[] | undefined) ?? [], io });
    progress(io, "");
    const { output } = result;
    const produce = typeof output === "string" ? (write: (chunk: string) => void) => write(output) : output;
    if (typeof values.out === "string") await io.writeFileAtomic(values.out, produce);
    else await produce((chunk) => io.stdout(chunk));
    return result.exitCode ?? 0;
  } catch (error) {
    progress(io, "");
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
      io.stderr(`${colour.red("error")} ${error.code}: ${error.message}\n${listIssues(error) ? renderIssues(error.issues, "text", colour) : ""}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${colour.red("error")} unexpected: ${message} (set GOVGRAPH_DEBUG=1 for the stack trace)\n`);
    return 1;
  }
}

// An invalid_json error says where in its message; other errors list their issues below it.
const listIssues = (error: GovGraphError) => error.issues.length > 0 && error.code !== "invalid_json";

/** The index of the command name in argv: the first token that is neither an option nor an option's value. */
function commandIndex(argv: readonly string[]): number {
  const takesValue = new Set(
    Object.entries(GLOBAL_OPTIONS)
      .filter(([, o]) => o.type === "string")
      .flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]),
  );
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") return -1;
    if (takesValue.has(token)) i++;
    else if (!token.startsWith("-")) return i;
  }
  return -1;
}

function parse(args: string[] | readonly string[], options: Record<string, OptionDef>, command: CommandDef | undefined) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
      ),
      allowPositionals: command !== undefined,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains itself ("Unknown option '--x'"); keep its first sentence.
    throw new UsageError((error as Error).message.split(". ")[0]!.replace(/\.$/, "") + ".", command);
  }
  for (const [name, o] of Object.entries(options)) {
    const value = parsed.values[name];
    if (value === undefined) continue;
    if (o.type === "string" && typeof value !== "boolean" && o.choices) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === "string" && !o.choices.includes(v)) {
          throw new UsageError(`Bad --${name} "${v}". Use one of: ${o.choices.join(", ")}.`, command);
        }
      }
    }
  }
  return parsed;
}

function usageLine(command: CommandDef | undefined): string {
  if (!command) return `Usage: govgraph <${COMMANDS.map((c) => c.name).join("|")}> [options] (govgraph --help for more)`;
  const args = command.args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`)).join(" ");
  const formats = (command.formats ?? FORMATS).join("|");
  const own = Object.entries(command.options)
    .map(([name, o]) => `[--${name}${o.valueHint ? ` ${o.valueHint}` : ""}]`)
    .join(" ");
  return `Usage: govgraph ${command.name}${args ? " " + args : ""}${own ? " " + own : ""} [--format ${formats}] [--out FILE] (govgraph ${command.name} --help for more)`;
}

function optionLines(options: Record<string, OptionDef>): string[] {
  const flags = Object.entries(options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : "    "}--${name}${o.valueHint ? ` ${o.valueHint}` : ""}`, o.description]);
  const width = Math.max(...flags.map(([f]) => f!.length));
  return flags.map(([f, d]) => `  ${f!.padEnd(width)}  ${d}`);
}

function programHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `govgraph ${version}: model a government as a graph of departments, functions, services and needs, and measure it.`,
    "",
    `Usage: govgraph <command> [file] [options]`,
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    ...optionLines(PROGRAM_OPTIONS),
    "",
    "Without a file, commands run on the bundled example county. Exit codes: 0 ok, 1 invalid input, 2 usage error,",
    "3 --fail-on findings. Set NO_COLOR to disable colour, GOVGRAPH_DEBUG=1 to print stack traces.",
    "",
  ].join("\n");
}

function commandHelp(command: CommandDef): string {
  const formats = command.formats ?? FORMATS;
  const globals = { ...GLOBAL_OPTIONS, format: { ...GLOBAL_OPTIONS.format!, valueHint: formats.join("|"), description: `Output format (default: ${formats[0]})` } };
  const argWidth = Math.max(0, ...command.args.map((a) => a.name.length));
  return [
    `${command.summary}.`,
    "",
    usageLine(command).replace(/ \(govgraph .*\)$/, ""),
    ...(command.args.length ? ["", "Arguments:", ...command.args.map((a) => `  ${a.name.padEnd(argWidth)}  ${a.description}`)] : []),
    "",
    "Options:",
    ...optionLines({ ...command.options, ...globals }),
    ...(command.examples?.length ? ["", "Examples:", ...command.examples.map((e) => `  ${e}`)] : []),
    "",
  ].join("\n");
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
