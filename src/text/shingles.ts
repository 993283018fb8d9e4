/**
 * Text shingles
 * =============
 * Character shingles of names in any script, and their Jaccard similarity: what near-duplicate detection
 * compares (MinHash estimates it at scale) and what the generator checks its planted near-duplicates against.
 *
 * References: A. Z. Broder, "On the resemblance and containment of documents", SEQUENCES 1997;
 * J. Leskovec, A. Rajaraman, J. D. Ullman, "Mining of Massive Datasets", ch. 3.
 * @internal
 * @module
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const CJK_RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]+)/u;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const ASCII = /^[\x20-\x7e]*$/;

/** NFKC, lower case, accents stripped from Latin letters (CJK kept), punctuation and spaces collapsed. @internal */
export function normalizeText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(SEPARATORS, " ").trim();
  return text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(LATIN_MARKS, "$1")
    .normalize("NFC")
    .replace(SEPARATORS, " ")
    .trim();
}

/**
 * The shingle set of a text: character trigrams of non-CJK runs (padded with a space, so short words count),
 * character bigrams of CJK runs (a lone CJK character is its own shingle). Sorted, unique.
 * @internal
 */
export function shingles(text: string): string[] {
  const out = new Set<string>();
  if (ASCII.test(text)) {
    // The common case, without Unicode splitting: trigrams of the padded, normalised text.
    const clean = normalizeText(text);
    if (clean !== "") {
      const padded = ` ${clean} `;
      for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
    }
    return [...out].sort();
  }
  for (const part of normalizeText(text).split(CJK_RUNS)) {
    if (part === "") continue;
    if (CJK.test(part)) {
      const chars = [...part];
      if (chars.length === 1) out.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
    } else {
      const run = part.trim();
      if (run === "") continue;
      const chars = [..." " + run + " "];
      if (chars.length <= 3) out.add(chars.join(""));
      for (let i = 0; i + 2 < chars.length; i++) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
    }
  }
  return [...out].sort();
}

/** Exact Jaccard similarity of two sorted unique string arrays. @internal */
export function jaccardSorted(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** Jaccard similarity of the shingle sets of two texts. @internal */
export function textSimilarity(a: string, b: string): number {
  return jaccardSorted(shingles(a), shingles(b));
}
