/**
 * Journeys
 * ========
 * What one life event costs the citizen: the services, departments, in-person visits, documents and days a need's
 * `journey` takes, and how much of it the government already does once-only and online end to end.
 *
 * The critical path is the longest path through the `after` precedence graph (a DAG), computed in topological
 * order (Kahn 1962, "Topological sorting of large networks"; Kelley & Walker 1959, the critical path method).
 * The "run at most once" share follows the one-visit target of service reforms ("最多跑一次", Zhejiang 2017).
 * @module
 */
import { compareIds } from "../../model/records.js";
import { inRange, resolveOptions, type OptionRule } from "../../options.js";
import type { Model } from "../../schemas/model.js";
import { ChannelKind, type Channel, type Service } from "../../schemas/service.js";
import { measureJourney, type VisitRules } from "./measure-journey.js";
import { needWeights, summarizeJourneys } from "./summary.js";
import type { JourneysReport } from "./types.js";
import { requireModel } from "../../model/require-model.js";

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
  /** Visits by channel kind, over {@link JOURNEYS_DEFAULTS}' (a kind left out, or `undefined`, keeps its default). */
  defaultVisits?: Partial<Record<Channel["kind"], number>>;
  visitsWithoutChannel?: number;
}

/** An object mapping channel kinds to visit counts of 0 or more. */
const visitsByKind: OptionRule = (v) => {
  const ok =
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(([kind, n]) => ChannelKind.safeParse(kind).success && (n === undefined || (typeof n === "number" && n >= 0 && Number.isFinite(n))));
  return ok ? undefined : `must map channel kinds (${ChannelKind.options.join(", ")}) to numbers of 0 or more, got ${JSON.stringify(v)?.slice(0, 60)}`;
};

/** The visit rules of {@link analyzeJourneys}' options; throws a GovGraphError naming a bad option. @internal */
export function journeyVisitRules(options: JourneysOptions | undefined): VisitRules {
  const o = resolveOptions<Required<JourneysOptions>>(JOURNEYS_DEFAULTS, options, "analyzeJourneys", {
    defaultVisits: visitsByKind,
    visitsWithoutChannel: inRange(0, Infinity),
  });
  const visitsOf = { ...JOURNEYS_DEFAULTS.defaultVisits };
  for (const [kind, n] of Object.entries(o.defaultVisits) as [Channel["kind"], number | undefined][]) if (n !== undefined) visitsOf[kind] = n;
  return { visitsOf, none: o.visitsWithoutChannel };
}

/**
 * Measures every need's journey: services, departments, in-person visits, evidence (once-only), end-to-end online
 * share and days along the critical path, with a demand-weighted summary. Throws `invalid_model` on a cycle in `after`.
 * @example
 * const { summary } = analyzeJourneys(exampleCounty);
 * summary.atMostOneVisitShare // share of demand whose journey needs at most one trip to an office
 */
export function analyzeJourneys(model: Model, options: JourneysOptions = {}): JourneysReport {
  model = requireModel("analyzeJourneys", model);
  const rules = journeyVisitRules(options);
  const withJourney = model.needs.filter((n) => n.journey !== undefined && n.journey.length > 0);
  const wanted = new Set<string>();
  for (const n of withJourney) for (const step of n.journey!) wanted.add(step.serviceId);
  const services = new Map<string, Service>();
  for (const s of model.services) if (wanted.has(s.id)) services.set(s.id, s);
  const weights = needWeights(model);
  const journeys = withJourney.map((n) => measureJourney(n, weights.get(n.id)!, services, rules)).sort((a, b) => compareIds(a.needId, b.needId));
  return { journeys, summary: summarizeJourneys(journeys) };
}
