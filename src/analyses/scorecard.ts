/**
 * Scorecard
 * =========
 * The five pillars of a service-oriented reform (the essay in docs/background: optimise the allocation of
 * functions, improve public services, innovate in governance, open government affairs, strengthen the civil
 * service), each scored 0-100 from the indicators behind it, and a composite with weights the caller chooses:
 * a composite indicator in the sense of the OECD/JRC Handbook on Constructing Composite Indicators (2008),
 * with linear aggregation of normalised [0, 1] indicators. The formulas are written out in docs/scorecard.md.
 */
import { resolveOptions, type OptionRule } from "../options.js";
import type { Model } from "../schemas/model.js";
import { scoreCoverage, type CoverageOptions } from "./coverage/score-coverage.js";
import type { CoverageReport } from "./coverage/types.js";
import { analyzeDuplication, DUPLICATION_DEFAULTS, findDuplication } from "./duplication/find-duplication.js";
import type { DuplicationOptions, DuplicationPart, DuplicationReport } from "./duplication/types.js";
import { analyzeJourneys, journeyVisitRules, type JourneysOptions } from "./journeys/analyze-journeys.js";
import type { JourneysReport } from "./journeys/types.js";
import { complement, ratio, type Measured, type MissingReason } from "./measured.js";
import { serviceInnovation, serviceQuality } from "./service-indicators.js";
import { analyzeStaffing, type StaffingOptions, type StaffingReport } from "./staffing.js";
import { opennessOverall, scoreOpenness, type OpennessReport } from "./openness.js";
import { requireModel } from "../model/require-model.js";
import { deprecatedAlias } from "../guard.js";

/** The five pillars, in report order. */
export const PILLARS = ["functionAllocation", "publicServiceLevel", "governanceInnovation", "openness", "civilService"] as const;
export type PillarId = (typeof PILLARS)[number];

/** Defaults of {@link buildScorecard}: every pillar weighs the same in the composite; the analyses take their own defaults. */
export const SCORECARD_DEFAULTS = {
  weights: { functionAllocation: 1, publicServiceLevel: 1, governanceInnovation: 1, openness: 1, civilService: 1 } as Readonly<Record<PillarId, number>>,
  duplication: undefined,
  coverage: undefined,
  journeys: undefined,
  staffing: undefined,
  reports: undefined,
} as const;

/** The analyses a scorecard is computed from; pass the ones already computed to save time. */
export interface ScorecardInputs {
  duplication: DuplicationReport;
  coverage: CoverageReport;
  journeys: JourneysReport;
  openness: OpennessReport;
  staffing: StaffingReport;
}

/** Reports already computed, as {@link ScorecardOptions.reports} takes them. */
export type ScorecardReports = Partial<ScorecardInputs> & {
  /** @deprecated The old name of `openness`. */
  transparency?: OpennessReport;
};

/** Options of {@link buildScorecard}. */
export interface ScorecardOptions {
  /** Weights of the pillars in the composite (non-negative; missing ones keep their default of 1). */
  weights?: Partial<Record<PillarId, number>>;
  duplication?: DuplicationOptions;
  coverage?: CoverageOptions;
  journeys?: JourneysOptions;
  staffing?: StaffingOptions;
  /** Reports already computed for this model, used instead of running their analyses again. */
  reports?: ScorecardReports;
}

/** One number behind a pillar. */
export interface Indicator {
  id: string;
  /** What it measures, in a few words. */
  label: string;
  /** A share in [0, 1] when `weight > 0`, a count or a number for context; null when the model has no data for it. */
  value: number | null;
  /** Its weight inside the pillar's score; 0 for context shown beside it. */
  weight: number;
  /** The measure a share comes from: its counts, the records known and assumed. */
  basis?: Measured;
  /** Why `value` is null; present only then. */
  reason?: MissingReason;
}

