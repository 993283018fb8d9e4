/**
 * Text similarity used to plant near-duplicate function names and to keep ordinary names apart: Jaccard over
 * character shingles (trigrams of Latin text padded with spaces, bigrams of CJK runs), after lower-casing and
 * collapsing punctuation. Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3.
 * @internal
 * @module
 */

const CJK_RUN = /(\p{Script=Han}+)/u;
const HAN = /\p{Script=Han}/u;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** The shingle set of a text. @internal */
export function textShingles(text: string): Set<string> {
  const out = new Set<string>();
  const clean = text.normalize("NFKC").toLowerCase().replace(SEPARATORS, " ").trim();
  for (const part of clean.split(CJK_RUN)) {
    if (part === "") continue;
    if (HAN.test(part)) {
      const chars = [...part];
      if (chars.length === 1) out.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
    } else {
      const run = part.trim();
      if (run === "") continue;
      const padded = ` ${run} `;
      for (let i = 0; i + 2 < padded.length; i++) out.add(padded.slice(i, i + 3));
    }
  }
  return out;
}

/** Jaccard similarity of the shingle sets of two texts. @internal */
export function textSimilarity(a: string, b: string): number {
  const sa = textShingles(a);
  const sb = textShingles(b);
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  const union = sa.size + sb.size - shared;
  return union === 0 ? 1 : shared / union;
}
