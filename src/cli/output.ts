import { join } from "node:path";
import { UsageError, type CommandContext, type CommandResult } from "./command.js";
import type { CliIo } from "./io.js";
import { documentTables, writeCsvTables, writeDocument, type Block } from "./render/document.js";
import { writeJson, type Writer } from "./render/json.js";
import type { Table } from "./render/table.js";

/** What a command prints: blocks for text, Markdown and CSV, and the value `--format json` writes. @internal */
export interface Document {
  blocks: readonly Block[];
  /** The JSON document (built only when asked for). */
  json: () => unknown;
}

/** The tables `--format csv` writes: every table, or the one `--table` names (a usage error when none has that id). */
function pickTables(ctx: CommandContext, tables: readonly Table[]): readonly Table[] {
  const wanted = ctx.values.table;
  if (typeof wanted !== "string") return tables;
  const found = tables.filter((t) => t.id === wanted);
  if (found.length === 0) throw new UsageError(`Unknown --table "${wanted}". Tables of this output: ${tables.map((t) => t.id).join(", ") || "none"}.`);
  return found;
}

/** A command's result in the asked format: JSON streamed, text and Markdown drawn, CSV one table or each. @internal */
export function documentResult(ctx: CommandContext, doc: Document, exitCode = 0): CommandResult {
  const { format, view } = ctx;
  if (typeof ctx.values.table === "string" && format !== "csv") throw new UsageError(`--table picks a table of --format csv; this run writes ${format}.`);
  if (format === "json") return { output: (write) => writeJson(doc.json(), write), exitCode };
  if (format === "csv") {
    const tables = pickTables(ctx, documentTables(doc.blocks));
    return {
      output: (write) => writeCsvTables(tables, write),
      files: tables.map((t) => ({ name: `${t.id}.csv`, output: (write: Writer) => writeCsvTables([t], write) })),
      exitCode,
    };
  }
  return { output: (write) => writeDocument(doc.blocks, format === "md" ? "md" : "text", view, write), exitCode };
}

/** Whether `--out` names a folder: it ends with a slash, or it is one. */
const isFolder = (io: CliIo, out: string) => /[\\/]$/.test(out) || io.isDirectory(out);

/**
 * Writes a command's result: to standard output, to `--out FILE`, or, for CSV with `--out DIR/`, one file per
 * table into DIR (which must exist). @internal
 */
export async function writeResult(io: CliIo, out: string | undefined, result: CommandResult): Promise<void> {
  const { output } = result;
  const produce = typeof output === "string" ? (write: Writer) => write(output) : output;
  if (out === undefined) return void (await produce((chunk) => io.stdout(chunk)));
  if (result.files && isFolder(io, out)) {
    if (!io.isDirectory(out)) throw new UsageError(`--out ${out}: no such folder. Create it first, or name a file.`);
    for (const file of result.files) await io.writeFileAtomic(join(out, file.name), file.output);
    return;
  }
  await io.writeFileAtomic(out, produce);
}
