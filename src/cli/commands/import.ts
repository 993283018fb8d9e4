import { dirname, relative } from "node:path";
import { COLLECTIONS, GovGraphError, type ImportResult, type Model } from "../../index.js";
import { defineCommand, numberOption, UsageError, type CommandDef, type OptionDef, type OptionValues } from "../command.js";
import { FILE_FORMATS, modelJson, type FileFormat, type FormatOption, type FormatReader } from "../file-formats.js";
import { existsNotFolder } from "../folder.js";
import { progress, type CliIo } from "../io.js";
import type { Format } from "../formats.js";
import { placeIssues, where, type PlacedIssue } from "../placed-issues.js";
import { issueList, paragraph, table, writeDocument, type Block, type View } from "../render/document.js";
import { countIssues } from "../render/issues.js";
import { renderJson } from "../render/json.js";
import { count, formatCount, formatCounted } from "../render/numbers.js";

/** The formats `import` reads (and `convert --from`). @internal */
export const READABLE = FILE_FORMATS.filter((f): f is FileFormat & { read: FormatReader } => f.read !== undefined);

/** Every option of the given formats' readers or writers, once each. @internal */
export function formatOptions(options: readonly (Record<string, FormatOption> | undefined)[]): Record<string, OptionDef> {
  return Object.assign({}, ...options.map((o) => o ?? {})) as Record<string, OptionDef>;
}

/** A usage error for each option given that `own` (the chosen format's) does not take, and for non-integers. @internal */
export function checkFormatOptions(values: OptionValues, all: Record<string, OptionDef>, own: Record<string, FormatOption> | undefined, format: string, command: CommandDef): void {
  for (const name of Object.keys(all)) {
    if (values[name] === undefined) continue;
    if (!own || !Object.hasOwn(own, name)) throw new UsageError(`${command.name}: --${name} does not apply to ${format}.`, command);
    if (own[name]!.integer) numberOption(values, name, command, (n) => Number.isInteger(n) && n >= 0, "a whole number");
  }
}

/** A model mapped from an input, with the issues placed in the input's files. @internal */
export interface Imported {
  model: Model;
  issues: PlacedIssue[];
}

/**
 * Reads `path` as `format` (checking that it is a file or a directory as the format expects); an error listing
 * issues is given them placed at their files, lines and columns. @internal
 */
export async function readInput(io: CliIo, format: FileFormat & { read: FormatReader }, path: string, strict: boolean, values: OptionValues, command: CommandDef): Promise<Imported> {
  const { read } = format;
  const isFolder = io.isDirectory(path);
  if (!isFolder && !existsNotFolder(io, path)) throw new GovGraphError("not_found", `${command.name}: ${path} does not exist. Check the path.`);
  if (read.input === "dir" && !isFolder) throw new UsageError(`${command.name}: ${format.name} reads a folder (${read.expects}), and ${path} is not one.`, command);
  if (read.input === "file" && isFolder) throw new UsageError(`${command.name}: ${format.name} reads a file (${read.expects}), and ${path} is a folder.`, command);
  progress(io, `reading ${path} (${format.title})...`);
  let result: ImportResult;
  try {
    result = await read.read({ io, path, strict, values });
  } catch (error) {
    if (!(error instanceof GovGraphError) || error.issues.length === 0) throw error;
    const issues = placeIssues(error.issues, path, isFolder);
    const errors = issues.filter((i) => i.severity === "error");
    const first = errors[0] ?? issues[0]!;
    const fix = strict && errors.length > 0 ? "Fix them, or leave out --strict to map the rest" : "Fix them";
    throw new GovGraphError(error.code, `${command.name} ${format.name}: ${formatCounted(errors.length, "error")} in ${path}, first at ${where(first)}: ${first.message}. ${fix}.`, {
      issues: issues.map((i) => ({ ...i, message: `${where(i)}: ${i.message}` })),
      cause: error,
    });
  }
  return { model: result.model, issues: placeIssues(result.issues, path, isFolder) };
}

/** What `import` (and `convert`) say they wrote: the records per collection and every issue, placed. @internal */
export interface ImportSummary {
  input: string;
  from: string;
  to: string;
  out: string | undefined;
  model: Model;
  issues: readonly PlacedIssue[];
}

/**
 * The summary in the command's format: a line, the records per collection, then the issues at their files and
 * lines (errors one by one, warnings grouped by code unless `--verbose`, capped by `--max-issues`). @internal
 */
export function renderSummary(s: ImportSummary, format: Format, view: View): string {
  const counts = COLLECTIONS.filter((c) => s.model[c].length > 0).map((c) => [c, s.model[c].length] as [string, number]);
  if (format === "json") {
    return renderJson({ input: s.input, from: s.from, to: s.to, out: s.out ?? null, counts: Object.fromEntries(counts), issues: s.issues });
  }
  const head = `${s.input} (${s.from}) -> ${s.out ?? "standard output"} (${s.to}): ${countIssues(s.issues)}`;
  const blocks: Block[] =
    format === "md"
      ? [paragraph(head), table("import-counts", ["collection", "records"], counts.map(([c, n]) => [c, count(n)]), { whole: true })]
      : [paragraph(head), paragraph(counts.map(([c, n]) => `${c} ${formatCount(n)}`).join(", ") || "no records")];
  // Each issue is shown at its place in the input files (beside the input), where a model's issues show a pointer.
  const base = dirname(s.input);
  if (s.issues.length > 0) blocks.push(issueList("import-issues", s.issues.map((i) => ({ ...i, pointer: where({ ...i, file: relative(base, i.file) }) }))));
  let text = "";
  writeDocument(blocks, format === "md" ? "md" : "text", view, (chunk) => (text += chunk));
  return text;
}

const READ_OPTIONS = formatOptions(READABLE.map((f) => f.read.options));

/** `govgraph import SOURCE INPUT --out model.json`: a catalogue in another format mapped onto a model. @internal */
export const importCommand: CommandDef = defineCommand({
  name: "import",
  summary: `Map a catalogue onto a model (${READABLE.map((f) => f.name).join(", ")}): model JSON, with what was mapped and every issue`,
  args: [
    { name: "source", description: `The input's format: ${READABLE.map((f) => f.name).join(", ")}`, required: true },
    { name: "input", description: `What to read: ${READABLE.map((f) => `${f.name}: ${f.read.expects}`).join("; ")}`, required: true },
  ],
  options: {
    strict: { type: "boolean", description: "Refuse the input on any error (exit 1); without it, what is wrong is left out and listed" },
    ...READ_OPTIONS,
  },
  formats: ["text", "json", "md"],
  examples: ["us-fpi ../shared/data/us-fpi/programs.csv --out us.json", "kenya-ecitizen ../shared/data/kenya-ecitizen --out kenya.json --strict", "csv model-csv/ --out model.json"],
  async run({ positionals, values, format, view, io }) {
    const [name, path] = positionals as [string, string];
    const source = READABLE.find((f) => f.name === name);
    if (!source) throw new UsageError(`import: unknown source "${name}". Sources: ${READABLE.map((f) => f.name).join(", ")}.`, importCommand);
    checkFormatOptions(values, READ_OPTIONS, source.read.options, name, importCommand);
    const { model, issues } = await readInput(io, source, path, values.strict === true, values, importCommand);
    const out = typeof values.out === "string" ? values.out : undefined;
    return {
      output: modelJson(model),
      notice: renderSummary({ input: path, from: name, to: "json", out, model, issues }, format, view),
    };
  },
});
