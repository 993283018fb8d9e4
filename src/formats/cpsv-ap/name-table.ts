/**
 * A hash table of the reader of govgraph's own Turtle (turtle-reader.ts): values by a name in the document's text,
 * found without cutting the name out of the text (no string made, hashed or collected per occurrence). The reader
 * hashes a name's characters as it scans them ({@link hashStep}); a key is a namespace number and the name.
 * @internal
 */

/** The hash of a name so far, after one more character code. @internal */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 0x01000193) ^ code) | 0;
}

/** The hash of a whole string, as {@link hashStep} gives it character by character. @internal */
export function hashOf(text: string, start = 0, end = text.length, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** Values by (namespace number, name), the names compared with the text they were read from. @internal */
export class NameTable<V> {
  private mask = 1023;
  private hashes = new Int32Array(1024);
  private spaces = new Int32Array(1024);
  private keys: string[] = new Array<string>(1024);
  private values: V[] = new Array<V>(1024);
  private size = 0;

  /** The value of the name `text.slice(start, end)` in a namespace, with the name's hash; `undefined` if absent. */
  get(space: number, text: string, start: number, end: number, hash: number): V | undefined {
    const h = hash | 1; // 0 marks an empty place
    const length = end - start;
    for (let i = h & this.mask; this.hashes[i] !== 0; i = (i + 1) & this.mask) {
      if (this.hashes[i] === h && this.spaces[i] === space) {
        const key = this.keys[i]!;
        if (key.length === length && text.startsWith(key, start)) return this.values[i];
      }
    }
    return undefined;
  }

  /** Adds a name that {@link get} did not find. */
  add(space: number, name: string, hash: number, value: V): void {
    if (++this.size * 2 > this.mask) this.grow();
    this.put(space, name, hash | 1, value);
  }

  private put(space: number, name: string, h: number, value: V): void {
    let i = h & this.mask;
    while (this.hashes[i] !== 0) i = (i + 1) & this.mask;
    this.hashes[i] = h;
    this.spaces[i] = space;
    this.keys[i] = name;
    this.values[i] = value;
  }

  private grow(): void {
    const { hashes, spaces, keys, values } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.spaces = new Int32Array(size);
    this.keys = new Array<string>(size);
    this.values = new Array<V>(size);
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) this.put(spaces[i]!, keys[i]!, hashes[i]!, values[i]!);
  }
}
