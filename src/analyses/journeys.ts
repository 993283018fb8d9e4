/**
 * Journeys
 * ========
 * What one life event costs the citizen: the services, departments, in-person visits, documents and days a need's
 * `journey` takes, and how much of it the government already does once-only and online end to end.
 *
 * The critical path is the longest path through the `after` precedence graph (a DAG), computed in topological
 * order (Kahn 1962, "Topological sorting of large networks"; Kelley & Walker 1959, the critical path method).
 * The "run at most once" share follows the one-visit target of service reforms ("最多跑一次", Zhejiang 2017).
 */
import { GovGraphError } from "../errors.js";
import { compareIds } from "../model/records.js";
import type { Model } from "../schemas/model.js";
import type { Need } from "../schemas/need.js";
import type { Channel, Service } from "../schemas/service.js";

/** Channel kinds through which a citizen need not travel. */
export const REMOTE_CHANNELS: ReadonlySet<Channel["kind"]> = new Set(["online", "phone", "mail", "mobile"]);

/** Defaults of {@link analyzeJourneys}: the in-person visits a channel costs when it does not say (`visits`). */
export const JOURNEYS_DEFAULTS = {
  /** Visits a channel of each kind needs when its `visits` is absent. */
  defaultVisits: { in_person: 1, kiosk: 1, outreach: 0, online: 0, phone: 0, mail: 0, mobile: 0 } as Readonly<
    Record<Channel["kind"], number>
  >,
  /** Visits a step counts when its service has no channel at all (assume the counter). */
  visitsWithoutChannel: 1,
} as const;

/** Options of {@link analyzeJourneys}. */
export interface JourneysOptions {
  defaultVisits?: Partial<Record<Channel["kind"], number>>;
  visitsWithoutChannel?: number;
}

/** One need's journey, measured. */
export interface JourneyResult {
  needId: string;
  name: string;
  /** Demand weight of the journey in the summary: yearly volume times the need's weight. */
  weight: number;
  /** The services of the journey, sorted by id. */
  services: string[];
  /** Competent departments of those services, sorted by id. */
  departments: string[];
  /** Sum over steps of the fewest in-person visits any of the step's channels allows. */
  inPersonVisits: number;
  /** Evidence requirements over all steps (an evidence type asked by two steps counts twice). */
  evidenceRequests: number;
  citizenSupplied: number;
  reused: number;
  /** `reused / evidenceRequests`, or null when the journey asks for no evidence. */
  onceOnlyRate: number | null;
  /** Citizen-supplied requests beyond the first for the same evidence type. */
  repeatSubmissions: number;
  /** Evidence types the citizen supplies more than once, sorted by id. */
  repeatedEvidence: string[];
  /** Share of steps whose service has an end-to-end online or mobile channel. */
  endToEndOnlineShare: number;
  /** Days along the critical path. */
  days: number;
  /** The steps of the critical path, first to last. */
  criticalPath: string[];
}

/** The demand-weighted summary over every journey. */
export interface JourneysSummary {
  journeys: number;
  /** Sum of journey weights. */
  weight: number;
  inPersonVisits: number;
  departments: number;
  services: number;
  evidenceRequests: number;
  /** Weighted reused requests over weighted requests; 1 when no journey asks for evidence. */
  onceOnlyRate: number;
  repeatSubmissions: number;
  endToEndOnlineShare: number;
  days: number;
  /** Weighted share of journeys needing at most one in-person visit ("run at most once"). */
  atMostOneVisitShare: number;
  /** Journeys with at most one in-person visit (count). */
  atMostOneVisit: number;
}

/** The report of {@link analyzeJourneys}. */
export interface JourneysReport {
  /** One entry per need with a non-empty journey, sorted by need id. */
  journeys: JourneyResult[];
  summary: JourneysSummary;
}

/** The fewest in-person visits a service needs through its best channel. @internal */
export function _serviceVisits(service: Service, visitsOf: Readonly<Record<Channel["kind"], number>>, none: number): number {
  if (service.channels.length === 0) return none;
  let best = Infinity;
  for (const c of service.channels) best = Math.min(best, c.visits ?? visitsOf[c.kind]);
  return best;
}

/** True when a service can be completed wholly online (an end-to-end online or mobile channel). @internal */
export function _isEndToEndOnline(service: Service): boolean {
  return service.channels.some((c) => c.endToEnd === true && (c.kind === "online" || c.kind === "mobile"));
}

