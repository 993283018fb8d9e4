import pkg from "../../package.json" with { type: "json" };
import { GLOBAL_OPTIONS, PROGRAM_OPTIONS } from "./args.js";
import { mayWriteFolder, type CommandDef, type OptionDef } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { FORMATS } from "./render.js";

/** The package's version. @internal */
export const VERSION = pkg.version;

/** The one-line usage of a command, or of the program when there is none. @internal */
export function usageLine(command: CommandDef | undefined): string {
  if (!command) return `Usage: govgraph <${COMMANDS.map((c) => c.name).join("|")}> [options] (govgraph --help for more)`;
  const args = command.args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`)).join(" ");
  const formats = (command.formats ?? FORMATS).join("|");
  const own = Object.entries(command.options)
    .map(([name, o]) => `[--${name}${o.valueHint ? ` ${o.valueHint}` : ""}]`)
    .join(" ");
  return `Usage: govgraph ${command.name}${args ? " " + args : ""}${own ? " " + own : ""} [--format ${formats}] [--out ${mayWriteFolder(command) ? "FILE|DIR" : "FILE"}] (govgraph ${command.name} --help for more)`;
}

function optionLines(options: Record<string, OptionDef>): string[] {
  const flags = Object.entries(options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : "    "}--${name}${o.valueHint ? ` ${o.valueHint}` : ""}`, o.description]);
  const width = Math.max(...flags.map(([f]) => f!.length));
  return flags.map(([f, d]) => `  ${f!.padEnd(width)}  ${d}`);
}

/** `govgraph --help`: the commands and the program's options. @internal */
export function programHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `govgraph ${VERSION}: model a government as a graph of departments, functions, services and needs, and measure it.`,
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

/** `govgraph <command> --help`: its usage, arguments, options and examples. @internal */
export function commandHelp(command: CommandDef): string {
  const formats = command.formats ?? FORMATS;
  const globals: Record<string, OptionDef> = { ...GLOBAL_OPTIONS, format: { ...GLOBAL_OPTIONS.format!, valueHint: formats.join("|"), description: `Output format (default: ${formats[0]})` } };
  if (mayWriteFolder(command)) globals.out = { ...GLOBAL_OPTIONS.out!, valueHint: "FILE|DIR", description: "Write the output to FILE, or its files into DIR (only when the run succeeds)" };
  const argWidth = Math.max(0, ...command.args.map((a) => a.name.length));
  return [
    `${command.summary}.`,
    "",
    usageLine(command).replace(/ \(govgraph .*\)$/, ""),
    ...(command.args.length ? ["", "Arguments:", ...command.args.map((a) => `  ${a.name.padEnd(argWidth)}  ${a.description}`)] : []),
    "",
    "Options:",
    ...optionLines({ ...command.options, ...globals }),
    ...(command.examples?.length ? ["", "Examples:", ...command.examples.map((e) => `  govgraph ${command.name}${e ? " " + e : ""}`)] : []),
    "",
  ].join("\n");
}
