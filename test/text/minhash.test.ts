import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashShingles, LSH_HUB_SIZE, lshCandidates, lshParameters, minhashSignatures } from "../../src/text/minhash.js";
import { shingles } from "../../src/text/shingles.js";

const PARAMS = lshParameters(0.8);
const HASHES = PARAMS.bands * PARAMS.rows;

function candidates(texts: readonly string[], minEstimate = 0): [number, number][] {
  const sets = texts.map((t) => shingles(t));
  const signatures = minhashSignatures(sets.map((s) => hashShingles(s, 1)), HASHES, 1);
  return lshCandidates(signatures, texts.length, PARAMS, (i) => sets[i]!.length === 0, minEstimate);
}

/** Every pair whose signatures agree on a whole band and on at least `minEstimate` of the hashes, by brute force. */
function oracle(texts: readonly string[], minEstimate = 0): [number, number][] {
  const sets = texts.map((t) => shingles(t));
  const signatures = minhashSignatures(sets.map((s) => hashShingles(s, 1)), HASHES, 1);
  const sig = (i: number, k: number) => signatures[i * HASHES + k]!;
  const pairs: [number, number][] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (sets[i]!.length === 0 || sets[j]!.length === 0) continue;
      let band = false;
      for (let b = 0; b < PARAMS.bands && !band; b++) {
        band = true;
        for (let r = 0; r < PARAMS.rows; r++) band &&= sig(i, b * PARAMS.rows + r) === sig(j, b * PARAMS.rows + r);
      }
      let agree = 0;
      for (let k = 0; k < HASHES; k++) if (sig(i, k) === sig(j, k)) agree++;
      if (band && agree >= Math.ceil(minEstimate * HASHES - 1e-9)) pairs.push([i, j]);
    }
  }
  return pairs;
}

describe("lshCandidates", () => {
  it("finds exactly the pairs that share a band, each once, in order (buckets below the hub size)", () => {
    const word = fc.constantFrom("licence", "permit", "water", "food", "business", "issue", "renew", "", "营业执照");
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 4 }).map((w) => w.join(" ")), { maxLength: 30 }), fc.constantFrom(0, 0.6), (texts, min) => {
        expect(candidates(texts, min)).toEqual(oracle(texts, min));
      }),
    );
  });

  it("pairs every member of a bucket of up to LSH_HUB_SIZE texts with every other", () => {
    const texts = Array.from({ length: LSH_HUB_SIZE }, () => "Department of Water Services");
    expect(candidates(texts)).toHaveLength((LSH_HUB_SIZE * (LSH_HUB_SIZE - 1)) / 2);
  });

  it("pairs the members of a larger bucket (a hub) with its first member only: its size, not its size squared", () => {
    const texts = ["Issue food business licence", ...Array.from({ length: 2000 }, () => "Department of Water Services")];
    const pairs = candidates(texts);
    expect(pairs).toHaveLength(1999);
    expect(pairs.slice(0, 2)).toEqual([[1, 2], [1, 3]]);
    expect(pairs.every(([i]) => i === 1)).toBe(true);
  });

  it("keeps the pairs of templated names that a hub leaves out where another band compares them in full", () => {
    // 600 names "... Services 1" to "... 600": the buckets of whole groups are hubs, those of close numbers are not.
    const texts = Array.from({ length: 600 }, (_, i) => `Department of Water Services ${i + 1}`);
    const pairs = candidates(texts, 0.6);
    const keys = new Set(pairs.map(([i, j]) => i * 600 + j));
    expect(keys.size).toBe(pairs.length);
    expect(pairs.length).toBeLessThan((600 * 599) / 2);
    // Names that differ in one digit ("Services 101", "Services 102") are still paired.
    expect(keys.has(100 * 600 + 101)).toBe(true);
  });
});