/**
 * A weighted mean of parts that may lack data: a pillar's score over its indicators, the composite over the pillars.
 * `value` (0-100) is over the parts with a value only (`numerator`: their weighted scores in points; `denominator`:
 * their weights); `known` and `total` count the parts with a value and the parts with a weight above 0.
 */
export interface WeightedScore extends Measured {
  /** Ids of the parts with a weight above 0 and no value, left out of the mean. */
  leftOut: string[];
  /** The share of the weight the value stands on (known parts' weights over all weights); null when every weight is 0. */
  coverageOfWeights: number | null;
}

/** One pillar's score and why. */
export interface Pillar {
  id: PillarId;
  name: string;
  /** 0-100 over its indicators with data; null (reason `no_data`) when none of its weighted indicators has data. */
  score: WeightedScore;
  /** The formula, as in docs/scorecard.md. */
  formula: string;
  indicators: Indicator[];
}

/** The report of {@link buildScorecard}. */
export interface ScorecardReport {
  pillars: Pillar[];
  /** Weighted mean of the pillars with a score, 0-100, listing the pillars left out; null when none has one. */
  composite: WeightedScore;
  /** The weights used. */
  weights: Record<PillarId, number>;
}

const describe = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/** Pillar weights: known pillars only, each a finite number of 0 or more (or `undefined`: the default 1). */
const pillarWeights: OptionRule = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return `must be an object of pillar weights, got ${describe(v)}`;
  const unknown = Object.keys(v).find((key) => !(PILLARS as readonly string[]).includes(key));
  if (unknown !== undefined) return `must name pillars only (${PILLARS.join(", ")}), got "${unknown}"`;
  const bad = Object.entries(v).find(([, w]) => w !== undefined && !(typeof w === "number" && Number.isFinite(w) && w >= 0));
  return bad ? `must give each pillar a finite weight of 0 or more, got "${bad[0]}": ${String(bad[1])}` : undefined;
};

/** The options of an analysis the scorecard runs (checked by that analysis). */
const anObject: OptionRule = (v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? undefined : `must be an object, got ${describe(v)}`);

const RULES = { weights: pillarWeights, duplication: anObject, coverage: anObject, journeys: anObject, staffing: anObject, reports: anObject };

function resolveScorecardOptions(options: ScorecardOptions | undefined): ScorecardOptions & { weights: Record<PillarId, number> } {
  const o = resolveOptions<ScorecardOptions>(SCORECARD_DEFAULTS, options, "buildScorecard", RULES);
  const weights = { ...SCORECARD_DEFAULTS.weights };
  for (const id of PILLARS) weights[id] = o.weights?.[id] ?? weights[id];
  return { ...o, weights };
}

/** The duplication parts a scorecard reads (its summary's duplicated and fragmented functions). */
const SCORED_PARTS: readonly DuplicationPart[] = ["fragmentation", "duplication"];

/**
 * Runs the analyses a scorecard needs (those not given). With `scoredOnly`, the duplication analysis runs only the
 * parts the pillars read (overlap and near-duplicate functions left out, findings shared with what is kept for models
 * made from this one) and the openness report has its overall part only, so these reports are not for display.
 * @internal
 */
export function scorecardInputs(model: Model, options: ScorecardOptions = {}, scoredOnly = false): ScorecardInputs {
  const o = resolveOptions<ScorecardOptions>(SCORECARD_DEFAULTS, options, "buildScorecard", RULES);
  const r = o.reports ?? {};
  const parts = o.duplication?.include ?? DUPLICATION_DEFAULTS.include;
  const duplicationOptions = scoredOnly ? { ...o.duplication, include: parts.filter((p) => SCORED_PARTS.includes(p)) } : o.duplication;
  return {
    duplication: r.duplication ?? (scoredOnly ? analyzeDuplication(model, duplicationOptions, false, true).report : findDuplication(model, duplicationOptions)),
    coverage: r.coverage ?? scoreCoverage(model, o.coverage),
    journeys: r.journeys ?? analyzeJourneys(model, o.journeys),
    openness: r.openness ?? r.transparency ?? (scoredOnly ? opennessOverall(model) : scoreOpenness(model)),
    staffing: r.staffing ?? analyzeStaffing(model, o.staffing),
  };
}