/** Processing days through the service's fastest channel, falling back to the service's own, else 0. @internal */
export function _serviceDays(service: Service): number {
  let best = Infinity;
  for (const c of service.channels) {
    const d = c.processingDays ?? service.processingDays;
    if (d !== undefined && d < best) best = d;
  }
  if (best === Infinity) best = service.processingDays ?? 0;
  return best;
}

/** The yearly volume of each need (its demand, or the leaf regions' population), times its weight. @internal */
export function _needWeights(model: Model): Map<string, number> {
  let leafPopulation: number | undefined;
  const weights = new Map<string, number>();
  for (const need of model.needs) {
    let volume = 0;
    if (need.demand) for (const d of need.demand) volume += d.volume;
    else {
      if (leafPopulation === undefined) {
        const hasChild = new Set<string>();
        for (const r of model.regions) if (r.parentId !== undefined) hasChild.add(r.parentId);
        leafPopulation = 0;
        for (const r of model.regions) if (!hasChild.has(r.id)) leafPopulation += r.population ?? 0;
      }
      volume = leafPopulation;
    }
    weights.set(need.id, (volume > 0 ? volume : 1) * (need.weight ?? 1));
  }
  return weights;
}

/** Orders a journey's steps so every step comes after the steps it names in `after`, or throws on a cycle. */
function topologicalSteps(need: Need, steps: Map<string, string[]>): string[] {
  const indegree = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const [id, after] of steps) {
    indegree.set(id, after.length);
    for (const a of after) next.get(a)?.push(id) ?? next.set(a, [id]);
  }
  const ready = [...steps.keys()].filter((id) => indegree.get(id) === 0).sort(compareIds);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const n of next.get(id) ?? []) {
      const left = indegree.get(n)! - 1;
      indegree.set(n, left);
      if (left === 0) ready.push(n);
    }
  }
  if (order.length < steps.size) {
    const stuck = [...steps.keys()].filter((id) => !order.includes(id)).sort(compareIds);
    throw new GovGraphError(
      "invalid_model",
      `analyzeJourneys: the journey of need "${need.id}" has a cycle in "after" among ${stuck.map((s) => `"${s}"`).join(", ")}. Remove one of those "after" entries (validateModel reports it too).`,
      { path: ["needs", need.id, "journey"] },
    );
  }
  return order;
}

function measure(need: Need, weight: number, services: ReadonlyMap<string, Service>, visitsOf: Record<Channel["kind"], number>, none: number): JourneyResult {
  // Steps keyed by service: a service listed twice is one step with the union of its `after`.
  const steps = new Map<string, string[]>();
  for (const step of need.journey!) {
    const after = steps.get(step.serviceId) ?? [];
    for (const a of step.after ?? []) if (!after.includes(a)) after.push(a);
    steps.set(step.serviceId, after);
  }
  for (const [id, after] of steps) {
    // `after` entries naming a service outside the journey put no constraint on it.
    steps.set(id, after.filter((a) => steps.has(a)));
  }
  const lookup = (id: string): Service => {
    const s = services.get(id);
    if (!s) {
      throw new GovGraphError(
        "invalid_model",
        `analyzeJourneys: the journey of need "${need.id}" names unknown service "${id}". Run validateModel first.`,
        { path: ["needs", need.id, "journey"] },
      );
    }
    return s;
  };

  const departments = new Set<string>();
  let inPersonVisits = 0;
  let evidenceRequests = 0;
  let reused = 0;
  let endToEnd = 0;
  const citizenAsked = new Map<string, number>();
  for (const id of steps.keys()) {
    const s = lookup(id);
    departments.add(s.departmentId);
    inPersonVisits += _serviceVisits(s, visitsOf, none);
    if (_isEndToEndOnline(s)) endToEnd++;
    for (const e of s.evidence ?? []) {
      evidenceRequests++;
      if (e.source === "reused") reused++;
      else citizenAsked.set(e.evidenceId, (citizenAsked.get(e.evidenceId) ?? 0) + 1);
    }
  }
  let repeatSubmissions = 0;
  const repeatedEvidence: string[] = [];
  for (const [id, n] of citizenAsked) {
    if (n > 1) {
      repeatSubmissions += n - 1;
      repeatedEvidence.push(id);
    }
  }

  // Critical path: finish(s) = days(s) + max finish of its predecessors; ties go to the smaller id.
  const finish = new Map<string, number>();
  const via = new Map<string, string | undefined>();
  for (const id of topologicalSteps(need, steps)) {
    let start = 0;
    let from: string | undefined;
    for (const a of [...steps.get(id)!].sort(compareIds)) {
      if (from === undefined || finish.get(a)! > start) {
        start = finish.get(a)!;
        from = a;
      }
    }
    finish.set(id, start + _serviceDays(lookup(id)));
    via.set(id, from);
  }
  let last: string | undefined;
  for (const id of [...finish.keys()].sort(compareIds)) if (last === undefined || finish.get(id)! > finish.get(last)!) last = id;
  const criticalPath: string[] = [];
  for (let at = last; at !== undefined; at = via.get(at)) criticalPath.unshift(at);

  return {
    needId: need.id,
    name: need.name,
    weight,
    services: [...steps.keys()].sort(compareIds),
    departments: [...departments].sort(compareIds),
    inPersonVisits,
    evidenceRequests,
    citizenSupplied: evidenceRequests - reused,
    reused,
    onceOnlyRate: evidenceRequests === 0 ? null : reused / evidenceRequests,
    repeatSubmissions,
    repeatedEvidence: repeatedEvidence.sort(compareIds),
    endToEndOnlineShare: endToEnd / steps.size,
    days: last === undefined ? 0 : finish.get(last)!,
    criticalPath,
  };
}

