/**
 * References in one-pass validation
 * =================================
 * How one reference field of a collection is checked as its records come (see one-pass.ts): each id named is found
 * in its target collection when that was read before, else gathered with the target's wanted ids, to be looked up
 * at the end; with `share`, each id is replaced by one string per id.
 * @internal
 */

type Row = Record<string, unknown>;

/**
 * One reference field of a collection: its path, and either the ids of its target collection (read before it) or
 * the distinct ids it names, looked up at the end; the last id found (runs repeat it) and the string that stands for it.
 */
export interface Reference {
  path: readonly string[];
  known: TargetIds | undefined;
  /** Position in the target of the last id found there (-1 before the first). */
  at: number;
  /** For each position in the target, the position of the id found after it last time (-1 for none yet). */
  after: Int32Array | undefined;
  /** Each distinct id named so far (target not read yet), mapped to its first string. */
  wanted: Map<string, string>;
  last: unknown;
  lastShared: string | undefined;
}

/** The ids of a collection read so far: position of each, and the id strings in order. */
export interface TargetIds {
  ids: Map<string, number>;
  strings: string[];
}

/** A reference field's state before its first record: `known` when its target collection was read before. @internal */
export function newReference(path: readonly string[], known: TargetIds | undefined, wanted: Map<string, string>): Reference {
  const after = known && new Int32Array(known.strings.length).fill(-1);
  return { path, known, at: -1, after, wanted, last: undefined, lastShared: undefined };
}

/** The string that stands for an id that resolves (found in the target's ids, or added to the wanted ones); undefined when it does not. */
function resolved(reference: Reference, id: unknown): string | undefined {
  if (typeof id !== "string") return undefined;
  const known = reference.known;
  if (known) {
    // Ids mostly come in the target's order (a need's regions, a point's services) or in the same sequences again
    // (the functions of departments of one kind): the id after the last one found, in either sense, is compared
    // first, which costs less than hashing the fresh string JSON.parse made.
    const strings = known.strings;
    const previous = reference.at;
    let at = -1;
    if (previous >= 0) {
      if (strings[previous + 1] === id) at = previous + 1;
      else {
        const learned = reference.after![previous]!;
        if (learned >= 0 && strings[learned] === id) at = learned;
      }
    }
    if (at < 0) {
      const found = known.ids.get(id);
      if (found === undefined) return undefined;
      at = found;
      if (previous >= 0) reference.after![previous] = at;
    }
    reference.at = at;
    return strings[at];
  }
  const first = reference.wanted.get(id);
  if (first !== undefined) return first;
  reference.wanted.set(id, id);
  return id;
}

/**
 * Whether the ids a record names in a reference field resolve (or will be looked up at the end). With `share` it is
 * called before the record's schema is checked: anything of an unexpected shape gives up the pass, and each id is
 * replaced by the string that stands for it.
 */
export function resolves(record: unknown, reference: Reference, share: boolean): boolean {
  if (typeof record !== "object" || record === null) return false;
  const p = reference.path;
  const value = (record as Row)[p[0]!];
  if (value === undefined) return true;
  if (p.length === 1) {
    let id = reference.lastShared;
    if (value !== reference.last || id === undefined) {
      id = resolved(reference, value);
      if (id === undefined) return false;
      reference.last = value;
      reference.lastShared = id;
    }
    if (share) (record as Row)[p[0]!] = id;
    return true;
  }
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    if (p.length === 2) {
      const id = resolved(reference, value[i]);
      if (id === undefined) return false;
      if (share) value[i] = id;
      continue;
    }
    const element: unknown = value[i];
    if (typeof element !== "object" || element === null) return false;
    const inner = (element as Row)[p[2]!];
    if (inner === undefined) continue;
    if (p.length === 3) {
      const id = resolved(reference, inner);
      if (id === undefined) return false;
      if (share) (element as Row)[p[2]!] = id;
      continue;
    }
    if (!Array.isArray(inner)) return false;
    for (let j = 0; j < inner.length; j++) {
      const id = resolved(reference, inner[j]);
      if (id === undefined) return false;
      if (share) inner[j] = id;
    }
  }
  return true;
}
