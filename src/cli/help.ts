import pkg from "../../package.json" with { type: "json" };
import { GLOBAL_OPTIONS, PROGRAM_OPTIONS } from "./args.js";
import { mayWriteFolder, type CommandDef, type OptionDef } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { FORMATS } from "./formats.js";
import { DEFAULT_WIDTH } from "./output-options.js";
import { displayWidth, pad, wrap, wrapHanging } from "./render/text.js";

/** The package's version. @internal */
export const VERSION = pkg.version;

/** `text` wrapped to `width`, lines after the first indented by `indent` spaces. */
const hanging = (text: string, width: number, indent: number) => {
  const [first, ...rest] = wrapHanging(text, width, width - indent);
  return [first!, ...rest.map((l) => " ".repeat(indent) + l)].join("\n");
};

/** The one-line usage of a command, or of the program when there is none (wrapped to `width`). @internal */
export function usageLine(command: CommandDef | undefined, width = DEFAULT_WIDTH): string {
  if (!command) return hanging("Usage: govgraph <command> [file] [options] (govgraph --help lists the commands)", width, 7);
  return hanging(`${usage(command)} (govgraph ${command.name} --help for more)`, width, 7);
}

function usage(command: CommandDef): string {
  const args = command.args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`)).join(" ");
  const formats = (command.formats ?? FORMATS).join("|");
  const own = Object.entries(command.options)
    .map(([name, o]) => `[--${name}${o.valueHint ? ` ${o.valueHint}` : ""}]`)
    .join(" ");
  return `Usage: govgraph ${command.name}${args ? " " + args : ""}${own ? " " + own : ""} [--format ${formats}] [--out ${mayWriteFolder(command) ? "FILE|DIR" : "FILE"}]`;
}

/** Two columns, `  term  description`, the descriptions wrapped beside the terms (or under them when narrow). */
function twoColumns(rows: readonly (readonly [string, string])[], width: number): string[] {
  const termWidth = Math.min(rows.reduce((w, [t]) => Math.max(w, displayWidth(t)), 0), Math.floor(width / 2));
  const lead = 2 + termWidth + 2;
  return rows.flatMap(([term, description]) => {
    const room = width - lead;
    if (displayWidth(term) > termWidth || room < 24) return [`  ${term}`, ...wrap(description, width - 6).map((l) => "      " + l)];
    return wrap(description, room).map((line, i) => `  ${pad(i === 0 ? term : "", termWidth)}  ${line}`.trimEnd());
  });
}

const optionRows = (options: Record<string, OptionDef>) =>
  Object.entries(options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : "    "}--${name}${o.valueHint ? ` ${o.valueHint}` : ""}`, o.description] as const);

/** The commands that take `--fail-on`. */
const failOnCommands = () => COMMANDS.filter((c) => "fail-on" in c.options).map((c) => c.name);

/** `govgraph --help`: the commands and the program's options, fitted to `width`. @internal */
export function programHelp(width = DEFAULT_WIDTH): string {
  return [
    ...wrap(`govgraph ${VERSION}: model a government as a graph of departments, functions, services and needs, and measure it.`, width),
    "",
    "Usage: govgraph <command> [file] [options]",
    "",
    "Commands:",
    ...twoColumns(
      COMMANDS.map((c) => [c.name, c.summary]),
      width,
    ),
    "",
    "Options:",
    ...twoColumns(optionRows(PROGRAM_OPTIONS), width),
    "",
    ...wrap(
      `Without a file, commands run on the bundled example county. Exit codes: 0 ok, 1 invalid input, 2 usage error, ` +
        `3 --fail-on findings (${failOnCommands().join(", ")}), 141 standard output closed, 129/130/143 interrupted by ` +
        `SIGHUP/SIGINT/SIGTERM. Text fits the terminal (100 columns when output is not one). ` +
        `Set NO_COLOR to disable colour, GOVGRAPH_DEBUG=1 to print stack traces.`,
      width,
    ),
    "",
  ].join("\n");
}

/** The `--format` option of a command: its formats, the first the default. */
function formatOption(command: CommandDef): OptionDef {
  const formats = command.formats ?? FORMATS;
  const csv = formats.includes("csv") ? "; csv writes every table (--table ID for one, --out DIR/ for one file each)" : "";
  return { ...GLOBAL_OPTIONS.format!, valueHint: formats.join("|"), description: `Output format (default: ${formats[0]})${csv}` };
}

/** `govgraph <command> --help`: its usage, arguments, options and examples, fitted to `width`. @internal */
export function commandHelp(command: CommandDef, width = DEFAULT_WIDTH): string {
  const globals: Record<string, OptionDef> = { ...GLOBAL_OPTIONS, format: formatOption(command) };
  if (mayWriteFolder(command)) globals.out = { ...GLOBAL_OPTIONS.out!, valueHint: "FILE|DIR", description: "Write the output to FILE, or its files into DIR (only when the run gives its report: an error writes nothing)" };
  return [
    ...wrap(`${command.summary}.`, width),
    "",
    hanging(usage(command), width, 7),
    ...(command.args.length ? ["", "Arguments:", ...twoColumns(command.args.map((a) => [a.name, a.description]), width)] : []),
    "",
    "Options:",
    ...twoColumns(optionRows({ ...command.options, ...globals }), width),
    ...(command.examples?.length ? ["", "Examples:", ...command.examples.flatMap((e) => wrap(`govgraph ${command.name}${e ? " " + e : ""}`, width - 2).map((l) => "  " + l))] : []),
    "",
  ].join("\n");
}
