/**
 * Finishing a scenario
 * ====================
 * Writes the working copy into the draft once all operations ran, and lists what changed for the re-check.
 */
import { deepFreeze } from "../freeze.js";
import { isPairCollection, lowerBound, RECORD_ORDER } from "../records.js";
import type { Draftable, Row, Work } from "./work.js";

/** A record the scenario added (no base) or edited (a copy of its base record). @internal */
export interface Changed {
  record: Row;
  base?: Row;
}

const touched = (...maps: ReadonlyMap<Draftable, unknown>[]) => new Set<Draftable>(maps.flatMap((m) => [...m.keys()]));

/** The records the scenario edited or added and kept, per collection. @internal */
export function changedRecords(w: Work): Map<Draftable, Changed[]> {
  const out = new Map<Draftable, Changed[]>();
  for (const c of touched(w.copies, w.added)) {
    const n = w.base[c].length;
    const removed = w.removed.get(c);
    const list: Changed[] = [];
    for (const [p, record] of w.copies.get(c) ?? []) if (!removed?.has(p)) list.push({ record, base: w.baseRows(c)[p] });
    (w.added.get(c) ?? []).forEach((record, k) => {
      if (!removed?.has(n + k)) list.push({ record });
    });
    out.set(c, list);
  }
  return out;
}

/** The id collections whose records all kept their positions and ids (edited in place, none added or removed). @internal */
export function sameIdCollections(w: Work): Draftable[] {
  return [...touched(w.copies)].filter((c) => {
    if (isPairCollection(c) || w.removed.get(c)?.size || w.added.get(c)?.length) return false;
    const rows = w.baseRows(c);
    for (const [p, r] of w.copies.get(c)!) if (r.id !== rows[p]!.id) return false;
    return true;
  });
}

/**
 * Writes the changes into the draft, frozen so that immer need not walk them: edited records in place (one patch
 * each) when a collection kept its records, else the whole collection rebuilt in canonical order (kept and added
 * records merged, one patch). @internal
 */
export function writeDraft(w: Work): void {
  for (const c of touched(w.copies, w.removed, w.added)) {
    const copies = w.copies.get(c) ?? new Map<number, Row>();
    freezeCopies(copies, w.baseRows(c));
    const n = w.base[c].length;
    const removed = w.removed.get(c);
    const added = (w.added.get(c) ?? []).filter((_, k) => !removed?.has(n + k));
    if (!removed?.size && added.length === 0) {
      const target = w.draft[c] as unknown as Row[];
      for (const [p, r] of [...copies].sort((a, b) => a[0] - b[0])) target[p] = r;
      continue;
    }
    (w.draft as unknown as Record<string, readonly Row[]>)[c] = Object.freeze(mergeInOrder(c, keptRecords(w.baseRows(c), copies, removed), added));
  }
}

/** Freezes edited copies; fields still shared with the base record are frozen already. */
function freezeCopies(copies: ReadonlyMap<number, Row>, rows: readonly Row[]): void {
  for (const [p, r] of copies) {
    Object.freeze(r);
    for (const key in r) {
      const v = r[key];
      if (v !== rows[p]![key] && typeof v === "object" && v !== null && !Object.isFrozen(v)) deepFreeze(v);
    }
  }
}

/** The base records not removed, edited ones replaced by their copies, in order (runs copied without a lookup each). */
function keptRecords(rows: readonly Row[], copies: ReadonlyMap<number, Row>, removed: ReadonlySet<number> | undefined): Row[] {
  const n = rows.length;
  const cut = [...(removed ?? [])].filter((p) => p < n).sort((a, b) => a - b);
  const kept = new Array<Row>(n - cut.length);
  let k = 0;
  let from = 0;
  for (const stop of [...cut, n]) {
    for (let p = from; p < stop; p++) kept[k++] = rows[p]!;
    from = stop + 1;
  }
  for (const [p, r] of copies) {
    const below = lowerBound(cut.length, (i) => cut[i]! < p);
    if (cut[below] !== p) kept[p - below] = r;
  }
  return kept;
}

/** Kept records (in canonical order) and added ones merged into canonical order (each added one placed by binary search). */
function mergeInOrder(c: Draftable, kept: readonly Row[], added: Row[]): Row[] {
  const order = RECORD_ORDER[c];
  for (const r of added) deepFreeze(r);
  added.sort(order);
  const next: Row[] = [];
  let i = 0;
  for (const r of added) {
    const at = i + lowerBound(kept.length - i, (k) => order(kept[i + k]!, r) < 0);
    while (i < at) next.push(kept[i++]!);
    next.push(r);
  }
  while (i < kept.length) next.push(kept[i++]!);
  return next;
}