/** A weighted mean of parts with a value (`value` 0-100 each), over those with a weight above 0. */
function weightedScore(parts: readonly { id: string; value: number | null; weight: number; assumed?: boolean }[], records: "indicators" | "pillars"): WeightedScore {
  let sum = 0, weight = 0, all = 0, known = 0, total = 0, assumed = 0;
  const leftOut: string[] = [];
  for (const p of parts) {
    if (!(p.weight > 0)) continue;
    total++;
    all += p.weight;
    if (p.value === null) {
      leftOut.push(p.id);
      continue;
    }
    known++;
    if (p.assumed) assumed++;
    sum += p.weight * p.value;
    weight += p.weight;
  }
  return { ...ratio(sum, weight, { unit: "points", known, total, records, assumed }), leftOut, coverageOfWeights: all > 0 ? weight / all : null };
}

/** A pillar's score from its indicators (shares in [0, 1], scored 0-100). */
const pillarScore = (indicators: readonly Indicator[]) =>
  weightedScore(
    indicators.map((i) => ({ id: i.id, value: i.value === null ? null : 100 * i.value, weight: i.weight, assumed: (i.basis?.assumed ?? 0) > 0 })),
    "indicators",
  );

/** A weighted indicator from a measure. */
function measured(id: string, label: string, weight: number, m: Measured): Indicator {
  const out: Indicator = { id, label, value: m.value, weight, basis: m };
  if (m.reason) out.reason = m.reason;
  return out;
}

/** A context indicator (weight 0): a count or a number, or null with a reason. */
function context(id: string, label: string, value: number | null, reason: MissingReason = "no_data"): Indicator {
  return value === null ? { id, label, value, weight: 0, reason } : { id, label, value, weight: 0 };
}

/** The innovation indicators from journeys, or from single services (weighted by volume) when no need has one. */
function innovation(model: Model, journeys: JourneysReport, options: JourneysOptions | undefined) {
  if (journeys.journeys.length > 0) {
    const s = journeys.summary;
    return { basis: "journeys" as const, endToEnd: s.endToEndOnlineShare, onceOnly: s.onceOnlyRate, oneVisit: s.atMostOneVisitShare };
  }
  return { basis: "services" as const, ...serviceInnovation(model, journeyVisitRules(options)) };
}

/** The number of service items (of six) the model records, for the openness pillar's context. */
const recordedItems = (t: OpennessReport) => Object.values(t.overall.byItem).filter((m) => m.reason !== "no_data").length;

