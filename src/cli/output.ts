import { resolve } from "node:path";
import { csvTablesIntoFolder, UsageError, type CommandContext, type CommandDef, type CommandResult, type OptionValues, type Output } from "./command.js";
import { sameFile, type WriteText } from "./files.js";
import type { CliIo } from "./io.js";
import { documentTables, writeCsvTables, writeDocument, type Block } from "./render/document.js";
import { writeJson } from "./render/json.js";
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

/**
 * A command's result in the asked format: JSON streamed, text and Markdown drawn, CSV every table (or the one
 * `--table` names) one after the other, or one file per table into `--out DIR/`. @internal
 */
export function documentResult(ctx: CommandContext, doc: Document, exitCode = 0): CommandResult {
  const { format, view } = ctx;
  if (typeof ctx.values.table === "string" && format !== "csv") throw new UsageError(`--table picks a table of --format csv; this run writes ${format}.`);
  if (format === "json") return { output: (write) => writeJson(doc.json(), write), exitCode };
  if (format === "csv") {
    const tables = pickTables(ctx, documentTables(doc.blocks));
    if (csvTablesIntoFolder(ctx.values, ctx.io)) {
      return { output: { folder: (write) => tables.forEach((t) => writeCsvTables([t], (chunk) => write(`${t.id}.csv`, chunk))) }, exitCode };
    }
    return { output: (write) => writeCsvTables(tables, write), exitCode };
  }
  return { output: (write) => writeDocument(doc.blocks, format === "md" ? "md" : "text", view, write), exitCode };
}

/** Characters written between two pauses of a long output: signals and a full pipe are dealt with in between. */
const PAUSE_EVERY = 8 << 20;
/** The longest piece of a text output written at once. @internal */
export const SLICE = 8 << 20;

/**
 * Writes a command's output to `--out` (or standard output), then its other files, once it is sure that none of
 * them replaces a file the run read (docs/cli.md, "--out"). @internal
 */
export async function writeOutputs(io: CliIo, command: CommandDef, values: OptionValues, result: CommandResult & { output: Output }): Promise<void> {
  const out = typeof values.out === "string" ? values.out : undefined;
  const files = result.files ?? [];
  if (out !== undefined) checkNotInput(io, "--out", out, command, false, false);
  for (const file of files) checkNotInput(io, file.option, file.path, command, file.kind === "model", file.kind === "model" && values.force === true);
  const delay = testDelay(io.env);
  if (out !== undefined) await io.writeFileAtomic(out, (write, pause) => emit(result.output, write, pause, delay));
  else await emit(result.output, (text) => io.stdout(text), () => io.drainStdout?.() ?? nextTurn(), delay);
  for (const file of files) await io.writeFileAtomic(file.path, (write, pause) => emit(file.output, write, pause, delay));
}

/** Refuses (usage error) an output path that names a file the run has read, unless `force` allows it. */
function checkNotInput(io: CliIo, option: string, path: string, command: CommandDef, isModel: boolean, force: boolean): void {
  const full = resolve(io.cwd, path);
  const input = io.inputs?.find((read) => sameFile(read, full));
  if (input === undefined || force) return;
  const fix = isModel ? ", or add --force to replace it with the new model" : "";
  throw new UsageError(`${option} ${path} names a file this run reads (${input}), which would be lost. Write to another file${fix}.`, command);
}

/**
 * Test hook, internal and undocumented for users: `GOVGRAPH_TEST_WRITE_DELAY_MS=N` waits N ms after each piece of
 * an output, so that tests can interrupt a write with a signal while its temporary file exists.
 */
function testDelay(env: Record<string, string | undefined>): number {
  const ms = Number(env.GOVGRAPH_TEST_WRITE_DELAY_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

/** Writes an output in pieces, pausing every {@link PAUSE_EVERY} characters (and after each piece under the test delay). */
async function emit(output: Output, write: WriteText, pause: () => Promise<void>, delay: number): Promise<void> {
  if (typeof output === "function") return output(write);
  let since = 0;
  for (const piece of typeof output === "string" ? slices(output) : output) {
    write(piece);
    since += piece.length;
    if (delay > 0) await new Promise((done) => setTimeout(done, delay));
    if (delay > 0 || since >= PAUSE_EVERY) {
      since = 0;
      await pause();
    }
  }
}

/** `text` in pieces of at most `size` characters, never cutting a surrogate pair (each piece is encoded alone). @internal */
export function* slices(text: string, size = SLICE): Generator<string, void, undefined> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    // A high surrogate last: keep the pair together (in this piece when it holds only that character).
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - at > 1 ? -1 : 1;
    yield text.slice(at, end);
    at = end;
  }
}
