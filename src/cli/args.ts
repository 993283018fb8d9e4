import { parseArgs } from "node:util";
import { UsageError, type CommandDef, type OptionDef } from "./command.js";

/** Options every command accepts (`--fail-on` and the others are the commands' own). @internal */
export const GLOBAL_OPTIONS: Record<string, OptionDef> = {
  format: { type: "string", short: "f", valueHint: "text|json|md|csv", description: "Output format (default: text)" },
  out: { type: "string", short: "o", valueHint: "FILE", description: "Write the output to FILE (only when the run succeeds)" },
  progress: { type: "boolean", description: "Show progress on stderr even when it is not a terminal or CI is set" },
  help: { type: "boolean", short: "h", description: "Show help" },
};

/** Options of `govgraph` without a command. @internal */
export const PROGRAM_OPTIONS: Record<string, OptionDef> = {
  help: GLOBAL_OPTIONS.help!,
  version: { type: "boolean", short: "v", description: "Show the version" },
};

/** The index of the command name in argv: the first token that is neither an option nor an option's value. @internal */
export function commandIndex(argv: readonly string[]): number {
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

/**
 * Parses `args` against `options` (node:util parseArgs, strict); positionals only for a command. A wrong option or
 * a value outside an option's `choices` is a usage error. @internal
 */
export function parseOptions(args: readonly string[], options: Record<string, OptionDef>, command: CommandDef | undefined) {
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
    if (value === undefined || o.type !== "string" || typeof value === "boolean" || !o.choices) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === "string" && !o.choices.includes(v)) throw new UsageError(`Bad --${name} "${v}". Use one of: ${o.choices.join(", ")}.`, command);
    }
  }
  return parsed;
}
