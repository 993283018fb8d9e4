import { defineCommand, UsageError, type CommandDef } from "../command.js";
import { FILE_FORMATS, type FileFormat, type FormatWriter } from "../file-formats.js";
import { progress } from "../io.js";
import { loadModel } from "../load-model.js";
import { checkFormatOptions, formatOptions, READABLE, readInput, renderSummary, type Imported } from "./import.js";

/** The formats `convert --to` writes. @internal */
export const WRITABLE = FILE_FORMATS.filter((f): f is FileFormat & { write: FormatWriter } => f.write !== undefined);

const WRITE_OPTIONS = formatOptions(WRITABLE.map((f) => f.write.options));
const READ_OPTIONS = formatOptions(READABLE.map((f) => f.read.options));

/**
 * `govgraph convert [INPUT] --to FORMAT [--out PATH]`: a model (JSON, a CSV folder, or with `--from` any format
 * `import` reads) written in another format; a folder format needs `--out DIR`. @internal
 */
export const convert: CommandDef = defineCommand({
  name: "convert",
  summary: `Write a model in another format (${WRITABLE.map((f) => f.name).join(", ")}); a folder format into --out DIR`,
  args: [{ name: "input", description: "The model: a JSON file or a CSV folder (default: the bundled example); with --from, a file or folder in that format" }],
  options: {
    to: {
      type: "string",
      valueHint: "FORMAT",
      choices: WRITABLE.map((f) => f.name),
      description: `The format written: ${WRITABLE.map((f) => `${f.name} (${f.write.output === "dir" ? "a folder" : "a file"})`).join(", ")}`,
    },
    from: { type: "string", valueHint: "SOURCE", choices: READABLE.map((f) => f.name), description: "Read the input as this format, as `govgraph import` does (default: a model)" },
    strict: { type: "boolean", description: "With --from: refuse the input on any error" },
    ...WRITE_OPTIONS,
    ...READ_OPTIONS,
  },
  out: (values) => (WRITABLE.find((f) => f.name === values.to)?.write.output === "dir" ? "directory" : "file"),
  formats: ["text", "json", "md"],
  examples: [
    "model.json --to csv --out model-csv/",
    "model-csv/ --to json --out model.json",
    "model.json --to mermaid --level journey --id have-a-baby",
    "model.json --to hsds-csv --out hsds/",
    "programs.csv --from us-fpi --to graphml --out us.graphml",
  ],
  async run({ positionals, values, format, view, io }) {
    const target = WRITABLE.find((f) => f.name === values.to);
    if (!target) throw new UsageError(`convert: pass --to FORMAT, one of ${WRITABLE.map((f) => f.name).join(", ")}.`, convert);
    const out = typeof values.out === "string" ? values.out : undefined;
    if (target.write.output === "dir" && out === undefined) throw new UsageError(`convert: --to ${target.name} writes a folder of files: pass --out DIR.`, convert);
    checkFormatOptions(values, WRITE_OPTIONS, target.write.options, `--to ${target.name}`, convert);
    const source = READABLE.find((f) => f.name === values.from);
    checkFormatOptions(values, READ_OPTIONS, source?.read.options, source ? `--from ${source.name}` : "a model input (no --from)", convert);
    if (values.strict && !source) throw new UsageError("convert: --strict applies to --from only (a model is always read strictly).", convert);
    const input = positionals[0];
    let read: Imported;
    if (source) {
      if (input === undefined) throw new UsageError(`convert: --from ${source.name} needs an input (${source.read.expects}).`, convert);
      read = await readInput(io, source, input, values.strict === true, values, convert);
    } else {
      const loaded = loadModel(io, input);
      read = { model: loaded.model, issues: [] };
    }
    progress(io, `writing ${target.title}...`);
    const output = await target.write.write(read.model, values);
    const summary = { input: input ?? "bundled example", from: source?.name ?? "model", to: target.name, out, model: read.model, issues: read.issues };
    // Written to standard output, a diagram or a graph file stays alone there unless something went wrong.
    const notice = out !== undefined || read.issues.length > 0 ? renderSummary(summary, format, view) : undefined;
    return { output, ...(notice ? { notice } : {}) };
  },
});
