import { resolve } from "node:path";
import { UsageError, type CommandDef, type CommandResult, type OptionValues, type OutKind, type Output } from "./command.js";
import { sameFile, type WriteText } from "./files.js";
import type { CliIo } from "./io.js";

/** Characters written between two pauses of a long output: signals and a full pipe are dealt with in between. */
const PAUSE_EVERY = 8 << 20;
/** The longest piece of a text output written at once. @internal */
export const SLICE = 8 << 20;

/**
 * Writes a command's output to `--out` (or standard output), then its other files, once it is sure that none of
 * them replaces a file the run read (docs/cli.md, "--out"). @internal
 */
export async function writeOutputs(io: CliIo, command: CommandDef, kind: OutKind, values: OptionValues, result: CommandResult & { output: Output }): Promise<void> {
  const out = typeof values.out === "string" ? values.out : undefined;
  const files = result.files ?? [];
  const force = kind === "model" && values.force === true;
  if (out !== undefined) checkNotInput(io, "--out", out, command, kind, force);
  for (const file of files) checkNotInput(io, file.option, file.path, command, "file", false);
  const delay = testDelay(io.env);
  if (out !== undefined) await io.writeFileAtomic(out, (write, pause) => emit(result.output, write, pause, delay));
  else await emit(result.output, (text) => io.stdout(text), () => io.drainStdout?.() ?? nextTurn(), delay);
  for (const file of files) await io.writeFileAtomic(file.path, (write, pause) => emit(file.output, write, pause, delay));
}

/** Refuses (usage error) an output path that names a file the run has read, unless `force` allows it. */
function checkNotInput(io: CliIo, option: string, path: string, command: CommandDef, kind: OutKind, force: boolean): void {
  const full = resolve(io.cwd, path);
  const input = io.inputs?.find((read) => sameFile(read, full));
  if (input === undefined || force) return;
  const fix = kind === "model" ? ", or add --force to replace it with the new model" : "";
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
