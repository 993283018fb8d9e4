/**
 * Compare
 * =======
 * What moved between two models (typically before and after a scenario): the delta of every indicator of the
 * scorecard, journeys, openness, staffing, duplication and coverage, and the records added, removed or changed.
 * Records are matched by id (by their id pair for assignments and travel costs); a record shared by both models
 * (immer's structural sharing) is unchanged without being compared field by field.
 */
import { compareIds, compareKeys, keyString, recordKey, sameJson, type RecordKeyValue } from "../model/records.js";
import { describeValue } from "../issues.js";
import { resolveOptions, type OptionRule, type OptionRules } from "../options.js";
import { COLLECTIONS, type CollectionName, type Model } from "../schemas/model.js";
import { buildScorecard as scorecard, PILLARS, scorecardInputs as _scorecardInputs, type PillarId, type ScorecardInputs, type ScorecardOptions, type ScorecardReports } from "./scorecard.js";
import type { Measured } from "./measured.js";
import { OPENNESS_ITEMS } from "./openness.js";
import { requireModels } from "../model/require-model.js";

/** An indicator before and after. `delta` is `after - before`, null when either is null. */
export interface Delta {
  before: number | null;
  after: number | null;
  delta: number | null;
}

/** The records of one collection that differ. */
export interface RecordChanges {
  added: RecordKeyValue[];
  removed: RecordKeyValue[];
  changed: RecordKeyValue[];
}

/** One journey's indicators that moved. */
export interface JourneyChange {
  needId: string;
  deltas: Record<string, Delta>;
}

/** The report of {@link compareModels}. */
export interface ComparisonReport {
  scorecard: { composite: Delta; pillars: Record<PillarId, Delta> };
  journeys: Record<string, Delta>;
  /** Journeys present in either model whose indicators differ, by need id. */
  journeyChanges: JourneyChange[];
  openness: Record<string, Delta>;
  staffing: Record<string, Delta>;
  duplication: Record<string, Delta>;
  coverage: Record<string, Delta>;
  /** Collections with at least one difference. */
  records: Partial<Record<CollectionName, RecordChanges>>;
}

/** @deprecated Use {@link ComparisonReport}: reports are named after what they hold (`DuplicationReport`, `ComparisonReport`). */
export type CompareReport = ComparisonReport;

/** Options of {@link compareModels}: the scorecard's (weights, analysis options), applied to both models. */
export type CompareOptions = Omit<ScorecardOptions, "reports"> & {
  /** Reports already computed for each model. */
  reports?: { before?: ScorecardReports; after?: ScorecardReports };
};

/** Defaults of {@link compareModels}: none of its own; options left out keep the scorecard's and the analyses' defaults. */
export const COMPARE_DEFAULTS = {
  weights: undefined,
  duplication: undefined,
  coverage: undefined,
  journeys: undefined,
  staffing: undefined,
  reports: undefined,
} as const satisfies Record<keyof CompareOptions, undefined>;

const anObject: OptionRule = (v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? undefined : `must be an object, got ${describeValue(v)}`);
const COMPARE_RULES = Object.fromEntries(Object.keys(COMPARE_DEFAULTS).map((key) => [key, anObject])) as OptionRules<typeof COMPARE_DEFAULTS>;

const delta = (before: number | null | undefined, after: number | null | undefined): Delta => {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: a === null || b === null ? null : a - b };
};

/** A field's number: itself, or the value of a measured one (`{ value, ... }`). */
const numberOf = (v: unknown): unknown => (typeof v === "object" && v !== null && "value" in v ? (v as Measured).value : v);

/** Deltas of every numeric (or null, or measured) field two flat objects share or either has. */
function deltas(before: object, after: object): Record<string, Delta> {
  const out: Record<string, Delta> = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort(compareIds)) {
    const x = numberOf(b[key]);
    const y = numberOf(a[key]);
    const isNum = (v: unknown) => typeof v === "number" || v === null || v === undefined;
    if (isNum(x) && isNum(y) && !(x === undefined && y === undefined)) {
      out[key] = delta(x as number | null, y as number | null);
    }
  }
  return out;
}

/** Records added, removed and changed, per collection. @internal */
export function recordChanges(before: Model, after: Model): Partial<Record<CollectionName, RecordChanges>> {
  const out: Partial<Record<CollectionName, RecordChanges>> = {};
  for (const c of COLLECTIONS) {
    if (before[c] === after[c]) continue;
    const changes = collectionChanges(c, before[c], after[c]);
    if (changes.added.length + changes.removed.length + changes.changed.length > 0) out[c] = changes;
  }
  return out;
}

