/**
 * Seeded random numbers and 32-bit hashing
 * ========================================
 * The one source of randomness and of small hashes in the library: the generator draws from {@link Rng}, Louvain
 * (consolidation) takes {@link mulberry32} as its `rng`, and MinHash derives its hash family from {@link mix32} and
 * {@link hashString}. Nothing here calls `Math.random`.
 *
 * References:
 * - T. Ettinger, "Mulberry32" (2017, public domain): the 32-bit generator.
 * - A. Appleby, MurmurHash3: the 32-bit finaliser, a fast bijective mixer.
 * - G. Fowler, L. C. Noll, K.-P. Vo, FNV-1a: the string hash.
 * @internal
 * @module
 */

/** MurmurHash3's 32-bit finaliser: a fast bijective mixer of 32-bit integers. @internal */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed by {@link mix32}: the seeded 32-bit hash of a string. @internal */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Mulberry32: a small seeded generator of floats in [0, 1) (Louvain's `rng`, the generator's stream). @internal */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded stream of random choices: mulberry32 with the seed first mixed by {@link mix32}, so that nearby seeds
 * give unrelated streams.
 * @internal
 */
export class Rng {
  /** A float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(mix32((Math.floor(seed) ^ 0x9e3779b9) >>> 0));
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `k` distinct elements of `items`, in random order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const t = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = t;
    }
    return copy.slice(0, n);
  }
}
