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
import { isActiveService } from "../schemas/service.js";
import { scoreCoverage, type CoverageOptions } from "./coverage/score-coverage.js";
import type { CoverageReport } from "./coverage/types.js";
import { findDuplication } from "./duplication/find-duplication.js";
import type { DuplicationOptions, DuplicationReport } from "./duplication/types.js";
import { analyzeJourneys, journeyVisitRules, type JourneysOptions } from "./journeys/analyze-journeys.js";
import type { JourneysReport } from "./journeys/types.js";
import { isEndToEndOnline, serviceVisits } from "./service-channels.js";
import { analyzeStaffing, type StaffingOptions, type StaffingReport } from "./staffing.js";
import { scoreOpenness, type OpennessReport } from "./transparency.js";
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
  /** In [0, 1] when `weight > 0`; null when the model has no data for it. */
  value: number | null;
  /** Its weight inside the pillar's score; 0 for context shown beside it. */
  weight: number;
}

/** One pillar's score and why. */
export interface Pillar {
  id: PillarId;
  name: string;
  /** 0-100, or null when none of its weighted indicators has data. */
  score: number | null;
  /** The formula, as in docs/scorecard.md. */
  formula: string;
  indicators: Indicator[];
}

/** The report of {@link buildScorecard}. */
export interface ScorecardReport {
  pillars: Pillar[];
  /** Weighted mean of the pillars with a score, 0-100; null when none has one. */
  composite: number | null;
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

/** Runs the analyses a scorecard needs (those not given). @internal */
export function scorecardInputs(model: Model, options: ScorecardOptions = {}): ScorecardInputs {
  const o = resolveOptions<ScorecardOptions>(SCORECARD_DEFAULTS, options, "buildScorecard", RULES);
  const r = o.reports ?? {};
  return {
    duplication: r.duplication ?? findDuplication(model, o.duplication),
    coverage: r.coverage ?? scoreCoverage(model, o.coverage),
    journeys: r.journeys ?? analyzeJourneys(model, o.journeys),
    openness: r.openness ?? r.transparency ?? scoreOpenness(model),
    staffing: r.staffing ?? analyzeStaffing(model, o.staffing),
  };
}

/** A weighted mean of the indicators with a value, times 100; null when none has one. */
function score(indicators: readonly Indicator[]): number | null {
  let sum = 0;
  let weight = 0;
  for (const i of indicators) {
    if (i.weight <= 0 || i.value === null) continue;
    sum += i.weight * i.value;
    weight += i.weight;
  }
  return weight > 0 ? (100 * sum) / weight : null;
}

/** Demand-weighted quality of active services: mean of satisfaction and on-time rate where recorded. */
function serviceQuality(model: Model): number | null {
  let sum = 0;
  let weight = 0;
  for (const s of model.services) {
    if (!isActiveService(s) || !s.quality) continue;
    const parts = [s.quality.satisfaction, s.quality.onTimeRate].filter((x): x is number => x !== undefined);
    if (parts.length === 0) continue;
    const w = s.annualVolume ?? 1;
    sum += (w * parts.reduce((a, b) => a + b, 0)) / parts.length;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

/** The innovation indicators from journeys, or from single services (weighted by volume) when no need has one. */
function innovation(model: Model, journeys: JourneysReport, options: JourneysOptions | undefined) {
  if (journeys.journeys.length > 0) {
    const s = journeys.summary;
    return { basis: "journeys" as const, endToEnd: s.endToEndOnlineShare, onceOnly: s.onceOnlyRate, oneVisit: s.atMostOneVisitShare };
  }
  const { visitsOf, none } = journeyVisitRules(options);
  let weight = 0, endToEnd = 0, oneVisit = 0, requests = 0, reused = 0;
  for (const s of model.services) {
    if (!isActiveService(s)) continue;
    const w = s.annualVolume ?? 1;
    weight += w;
    if (isEndToEndOnline(s)) endToEnd += w;
    if (serviceVisits(s, visitsOf, none) <= 1) oneVisit += w;
    for (const e of s.evidence ?? []) {
      requests += w;
      if (e.source === "reused") reused += w;
    }
  }
  if (weight === 0) return { basis: "services" as const, endToEnd: null, onceOnly: null, oneVisit: null };
  return { basis: "services" as const, endToEnd: endToEnd / weight, onceOnly: requests > 0 ? reused / requests : 1, oneVisit: oneVisit / weight };
}

/** The five pillars from the analyses' reports (formulas: docs/scorecard.md). */
function pillars(model: Model, inputs: ScorecardInputs, journeysOptions: JourneysOptions | undefined): Pillar[] {
  const { duplication, coverage, journeys, openness, staffing } = inputs;
  const d = duplication.summary;
  const quality = serviceQuality(model);
  const inno = innovation(model, journeys, journeysOptions);
  const st = staffing.summary;
  const make = (id: PillarId, name: string, formula: string, indicators: Indicator[]): Pillar => ({ id, name, score: score(indicators), formula, indicators });
  return [
    make("functionAllocation", "Allocation of functions", "100 × (1 − (duplicatedShare + fragmentedShare) / 2)", [
      { id: "unduplicatedShare", label: "held functions not duplicated (1 − duplicatedShare)", value: d.heldFunctions > 0 ? 1 - d.duplicatedShare : null, weight: 1 },
      { id: "unfragmentedShare", label: "held functions not fragmented (1 − fragmentedShare)", value: d.heldFunctions > 0 ? 1 - d.fragmentedShare : null, weight: 1 },
      { id: "duplicatedFunctions", label: "functions led by departments with overlapping jurisdictions", value: d.duplicatedFunctions, weight: 0 },
      { id: "fragmentedFunctions", label: "functions split over departments of one jurisdiction", value: d.fragmentedFunctions, weight: 0 },
      { id: "heldFunctions", label: "functions held by some department", value: d.heldFunctions, weight: 0 },
    ]),
    make("publicServiceLevel", "Level of public services", "100 × (0.5 reach + 0.25 capacity + 0.25 quality), over the parts with data", [
      { id: "reach", label: "demand reached by a remote channel or a nearby point", value: coverage.demand > 0 ? coverage.reach : null, weight: 0.5 },
      { id: "capacity", label: "demand reached within capacity", value: coverage.demand > 0 ? coverage.capacity : null, weight: 0.25 },
      { id: "quality", label: "mean satisfaction and on-time rate, weighted by volume", value: quality, weight: 0.25 },
      { id: "gini", label: "Gini of regional reach (0 = even)", value: coverage.gini, weight: 0 },
      { id: "gaps", label: "unreached demand cells", value: coverage.gaps.length, weight: 0 },
    ]),
    make("governanceInnovation", "Governance innovation", "100 × mean(endToEndOnlineShare, onceOnlyRate, atMostOneVisitShare)", [
      { id: "endToEndOnlineShare", label: `steps online end to end (${inno.basis})`, value: inno.endToEnd, weight: 1 },
      { id: "onceOnlyRate", label: `evidence reused, not asked again (${inno.basis})`, value: inno.onceOnly, weight: 1 },
      { id: "atMostOneVisitShare", label: `${inno.basis === "journeys" ? "journeys" : "services"} with at most one visit`, value: inno.oneVisit, weight: 1 },
      { id: "repeatSubmissions", label: "evidence asked twice per journey", value: journeys.journeys.length > 0 ? journeys.summary.repeatSubmissions : null, weight: 0 },
    ]),
    make("openness", "Openness of government affairs", "100 × published items / applicable items", [
      { id: "publishedShare", label: "applicable service items published", value: openness.overall.applicable > 0 ? openness.overall.share : null, weight: 1 },
      { id: "fullyPublished", label: "services with every item published", value: openness.overall.fullyPublished, weight: 0 },
    ]),
    make("civilService", "Civil service", "100 × (0.5 efficiency + 0.5 (1 − staffInMuchStaffLittleWork))", [
      { id: "efficiency", label: "staff-weighted cases per staff member over the best comparable department", value: st.efficiency, weight: 0.5 },
      { id: "staffNotIdle", label: "staff outside departments with much staff and little work", value: st.measured > 0 ? 1 - st.staffInMuchStaffLittleWork : null, weight: 0.5 },
      { id: "muchStaffLittleWork", label: "departments with much staff and little work", value: st.muchStaffLittleWork, weight: 0 },
      { id: "littleStaffMuchWork", label: "departments with little staff and much work", value: st.littleStaffMuchWork, weight: 0 },
      { id: "vacancyRate", label: "authorized posts unfilled", value: st.vacancyRate, weight: 0 },
    ]),
  ];
}

/**
 * Scores the five pillars of a service-oriented reform 0-100, each with the indicators behind it, and a weighted
 * composite. Formulas: docs/scorecard.md.
 * @example
 * const card = buildScorecard(exampleCounty, { weights: { civilService: 2 } });
 * card.pillars.map((p) => [p.id, p.score]); card.composite
 */
export function buildScorecard(model: Model, options: ScorecardOptions = {}): ScorecardReport {
  model = requireModel("buildScorecard", model);
  const o = resolveScorecardOptions(options);
  const weights = o.weights;
  const list = pillars(model, scorecardInputs(model, o), o.journeys);
  let sum = 0;
  let weight = 0;
  for (const p of list) {
    if (p.score === null || weights[p.id] === 0) continue;
    sum += weights[p.id] * p.score;
    weight += weights[p.id];
  }
  return { pillars: list, composite: weight > 0 ? sum / weight : null, weights };
}

/**
 * The old name of {@link buildScorecard}.
 * @deprecated Use `buildScorecard`, which computes the same report (functions that compute a report are verbs).
 */
export const scorecard: (model: Model, options?: ScorecardOptions) => ScorecardReport = deprecatedAlias("scorecard", "buildScorecard", buildScorecard);
