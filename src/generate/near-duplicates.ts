/**
 * Renamed copies of catalogue functions, the way a power-and-responsibility list picks up the same item twice:
 * a typo, the same words in another order, or a Chinese name missing a character. Every copy keeps a character
 * shingle Jaccard of at least {@link MIN_NEAR_SIMILARITY} with its original, on the name alone and on name plus
 * keywords, so that a detector at the usual 0.8 threshold can find it.
 * @internal
 * @module
 */
import type { Rng } from "../random.js";
import { textSimilarity } from "../text/shingles.js";

/** The similarity every planted copy keeps with its original (name alone, and name with keywords). @internal */
export const MIN_NEAR_SIMILARITY = 0.82;

/** The same words with the verb moved to the end: "License taxis" becomes "Taxis: license". */
function reorder(name: string): string | undefined {
  const words = name.split(" ");
  if (words.length < 2) return undefined;
  const rest = words.slice(1).join(" ");
  return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}: ${words[0]!.toLowerCase()}`;
}

function typo(rng: Rng, name: string): string {
  const words = name.split(" ");
  const candidates = words.map((w, i) => i).filter((i) => i > 0 && /^[a-z]{6,}$/.test(words[i]!));
  const i = candidates.length ? rng.pick(candidates) : words.length - 1;
  const w = words[i]!;
  const j = rng.int(1, w.length - 2);
  const kind = rng.int(0, 2);
  words[i] = kind === 0 ? w.slice(0, j) + w.slice(j + 1) : kind === 1 ? w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2) : w.slice(0, j) + w[j] + w.slice(j);
  return words.join(" ");
}

function withoutOneCharacter(rng: Rng, name: string): string[] {
  const chars = [...name];
  const interior = rng.sample([...Array(chars.length - 2).keys()].map((k) => k + 1), chars.length - 2);
  return [...interior, chars.length - 1, 0].map((k) => chars.slice(0, k).join("") + chars.slice(k + 1).join(""));
}

/** Picks originals and makes their renamed copies (ids `<original>-x`). @internal */
export function plantNearDuplicates(
  rng: Rng,
  functions: ReadonlyMap<string, Record<string, unknown>>,
  chinese: ReadonlyMap<string, unknown>,
  counts: { typos: number; reorders: number; chinese: number },
): { original: string; copy: { id: string; name: string } }[] {
  const english = [...functions.keys()].filter((id) => id.startsWith("fc-") && !chinese.has(id));
  const pool = rng.sample(english, english.length);
  const out: { original: string; copy: { id: string; name: string } }[] = [];
  const close = (id: string, name: string) => {
    const f = functions.get(id)!;
    const keywords = ((f.keywords as string[] | undefined) ?? []).join(" ");
    const original = f.name as string;
    return (
      textSimilarity(original, name) >= MIN_NEAR_SIMILARITY &&
      textSimilarity(`${original} ${keywords}`, `${name} ${keywords}`) >= MIN_NEAR_SIMILARITY
    );
  };
  const take = (count: number, make: (id: string) => string | undefined, from: string[]) => {
    let made = 0;
    while (made < count && from.length > 0) {
      const id = from.pop()!;
      const name = make(id);
      if (name === undefined) continue;
      out.push({ original: id, copy: { id: `${id}-x`, name } });
      made++;
    }
  };
  take(counts.typos, (id) => {
    const name = functions.get(id)!.name as string;
    for (let attempt = 0; attempt < 20; attempt++) {
      const candidate = typo(rng, name);
      if (candidate !== name && close(id, candidate)) return candidate;
    }
    return undefined;
  }, pool);
  take(counts.reorders, (id) => {
    const name = reorder(functions.get(id)!.name as string);
    return name !== undefined && close(id, name) ? name : undefined;
  }, pool);
  take(counts.chinese, (id) => withoutOneCharacter(rng, functions.get(id)!.name as string).find((name) => close(id, name)), rng.sample([...chinese.keys()].filter((id) => functions.has(id)), chinese.size));
  return out;
}