function collectionChanges(c: CollectionName, xs: readonly object[], ys: readonly object[]): RecordChanges {
  const old = new Map<string, object>();
  for (const r of xs) old.set(keyString(recordKey(c, r)), r);
  const changes: RecordChanges = { added: [], removed: [], changed: [] };
  const seen = new Set<string>();
  for (const r of ys) {
    const k = recordKey(c, r);
    const t = keyString(k);
    seen.add(t);
    const o = old.get(t);
    if (o === undefined) changes.added.push(k);
    else if (!sameJson(o, r)) changes.changed.push(k);
  }
  for (const r of xs) {
    const k = recordKey(c, r);
    if (!seen.has(keyString(k))) changes.removed.push(k);
  }
  for (const list of [changes.added, changes.removed, changes.changed]) list.sort(compareKeys);
  return changes;
}

/**
 * Compares two models indicator by indicator (scorecard pillars and composite, journeys, openness, staffing,
 * duplication and coverage summaries) and lists the records that differ. `compareModels(m, m)` has every delta 0.
 * @example
 * const { model: after } = applyScenario(exampleCounty, [{ op: "digitizeService", serviceId: "get-birth-certificate" }]);
 * compareModels(exampleCounty, after).journeys.endToEndOnlineShare.delta
 */
export function compareModels(before: Model, after: Model, options?: CompareOptions): ComparisonReport {
  [before, after] = requireModels("compareModels", { before, after }) as [Model, Model];
  const resolved = resolveOptions(COMPARE_DEFAULTS, options, "compareModels", COMPARE_RULES) as Record<string, unknown>;
  const { reports, ...rest } = Object.fromEntries(Object.entries(resolved).filter(([, v]) => v !== undefined)) as CompareOptions;
  const x = _scorecardInputs(before, { ...rest, reports: reports?.before });
  const y = before === after && !reports?.after ? x : _scorecardInputs(after, { ...rest, reports: reports?.after });
  const cx = scorecard(before, { ...rest, reports: x });
  const cy = scorecard(after, { ...rest, reports: y });

  const pillars = {} as Record<PillarId, Delta>;
  for (const id of PILLARS) pillars[id] = delta(cx.pillars.find((p) => p.id === id)!.score.value, cy.pillars.find((p) => p.id === id)!.score.value);

  const journeyChanges: JourneyChange[] = [];
  const jx = new Map(x.journeys.journeys.map((j) => [j.needId, j]));
  const jy = new Map(y.journeys.journeys.map((j) => [j.needId, j]));
  for (const needId of [...new Set([...jx.keys(), ...jy.keys()])].sort(compareIds)) {
    const a = jx.get(needId);
    const b = jy.get(needId);
    const d = deltas(a ?? {}, b ?? {});
    for (const [k, v] of Object.entries(d)) if (v.delta === 0 || (v.before === null && v.after === null)) delete d[k];
    if (Object.keys(d).length > 0 || !a || !b) journeyChanges.push({ needId, deltas: d });
  }

  const opennessFlat = (t: ScorecardInputs["openness"]) => {
    const o = t.overall;
    const flat: Record<string, number | null> = { share: o.share.value, applicable: o.share.denominator, published: o.share.numerator, services: o.services, fullyPublished: o.fullyPublished };
    for (const item of OPENNESS_ITEMS) flat[`${item}Share`] = o.byItem[item].value;
    return flat;
  };
  const coverageFlat = (c: ScorecardInputs["coverage"]) => ({
    demand: c.demand,
    reach: c.reach,
    capacity: c.capacity,
    gini: c.gini,
    gaps: c.gaps.length,
    gapVolume: c.gaps.reduce((s, g) => s + g.volume, 0),
  });

  return {
    scorecard: { composite: delta(cx.composite.value, cy.composite.value), pillars },
    journeys: deltas(x.journeys.summary, y.journeys.summary),
    journeyChanges,
    openness: deltas(opennessFlat(x.openness), opennessFlat(y.openness)),
    staffing: deltas(x.staffing.summary, y.staffing.summary),
    duplication: deltas(x.duplication.summary, y.duplication.summary),
    coverage: deltas(coverageFlat(x.coverage), coverageFlat(y.coverage)),
    records: recordChanges(before, after),
  };
}
