/**
 * MinHash and LSH banding
 * =======================
 * Near-duplicate text detection in near-linear time.
 *
 * References:
 * - A. Z. Broder, "On the resemblance and containment of documents", SEQUENCES 1997 (MinHash).
 * - J. Leskovec, A. Rajaraman, J. D. Ullman, "Mining of Massive Datasets", ch. 3 (shingling, LSH banding).
 * The seeded hash family is derived from MurmurHash3's finaliser and FNV-1a (random.ts).
 * @internal
 * @module
 */
import { hashString, mix32 } from "../random.js";

/** LSH parameters: `bands` of `rows` MinHash values each. @internal */
export interface LshParameters {
  bands: number;
  rows: number;
}

/**
 * The banding with the fewest hash functions (at most `maxHashes`) that makes a pair with Jaccard `threshold` a
 * candidate with probability at least `recall` while a pair at Jaccard `threshold - 0.3` stays a candidate with
 * probability at most 0.75 (few false candidates to verify); when none keeps that bound, the one closest to it.
 * @internal
 */
export function lshParameters(threshold: number, maxHashes = 128, recall = 0.9999): LshParameters {
  const t = Math.min(Math.max(threshold, 0.05), 1);
  const far = Math.max(t - 0.3, 0.01);
  let best: (LshParameters & { falseRate: number }) | undefined;
  for (let rows = 1; rows <= 16; rows++) {
    const p = Math.pow(t, rows);
    // log1p: for a tiny p, log(1 - p) rounds to 0 and the band count to -Infinity.
    const bands = p >= 1 ? 1 : Math.ceil(Math.log1p(-recall) / Math.log1p(-p));
    if (bands * rows > maxHashes) continue;
    const falseRate = 1 - Math.pow(1 - Math.pow(far, rows), bands);
    const better =
      !best ||
      (falseRate <= 0.75 ? best.falseRate > 0.75 || bands * rows < best.bands * best.rows : best.falseRate > 0.75 && falseRate < best.falseRate);
    if (better) best = { bands, rows, falseRate };
  }
  return best ? { bands: best.bands, rows: best.rows } : { bands: maxHashes, rows: 1 };
}

/** The sorted, unique 32-bit hashes of a shingle set. @internal */
export function hashShingles(set: readonly string[], seed: number): Uint32Array {
  const out = new Uint32Array(set.length);
  for (let i = 0; i < set.length; i++) out[i] = hashString(set[i]!, seed);
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  return out.subarray(0, n);
}

/**
 * MinHash signatures of many hashed shingle sets, `hashes` values each, flattened into one array
 * (set `i` at `[i * hashes, (i + 1) * hashes)`). Hash function `j` is `mix32(h ^ salt_j)` on the shingle's
 * 32-bit hash `h`, with salts drawn from `seed`.
 * @internal
 */
export function minhashSignatures(sets: readonly Uint32Array[], hashes: number, seed: number): Uint32Array {
  const salts = new Uint32Array(hashes);
  let state = seed >>> 0;
  for (let j = 0; j < hashes; j++) {
    state = (state + 0x9e3779b9) >>> 0;
    salts[j] = mix32(state);
  }
  // Shingles repeat across texts: mix each distinct shingle hash once, then take element-wise minima.
  const slot = new Map<number, number>();
  for (const set of sets) for (let k = 0; k < set.length; k++) if (!slot.has(set[k]!)) slot.set(set[k]!, slot.size);
  const mixed = new Uint32Array(slot.size * hashes);
  for (const [h, at] of slot) {
    const base = at * hashes;
    for (let j = 0; j < hashes; j++) mixed[base + j] = mix32(h ^ salts[j]!);
  }
  const signatures = new Uint32Array(sets.length * hashes).fill(0xffffffff);
  for (let i = 0; i < sets.length; i++) {
    const base = i * hashes;
    const set = sets[i]!;
    for (let k = 0; k < set.length; k++) {
      const from = slot.get(set[k]!)! * hashes;
      for (let j = 0; j < hashes; j++) {
        const v = mixed[from + j]!;
        if (v < signatures[base + j]!) signatures[base + j] = v;
      }
    }
  }
  return signatures;
}

/**
 * Candidate pairs `[i, j]` (i < j) that agree on every row of at least one band, each pair once, in increasing
 * order, keeping only those whose MinHash estimate of Jaccard is at least `minEstimate` (a cheap filter before
 * exact verification). Sets with no shingle are never candidates.
 * @internal
 */
export function lshCandidates(
  signatures: Uint32Array,
  count: number,
  { bands, rows }: LshParameters,
  isEmpty: (i: number) => boolean,
  minEstimate = 0,
): [number, number][] {
  const hashes = bands * rows;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const need = Math.ceil(minEstimate * hashes - 1e-9);
  // Buckets by sorting (band hash, item) packed into one float per item: no map, no array per bucket.
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(count + 1)));
  const packed = new Float64Array(count);
  const members = new Int32Array(count);
  for (let b = 0; b < bands; b++) {
    let n = 0;
    for (let i = 0; i < count; i++) {
      if (isEmpty(i)) continue;
      const start = i * hashes + b * rows;
      let key = 0x2545f491 ^ b;
      for (let r = 0; r < rows; r++) key = mix32((key ^ signatures[start + r]!) + r);
      packed[n++] = key * scale + i;
    }
    const sorted = packed.subarray(0, n).sort();
    for (let x = 0; x < n; ) {
      const key = Math.floor(sorted[x]! / scale);
      let y = x;
      let size = 0;
      while (y < n && Math.floor(sorted[y]! / scale) === key) members[size++] = sorted[y++]! - key * scale;
      for (let p = 0; p < size; p++) {
        for (let q = p + 1; q < size; q++) {
          const i = members[p]!;
          const j = members[q]!;
          // Estimate first (stopping as soon as the estimate cannot reach minEstimate); dedupe only survivors.
          let agree = 0;
          let left = hashes;
          for (let si = i * hashes, sj = j * hashes; left > 0 && agree + left >= need; left--) if (signatures[si++] === signatures[sj++]) agree++;
          if (agree < need) continue;
          const pair = i * count + j;
          if (seen.has(pair)) continue;
          seen.add(pair);
          pairs.push([i, j]);
        }
      }
      x = y;
    }
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
