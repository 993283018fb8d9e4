/**
 * Finishing a scenario
 * ====================
 * Writes the working copy into the draft once all operations ran, and lists what changed for the re-check.
 */
import { deepFreeze } from "../freeze.js";
import { isPairCollection, RECORD_ORDER } from "../records.js";
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
    const rows = w.baseRows(c);
    const kept: Row[] = [];
    for (let p = 0; p < n; p++) if (!removed?.has(p)) kept.push(copies.get(p) ?? rows[p]!);
    (w.draft as unknown as Record<string, readonly Row[]>)[c] = Object.freeze(mergeInOrder(c, kept, added));
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

/** Kept records (in canonical order) and added ones merged into canonical order. */
function mergeInOrder(c: Draftable, kept: readonly Row[], added: Row[]): Row[] {
  const order = RECORD_ORDER[c];
  for (const r of added) deepFreeze(r);
  added.sort(order);
  const next: Row[] = [];
  let i = 0;
  for (const r of added) {
    while (i < kept.length && order(kept[i]!, r) < 0) next.push(kept[i++]!);
    next.push(r);
  }
  while (i < kept.length) next.push(kept[i++]!);
  return next;
}
