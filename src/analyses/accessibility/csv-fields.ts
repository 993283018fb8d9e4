/**
 * Splitting one CSV line (bytes) into fields, RFC 4180 style: a field may be quoted, with `""` for a quote inside;
 * spaces and tabs around an unquoted field are dropped.
 */

const QUOTE = 34;
const decoder = new TextDecoder();

/** Field boundaries of one line: field `f` is `bytes[start[f]..end[f])`; `quoted[f]` when it must be unquoted first. @internal */
export class CsvFields {
  count = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly quoted: Uint8Array;

  /** Room for `max` fields; later fields are counted but not kept. */
  constructor(readonly max: number) {
    this.start = new Int32Array(max);
    this.end = new Int32Array(max);
    this.quoted = new Uint8Array(max);
  }

  /** Splits `bytes[from..to)` at `delimiter`; returns false when a quote is not closed on the line. */
  split(bytes: Uint8Array, from: number, to: number, delimiter: number): boolean {
    this.count = 0;
    let i = from;
    for (;;) {
      while (i < to && (bytes[i] === 32 || bytes[i] === 9)) i++;
      let s = i;
      let e: number;
      let quoted = 0;
      if (i < to && bytes[i] === QUOTE) {
        quoted = 1;
        s = ++i;
        for (;;) {
          while (i < to && bytes[i] !== QUOTE) i++;
          if (i >= to) return false;
          if (bytes[i + 1] === QUOTE) i += 2;
          else break;
        }
        e = i++;
        while (i < to && bytes[i] !== delimiter) i++;
      } else {
        while (i < to && bytes[i] !== delimiter) i++;
        e = i;
        while (e > s && (bytes[e - 1] === 32 || bytes[e - 1] === 9)) e--;
      }
      if (this.count < this.max) {
        this.start[this.count] = s;
        this.end[this.count] = e;
        this.quoted[this.count] = quoted;
      }
      this.count++;
      if (i >= to) return true;
      i++;
    }
  }

  /** Field `f` as a string (unquoted). */
  text(bytes: Uint8Array, f: number): string {
    const raw = decoder.decode(bytes.subarray(this.start[f]!, this.end[f]!));
    return this.quoted[f] ? raw.replace(/""/g, '"') : raw;
  }
}