/** The demand-weighted summary of journey results. @internal */
export function _summarizeJourneys(journeys: readonly JourneyResult[]): JourneysSummary {
  let weight = 0;
  const sum = { inPersonVisits: 0, departments: 0, services: 0, evidenceRequests: 0, reused: 0, repeatSubmissions: 0, endToEndOnlineShare: 0, days: 0, oneVisit: 0 };
  let atMostOneVisit = 0;
  for (const j of journeys) {
    const w = j.weight;
    weight += w;
    sum.inPersonVisits += w * j.inPersonVisits;
    sum.departments += w * j.departments.length;
    sum.services += w * j.services.length;
    sum.evidenceRequests += w * j.evidenceRequests;
    sum.reused += w * j.reused;
    sum.repeatSubmissions += w * j.repeatSubmissions;
    sum.endToEndOnlineShare += w * j.endToEndOnlineShare;
    sum.days += w * j.days;
    if (j.inPersonVisits <= 1) {
      sum.oneVisit += w;
      atMostOneVisit++;
    }
  }
  const mean = (x: number) => (weight > 0 ? x / weight : 0);
  return {
    journeys: journeys.length,
    weight,
    inPersonVisits: mean(sum.inPersonVisits),
    departments: mean(sum.departments),
    services: mean(sum.services),
    evidenceRequests: mean(sum.evidenceRequests),
    onceOnlyRate: sum.evidenceRequests > 0 ? sum.reused / sum.evidenceRequests : 1,
    repeatSubmissions: mean(sum.repeatSubmissions),
    endToEndOnlineShare: mean(sum.endToEndOnlineShare),
    days: mean(sum.days),
    atMostOneVisitShare: mean(sum.oneVisit),
    atMostOneVisit,
  };
}

/**
 * Measures every need's journey: services, departments, in-person visits, evidence (once-only), end-to-end online
 * share and days along the critical path, with a demand-weighted summary. Throws `invalid_model` on a cycle in `after`.
 * @example
 * const { summary } = analyzeJourneys(exampleCounty);
 * summary.atMostOneVisitShare // share of demand whose journey needs at most one trip to an office
 */
export function analyzeJourneys(model: Model, options: JourneysOptions = {}): JourneysReport {
  const visitsOf = { ...JOURNEYS_DEFAULTS.defaultVisits, ...options.defaultVisits };
  const none = options.visitsWithoutChannel ?? JOURNEYS_DEFAULTS.visitsWithoutChannel;
  const withJourney = model.needs.filter((n) => n.journey !== undefined && n.journey.length > 0);
  const wanted = new Set<string>();
  for (const n of withJourney) for (const step of n.journey!) wanted.add(step.serviceId);
  const services = new Map<string, Service>();
  for (const s of model.services) if (wanted.has(s.id)) services.set(s.id, s);
  const weights = _needWeights(model);
  const journeys = withJourney
    .map((n) => measure(n, weights.get(n.id)!, services, visitsOf, none))
    .sort((a, b) => compareIds(a.needId, b.needId));
  return { journeys, summary: _summarizeJourneys(journeys) };
}
