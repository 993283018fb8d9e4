/**
 * Byte windows
 * ============
 * The bytes of a JSON document, whole (one `Uint8Array`) or in chunks (an iterable of them, such as a file read
 * piece by piece), seen through a window: the reader asks for bytes up to some offset and says which it still
 * needs, so a document read in chunks is never held whole. Offsets are absolute (from the document's first byte).
 * The line and column of an offset are counted when they are needed (an error, a duplicate key): from the start of
 * the bytes, or of an iterable that starts over when iterated again (an array of chunks, or an object whose
 * `[Symbol.iterator]()` reads the file again); the lines of a one-shot iterator (a generator) are counted as its
 * bytes leave the window.
 */

import { GovGraphError } from "../../errors.js";

/** The UTF-8 bytes of a JSON document: all at once, or in chunks in order. */
export type JsonBytes = Uint8Array | Iterable<Uint8Array>;

/** A line and a column, 1-based; columns in UTF-16 code units, a byte order mark counted. @internal */
export interface Position {
  line: number;
  column: number;
}

const EMPTY = new Uint8Array(0);

/** Counts lines and UTF-16 code units through bytes, from a known position. */
function advance(position: Position, bytes: Uint8Array, from: number, to: number): void {
  let { line, column } = position;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c === 0x0a) {
      line++;
      column = 1;
    } else if ((c & 0xc0) !== 0x80) column += c >= 0xf0 ? 2 : 1;
  }
  position.line = line;
  position.column = column;
}

/** A window over a document's bytes: `bytes[0, length)` are the document's bytes from `base` on. @internal */
export class ByteWindow {
  bytes: Uint8Array;
  length: number;
  base = 0;
  /** True when the window holds the document's last byte. */
  done: boolean;
  private readonly chunks: Iterator<Uint8Array> | undefined;
  /** For a one-shot iterator: the position of `base`, counted as bytes were dropped. */
  private readonly tally: Position | undefined;

  constructor(
    private readonly source: JsonBytes,
    private readonly fn: string,
  ) {
    this.bytes = EMPTY;
    this.length = 0;
    this.done = source instanceof Uint8Array;
    if (source instanceof Uint8Array) {
      this.bytes = source;
      this.length = source.length;
      return;
    }
    this.chunks = source[Symbol.iterator]();
    if ((this.chunks as unknown) === source) this.tally = { line: 1, column: 1 };
  }

  /** True for chunks from an iterator that cannot start over: positions only of bytes still in the window. */
  get oneShot(): boolean {
    return this.tally !== undefined;
  }

  /** The absolute offset after the last byte in the window. */
  get end(): number {
    return this.base + this.length;
  }

  /** Reads chunks until the window holds the bytes before `to` (or the document ends), dropping those before `keep`. */
  fill(keep: number, to: number): void {
    while (!this.done && this.end < to) {
      const next = this.chunks!.next();
      if (next.done) {
        this.done = true;
        return;
      }
      const chunk: unknown = next.value;
      if (!(chunk instanceof Uint8Array)) {
        const got = chunk === null ? "null" : typeof chunk;
        throw new GovGraphError("invalid_json", `${this.fn}: a chunk of the bytes is ${got}, not a Uint8Array. Pass the file's bytes as Uint8Arrays.`);
      }
      this.append(keep, chunk);
    }
  }

  private append(keep: number, chunk: Uint8Array): void {
    const drop = Math.max(0, Math.min(keep, this.end) - this.base);
    if (this.tally) advance(this.tally, this.bytes, 0, drop);
    const kept = this.length - drop;
    const need = kept + chunk.length;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, Math.min(2 * this.bytes.length, need + (64 << 20))));
      grown.set(this.bytes.subarray(drop, this.length));
      this.bytes = grown;
    } else if (drop > 0) this.bytes.copyWithin(0, drop, this.length);
    this.bytes.set(chunk, kept);
    this.base += drop;
    this.length = need;
  }

  /**
   * The position of each absolute offset (at most the document's length). With a one-shot iterator only offsets
   * still in the window have one; the others are undefined.
   */
  positions(offsets: readonly number[]): (Position | undefined)[] {
    const order = offsets.map((offset, k) => [offset, k] as const).sort((a, b) => a[0] - b[0]);
    const out: (Position | undefined)[] = offsets.map(() => undefined);
    const at: Position = this.tally ? { ...this.tally } : { line: 1, column: 1 };
    let offset = this.tally ? this.base : 0;
    let next = 0;
    while (next < order.length && order[next]![0] < offset) next++;
    const chunks = this.tally ? [this.bytes.subarray(0, this.length)] : this.source instanceof Uint8Array ? [this.source] : this.source;
    for (const chunk of chunks) {
      let from = 0;
      while (next < order.length && order[next]![0] < offset + chunk.length) {
        const [target, k] = order[next++]!;
        advance(at, chunk, from, target - offset);
        from = target - offset;
        out[k] = { ...at };
      }
      if (next >= order.length) break;
      advance(at, chunk, from, chunk.length);
      offset += chunk.length;
    }
    while (next < order.length && order[next]![0] === offset) out[order[next++]![1]] = { ...at };
    return out;
  }
}