/** The five pillars from the analyses' reports (formulas: docs/scorecard.md). */
function pillars(model: Model, inputs: ScorecardInputs, journeysOptions: JourneysOptions | undefined): Pillar[] {
  const { duplication, coverage, journeys, openness, staffing } = inputs;
  const d = duplication.summary;
  const inno = innovation(model, journeys, journeysOptions);
  const st = staffing.summary;
  const make = (id: PillarId, name: string, formula: string, indicators: Indicator[]): Pillar => ({ id, name, score: pillarScore(indicators), formula, indicators });
  const measuredStaff = st.measured > 0;
  return [
    make("functionAllocation", "Allocation of functions", "100 × (1 − (duplicatedShare + fragmentedShare) / 2)", [
      measured("unduplicatedShare", "held functions not duplicated (1 − duplicatedShare)", 1, complement(d.duplicatedShare)),
      measured("unfragmentedShare", "held functions not fragmented (1 − fragmentedShare)", 1, complement(d.fragmentedShare)),
      context("duplicatedFunctions", "functions led by departments with overlapping jurisdictions", d.duplicatedFunctions, "not_computed"),
      context("fragmentedFunctions", "functions split over departments of one jurisdiction", d.fragmentedFunctions, "not_computed"),
      context("heldFunctions", "functions held by some department", d.heldFunctions),
    ]),
    make("publicServiceLevel", "Level of public services", "100 × (0.5 reach + 0.25 capacity + 0.25 quality), over the parts with data", [
      measured("reach", "demand reached by a remote channel or a nearby point", 0.5, coverage.reach),
      measured("capacity", "demand reached within capacity", 0.25, coverage.capacity),
      measured("quality", "mean satisfaction and on-time rate, weighted by volume", 0.25, serviceQuality(model)),
      context("gini", "Gini of regional reach (0 = even)", coverage.gini, "no_demand"),
      context("gaps", "unreached demand cells", coverage.reach.value === null ? null : coverage.gaps.length, "no_demand"),
    ]),
    make("governanceInnovation", "Governance innovation", "100 × mean(endToEndOnlineShare, onceOnlyRate, atMostOneVisitShare)", [
      measured("endToEndOnlineShare", `steps online end to end (${inno.basis})`, 1, inno.endToEnd),
      measured("onceOnlyRate", `evidence reused, not asked again (${inno.basis})`, 1, inno.onceOnly),
      measured("atMostOneVisitShare", `${inno.basis === "journeys" ? "journeys" : "services"} with at most one visit`, 1, inno.oneVisit),
      context("repeatSubmissions", "evidence asked twice per journey", journeys.journeys.length > 0 ? journeys.summary.repeatSubmissions : null),
    ]),
    make("openness", "Openness of government affairs", "100 × published items / applicable items", [
      measured("publishedShare", "applicable service items published", 1, openness.overall.share),
      context("fullyPublished", "services with every recorded item published", openness.overall.share.value === null ? null : openness.overall.fullyPublished),
      context("itemsRecorded", "service items the model records (of 6)", recordedItems(openness)),
    ]),
    make("civilService", "Civil service", "100 × (0.5 efficiency + 0.5 (1 − staffInMuchStaffLittleWork))", [
      measured("efficiency", "staff-weighted cases per staff member over the best comparable department", 0.5, st.efficiency),
      measured("staffNotIdle", "staff outside departments with much staff and little work", 0.5, complement(st.staffInMuchStaffLittleWork)),
      context("muchStaffLittleWork", "departments with much staff and little work", measuredStaff ? st.muchStaffLittleWork : null),
      context("littleStaffMuchWork", "departments with little staff and much work", measuredStaff ? st.littleStaffMuchWork : null),
      measured("vacancyRate", "authorized posts unfilled", 0, st.vacancyRate),
    ]),
  ];
}

/**
 * Scores the five pillars of a service-oriented reform 0-100, each with the indicators behind it, and a weighted
 * composite. Formulas: docs/scorecard.md.
 * @example
 * const card = buildScorecard(exampleCounty, { weights: { civilService: 2 } });
 * card.pillars.map((p) => [p.id, p.score.value]); card.composite.value // 0-100, over the pillars with data
 * card.composite.leftOut // pillars left out for lack of data
 */
export function buildScorecard(model: Model, options: ScorecardOptions = {}): ScorecardReport {
  model = requireModel("buildScorecard", model);
  const o = resolveScorecardOptions(options);
  const weights = o.weights;
  const list = pillars(model, scorecardInputs(model, o, true), o.journeys);
  const composite = weightedScore(
    list.map((p) => ({ id: p.id, value: p.score.value, weight: weights[p.id], assumed: (p.score.assumed ?? 0) > 0 })),
    "pillars",
  );
  return { pillars: list, composite, weights };
}

/**
 * The old name of {@link buildScorecard}.
 * @deprecated Use `buildScorecard`, which computes the same report (functions that compute a report are verbs).
 */
export const scorecard: (model: Model, options?: ScorecardOptions) => ScorecardReport = deprecatedAlias("scorecard", "buildScorecard", buildScorecard);
