import { PILLARS, type ComparisonReport, type Delta, type RecordKeyValue } from "../../index.js";
import { share } from "./records.js";
import type { CompareData, DeltaRow } from "./types.js";

/** Record keys listed per collection; the counts give the rest. */
const EXAMPLES = 5;

const deltaRow = (name: string, d: Delta): DeltaRow => [name, share(d.before), share(d.after), share(d.delta)];
const moved = (d: Delta) => !(d.delta === 0 || (d.before === null && d.after === null));
const keyText = (k: RecordKeyValue) => (typeof k === "string" ? k : `${k[0]} → ${k[1]}`);

/** The before/after section: every pillar, the indicators that moved, the journeys and records that changed. @internal */
export function compareData(r: ComparisonReport, before: string, after: string, pillarNames: ReadonlyMap<string, string>, needName: (id: string) => string): CompareData {
  const groups: { name: string; rows: DeltaRow[] }[] = [];
  let unchanged = 0;
  const sources: [string, Record<string, Delta>][] = [
    ["Journeys (demand-weighted)", r.journeys],
    ["Openness", r.openness],
    ["Staffing", r.staffing],
    ["Duplication", r.duplication],
    ["Coverage", r.coverage],
  ];
  for (const [name, deltas] of sources) {
    const rows = Object.entries(deltas).flatMap(([key, d]) => (moved(d) ? [deltaRow(key, d)] : []));
    unchanged += Object.keys(deltas).length - rows.length;
    if (rows.length > 0) groups.push({ name, rows });
  }
  const signed = (d: Delta) => (d.delta === null ? "no data" : `${d.delta > 0 ? "+" : ""}${Math.round(d.delta * 1000) / 1000}`);
  return {
    before,
    after,
    composite: deltaRow("Composite", r.scorecard.composite),
    pillars: PILLARS.map((id) => deltaRow(pillarNames.get(id) ?? id, r.scorecard.pillars[id])),
    groups,
    unchanged,
    journeys: r.journeyChanges.map((j) => ({
      need: needName(j.needId),
      moved: Object.entries(j.deltas).map(([k, d]) => `${k} ${signed(d)}`).join(", ") || "added or removed",
    })),
    records: Object.entries(r.records).map(([collection, c]) => ({
      collection,
      added: c.added.length,
      removed: c.removed.length,
      changed: c.changed.length,
      examples: [...c.added, ...c.removed, ...c.changed].slice(0, EXAMPLES).map(keyText),
    })),
  };
}
