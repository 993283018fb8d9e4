/**
 * Looks ids up straight from the UTF-8 bytes of a file, without making a string per row: an open-addressing hash
 * table (FNV-1a, then murmur3's finaliser) over the encoded ids. An id of up to 7 bytes is kept in its slot, so that
 * looking it up reads one cache line; a longer one is compared with its copy in a pool of bytes.
 */

const encoder = new TextEncoder();
/** Ids up to this many bytes live in their slot. */
const SHORT = 7;

/** The hash of `bytes[start..end)`. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A short id's bytes as two numbers: bytes 0-3, and bytes 4-6 with (length + 1) in the top byte. */
function packLow(bytes: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let n = Math.min(end, start + 4) - 1; n >= start; n--) v = (v << 8) | bytes[n]!;
  return v;
}
function packHigh(bytes: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let n = end - 1; n >= start + 4; n--) v = (v << 8) | bytes[n]!;
  return v | ((end - start + 1) << 24);
}

/** A read-only map from ids (as UTF-8 bytes) to their position in a list; the first of repeated ids wins. @internal */
export class ByteIdTable {
  private readonly pool: Uint8Array;
  /**
   * Four numbers per slot: the hash, position + 1 (0: empty), then the id itself (short: {@link packLow},
   * {@link packHigh}) or where it is in `pool` (long: its start, and its length with a top byte of 0).
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The same ids as strings, for text that needs decoding first (escapes, quotes). */
  readonly byString = new Map<string, number>();
  /** The last id {@link findRepeated} looked up (a copy: the caller may reuse its buffer) and its position. */
  private last = new Uint8Array(64);
  private lastLength = -1;
  private lastFound = -1;

  constructor(ids: readonly unknown[]) {
    const encoded = ids.map((id) => encoder.encode(typeof id === "string" ? id : ""));
    this.pool = new Uint8Array(encoded.reduce((sum, e) => sum + (e.length > SHORT ? e.length : 0), 0));
    // At most 80% full: short probe runs.
    let size = 16;
    while (size * 0.8 < ids.length) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4);
    let at = 0;
    ids.forEach((id, i) => {
      if (typeof id !== "string" || this.byString.has(id)) return;
      this.byString.set(id, i);
      const e = encoded[i]!;
      const h = hashBytes(e, 0, e.length);
      let slot = h & this.mask;
      while (this.slots[slot * 4 + 1] !== 0) slot = (slot + 1) & this.mask;
      if (e.length <= SHORT) this.slots.set([h, i + 1, packLow(e, 0, e.length), packHigh(e, 0, e.length)], slot * 4);
      else {
        this.pool.set(e, at);
        this.slots.set([h, i + 1, at, e.length], slot * 4);
        at += e.length;
      }
    });
  }

  /** The position of the id spelled by `bytes[start..end)`, or -1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const { slots, mask } = this;
    const length = end - start;
    const h = hashBytes(bytes, start, end);
    const short = length <= SHORT;
    const low = short ? packLow(bytes, start, end) : 0;
    const high = short ? packHigh(bytes, start, end) : length;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const s = slot * 4;
      const position = slots[s + 1]!;
      if (position === 0) return -1;
      if (slots[s] !== h || slots[s + 3] !== high) continue;
      if (short ? slots[s + 2] === low : this.samePooled(slots[s + 2]!, bytes, start, length)) return position - 1;
    }
  }

  private samePooled(at: number, bytes: Uint8Array, start: number, length: number): boolean {
    let n = 0;
    while (n < length && this.pool[at + n] === bytes[start + n]) n++;
    return n === length;
  }

  /** {@link find}, with the last id remembered: rows that repeat an id (a matrix's origin column) cost one comparison. */
  findRepeated(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length === this.lastLength) {
      let n = 0;
      while (n < length && this.last[n] === bytes[start + n]) n++;
      if (n === length) return this.lastFound;
    }
    const found = this.find(bytes, start, end);
    if (length > this.last.length) this.last = new Uint8Array(length * 2);
    this.last.set(bytes.subarray(start, end));
    this.lastLength = length;
    this.lastFound = found;
    return found;
  }
}
