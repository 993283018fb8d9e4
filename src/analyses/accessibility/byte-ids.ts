/**
 * Looks ids up straight from the UTF-8 bytes of a file, without making a string per row: an open-addressing hash
 * table (FNV-1a, then murmur3's finaliser) over the encoded ids.
 */

const encoder = new TextEncoder();

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

/** A read-only map from ids (as UTF-8 bytes) to their position in a list; the first of repeated ids wins. @internal */
export class ByteIdTable {
  private readonly pool: Uint8Array;
  /** Four numbers per slot, so that a probe reads one cache line: the hash, position + 1 (0: empty), start and length of the id's bytes in `pool`. */
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
    this.pool = new Uint8Array(encoded.reduce((sum, e) => sum + e.length, 0));
    // At most 80% full: short probe runs in a table small enough to stay in cache.
    let size = 16;
    while (size * 0.8 < ids.length) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4);
    let at = 0;
    ids.forEach((id, i) => {
      const e = encoded[i]!;
      this.pool.set(e, at);
      at += e.length;
      if (typeof id !== "string" || this.byString.has(id)) return;
      this.byString.set(id, i);
      const h = hashBytes(e, 0, e.length);
      let slot = h & this.mask;
      while (this.slots[slot * 4 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots.set([h, i + 1, at - e.length, e.length], slot * 4);
    });
  }

  /** The position of the id spelled by `bytes[start..end)`, or -1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const { pool, slots, mask } = this;
    const length = end - start;
    const h = hashBytes(bytes, start, end);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const s = slot * 4;
      const position = slots[s + 1]!;
      if (position === 0) return -1;
      if (slots[s] !== h || slots[s + 3] !== length) continue;
      const at = slots[s + 2]!;
      let n = 0;
      while (n < length && pool[at + n] === bytes[start + n]) n++;
      if (n === length) return position - 1;
    }
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
