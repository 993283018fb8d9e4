/**
 * Batches of array elements
 * =========================
 * The elements of an array, decoded and `JSON.parse`d a batch at a time (`[` + the batch + `]`), the batches'
 * arrays joined at the end. A batch whose keys were counted (`byte-scan.ts`) is checked for repeated keys: each
 * element whose parsed keys are fewer than its counted ones is walked again to find them.
 */
import type { IssuePath } from "../../issues.js";
import { decodeArrayOrThrow, syntaxError, tooLongError, type ReaderContext } from "./byte-errors.js";
import { countColons, escapedColons, isSpace } from "./byte-scan.js";
import { findDuplicateKeys, keyCount, keyTally, type DuplicateKey } from "./duplicate-keys.js";
import { MAX_STRING_LENGTH, type BracketedDecoder } from "./utf8.js";

/** What a batch list needs of its reader. @internal */
export interface BatchReader extends ReaderContext {
  /** Repeated keys found so far. */
  readonly duplicates: DuplicateKey[];
  /** Decodes batches (its buffer lives as long as the reader). */
  readonly decoder: BracketedDecoder;
  /** The offset of the comma or closing bracket after the value starting at `from`. */
  elementEnd(from: number): number;
  /** Whether every repeated key is looked for (not only those of the top-level object). */
  readonly allKeys: boolean;
  /** The keys counted in the bytes of each element of the whole elements between two offsets. */
  keyCounts(from: number, to: number): number[];
  /** Told of each batch of a top-level array's elements as it is parsed (and checked for repeated keys). */
  readonly listener?: ArrayListener | undefined;
}

/**
 * Told of the elements of the top-level object's arrays a batch at a time, as they are parsed, and of each such
 * array's end: what lets a model be validated while its records are still in the processor's caches. @internal
 */
export interface ArrayListener {
  elements(key: string, elements: readonly unknown[]): void;
  ended(key: string): void;
}

/** The longest batch of text: two characters are left for the brackets around it. */
const MAX_TEXT = MAX_STRING_LENGTH - 2;

/**
 * Finds the repeated keys of the valid JSON value between two absolute offsets (at `path`) and adds them to `out`,
 * placed at once when the window will not hold their bytes for long. @internal
 */
export function findDuplicatesIn(r: ReaderContext, from: number, to: number, path: IssuePath, out: DuplicateKey[]): void {
  const w = r.w;
  for (const duplicate of findDuplicateKeys(w.bytes, from - w.base, to - w.base, w.base, path)) {
    if (w.oneShot) [duplicate.at, duplicate.firstAt] = w.positions([duplicate.offset, duplicate.first]);
    out.push(duplicate);
  }
}

/** The elements of one array, batch by batch. @internal */
export class BatchList {
  private readonly parts: unknown[][] = [];
  /** Elements parsed so far. */
  private count = 0;
  /** Whether a batch's strings held colons: later batches count them in the walk that counts their keys. */
  private stringColons = false;

  constructor(
    private readonly r: BatchReader,
    private readonly path: IssuePath,
  ) {}

  /**
   * Parses the elements between two offsets (after the array's `[` when `first`, else after a comma), which stand
   * after `outer` in the document; with `counts` (the keys the scan counted in each), checks for repeated keys.
   */
  parse(from: number, to: number, first: boolean, outer: string, counts?: number[]): void {
    if (to - from > MAX_TEXT && this.split(from, to, first, outer, counts)) return;
    const at = [...this.path, this.count];
    const text = decodeArrayOrThrow(this.r, this.r.decoder, from, to, at);
    if (text.length > MAX_STRING_LENGTH) throw tooLongError(this.r, this.valueStart(from, to), text.length - 2, at);
    let part: unknown[];
    try {
      part = JSON.parse(text) as unknown[];
    } catch (error) {
      throw syntaxError(this.r, outer + (first ? "[" : "[0,"), from, error);
    }
    if (!first && part.length === 0) throw syntaxError(this.r, `${outer}[0,`, from);
    if (counts) this.checkKeys(part, counts, from, to);
    this.add(part);
  }

  /** Parses a batch whose end was guessed: false, and nothing kept, when it is not a list of whole elements. */
  guess(from: number, to: number, first: boolean): boolean {
    if (to - from > MAX_TEXT) return false;
    const text = decodeArrayOrThrow(this.r, this.r.decoder, from, to, [...this.path, this.count]);
    let part: unknown[];
    try {
      part = JSON.parse(text) as unknown[];
    } catch {
      return false;
    }
    if (!first && part.length === 0) return false;
    if (this.r.allKeys && !this.keysAgree(part, from, to)) this.checkKeys(part, this.r.keyCounts(from, to), from, to);
    this.add(part);
    return true;
  }

  /**
   * Whether a batch surely repeats no key, from its colons. Outside strings a colon follows each key, so without a
   * repeated key the colon bytes plus the escaped colons (`\u003a`, see `escapedColons`) are at least the parsed
   * keys plus the colons in parsed strings, and equal in all but odd cases; each repeated key takes one key (and
   * whatever its first value held) out of the parsed side and none out of the bytes. So equal counts rule repeats
   * out, and unequal ones send the batch to the exact count of each element's keys. The colons in strings are
   * counted in the walk that counts the keys once a batch of the list needed them (service names such as "Town:
   * permits" recur batch after batch): only that first batch is walked twice.
   */
  private keysAgree(part: unknown[], from: number, to: number): boolean {
    const w = this.r.w;
    const bytes = countColons(w.bytes, from - w.base, to - w.base) + escapedColons(w.bytes, from - w.base, to - w.base);
    if (!this.stringColons) {
      if (bytes === keyCount(part)) return true;
      this.stringColons = true;
    }
    const { keys, colons } = keyTally(part, true);
    return bytes === keys + colons || bytes === keys;
  }

  /** Where the value after `from` starts: its first byte that is no blank. */
  private valueStart(from: number, to: number): number {
    const w = this.r.w;
    let at = from;
    while (at < to && isSpace(w.bytes[at - w.base]!)) at++;
    return at;
  }

  /** Every element, in order. */
  list(): unknown[] {
    const [head, ...rest] = this.parts;
    if (head === undefined) return [];
    return rest.length === 0 ? head : head.concat(...rest);
  }

  private add(part: unknown[]): void {
    if (part.length === 0) return;
    this.parts.push(part);
    this.count += part.length;
    if (this.path.length === 1) this.r.listener?.elements(String(this.path[0]), part);
  }

  /** A batch too long for one string, parsed element by element; false when it is one element. */
  private split(from: number, to: number, first: boolean, outer: string, counts?: number[]): boolean {
    const ends: number[] = [];
    for (let at = from; ; ) {
      const end = Math.min(this.r.elementEnd(at), to);
      ends.push(end);
      if (end >= to) break;
      at = end + 1;
    }
    if (ends.length === 1) return false;
    let at = from;
    ends.forEach((end, k) => {
      this.parse(at, end, first && k === 0, outer, counts && [counts[k]!]);
      at = end + 1;
    });
    return true;
  }

  /** Finds the repeated keys of each element whose parsed keys are fewer than the keys counted in its bytes. */
  private checkKeys(part: unknown[], counts: number[], from: number, to: number): void {
    let at = from;
    let k = 0;
    for (let j = 0; j < part.length; j++) {
      if (keyCount(part[j]) === counts[j]) continue;
      for (; k < j; k++) at = this.r.elementEnd(at) + 1;
      findDuplicatesIn(this.r, at, Math.min(this.r.elementEnd(at), to), [...this.path, this.count + j], this.r.duplicates);
    }
  }
}
