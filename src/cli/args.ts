import { join, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { GovGraphError } from "../index.js";
import { UsageError, type CommandDef, type OptionDef, type OutKind } from "./command.js";
import { fileError, resolveOutTarget, type OutTarget } from "./files.js";

/** Options every command accepts (`--fail-on` and the others are the commands' own). @internal */
export const GLOBAL_OPTIONS: Record<string, OptionDef> = {
  format: { type: "string", short: "f", valueHint: "text|json|md|csv", description: "Output format (default: text)" },
  out: { type: "string", short: "o", valueHint: "FILE", description: "Write the output to FILE (only when the run gives its report: an error writes nothing)" },
  progress: { type: "boolean", description: "Show progress on stderr even when it is not a terminal or CI is set" },
  help: { type: "boolean", short: "h", description: "Show help" },
};

/** `--force`, which commands whose `--out` is a model list among their options (docs/cli.md, "--out"). @internal */
export const FORCE_OPTION: OptionDef = { type: "boolean", description: "Let --out replace a file this run reads (the new model over the old one)" };

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
 * Parses `args` against `options` (node:util parseArgs, strict); positionals only for a command. A wrong option, an
 * empty value, an option given twice (unless `multiple`) or a value outside an option's `choices` is a usage error.
 * @internal
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
      tokens: true,
    });
  } catch (error) {
    // parseArgs explains itself ("Unknown option '--x'"); keep its first sentence.
    throw new UsageError((error as Error).message.split(". ")[0]!.replace(/\.$/, "") + ".", command);
  }
  checkTokens(parsed.tokens, options, command);
  for (const [name, o] of Object.entries(options)) {
    const value = parsed.values[name];
    if (value === undefined || o.type !== "string" || typeof value === "boolean" || !o.choices) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === "string" && !o.choices.includes(v)) throw new UsageError(`Bad --${name} "${v}". Use one of: ${o.choices.join(", ")}.`, command);
    }
  }
  return parsed;
}

type Token = ReturnType<typeof parseArgs>["tokens"] extends (infer T)[] | undefined ? T : never;

/** Refuses an empty value, and an option given more than once unless it is `multiple` (the last would silently win). */
function checkTokens(tokens: readonly Token[], options: Record<string, OptionDef>, command: CommandDef | undefined): void {
  const given = new Map<string, (string | undefined)[]>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = options[token.name]!;
    if (token.value === "") throw new UsageError(`--${token.name} is empty. Give a value: --${token.name} ${option.valueHint ?? "VALUE"}.`, command);
    given.set(token.name, [...(given.get(token.name) ?? []), token.value]);
  }
  for (const [name, values] of given) {
    if (values.length < 2 || options[name]!.multiple) continue;
    const shown = values.every((v) => v !== undefined) ? ` (${values.map((v) => JSON.stringify(v)).join(", ")})` : "";
    throw new UsageError(`--${name} is given ${values.length === 2 ? "twice" : `${values.length} times`}${shown}. Give it once.`, command);
  }
}

/**
 * Checks an output path before the run (docs/cli.md, "--out"): a path ending in "/" or naming a directory is a
 * usage error for a file output, an existing non-directory for a directory output; a file in a missing directory
 * is `not_found`. `example` is a file name to suggest, such as `analyze.md`. @internal
 */
export function checkOutOption(cwd: string, option: string, path: string, kind: OutKind, command: CommandDef, example: string): void {
  const inside = join(path, example);
  if (kind !== "directory" && (path.endsWith("/") || path.endsWith(sep))) {
    throw new UsageError(`${option} ${path} ends with "/", so it names a directory. Name a file, such as ${inside}.`, command);
  }
  let target: OutTarget;
  try {
    target = resolveOutTarget(resolve(cwd, path));
  } catch (error) {
    throw fileError(option, path, error);
  }
  if (kind === "directory") {
    const isOther = target.kind === "stream" || (target.kind === "file" && target.existing !== undefined);
    if (isOther) throw new UsageError(`${option} ${path} exists and is not a directory, and this run writes a folder of files. Name a directory (a new one is created).`, command);
    return;
  }
  if (target.kind === "directory") throw new UsageError(`${option} ${path} is a directory. Name a file, such as ${inside}.`, command);
  if (target.kind === "no-directory") {
    throw new GovGraphError("not_found", `${option} ${path}: the directory ${target.dir} does not exist. Create it, or name a file in an existing directory.`);
  }
}
