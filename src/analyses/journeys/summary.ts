/**
 * The weights and the demand-weighted summary of journeys: each need weighs its yearly volume (its demand, else
 * the population of the leaf regions, else 1) times its `weight` (docs/scorecard.md, "Journeys").
 * @internal
 * @module
 */
import type { Model } from "../../schemas/model.js";
import { ratio } from "../measured.js";
import type { JourneyResult, JourneysSummary } from "./types.js";

/** A need's yearly volume, where it comes from, and its weight in the summary. @internal */
export interface NeedVolume {
  volume: number;
  volumeFrom: JourneyResult["volumeFrom"];
  weight: number;
}

/** The sum of the populations of the leaf regions (regions that contain no other). */
function leafPopulation(model: Model): number {
  const hasChild = new Set<string>();
  for (const r of model.regions) if (r.parentId !== undefined) hasChild.add(r.parentId);
  let total = 0;
  for (const r of model.regions) if (!hasChild.has(r.id)) total += r.population ?? 0;
  return total;
}

/**
 * The yearly volume of each need and its weight: its demand, else the leaf regions' population; a volume of 0
 * counts as 1 (`default`) so that no journey vanishes from the summary. @internal
 */
export function needWeights(model: Model): Map<string, NeedVolume> {
  let population: number | undefined;
  const weights = new Map<string, NeedVolume>();
  for (const need of model.needs) {
    let volume = 0;
    let volumeFrom: NeedVolume["volumeFrom"] = "demand";
    if (need.demand) for (const d of need.demand) volume += d.volume;
    else {
      population ??= leafPopulation(model);
      volume = population;
      volumeFrom = "population";
    }
    if (!(volume > 0)) {
      volume = 1;
      volumeFrom = "default";
    }
    weights.set(need.id, { volume, volumeFrom, weight: volume * (need.weight ?? 1) });
  }
  return weights;
}

/** The demand-weighted summary of journey results. @internal */
export function summarizeJourneys(journeys: readonly JourneyResult[]): JourneysSummary {
  let weight = 0;
  const sum = { inPersonVisits: 0, departments: 0, services: 0, evidenceRequests: 0, reused: 0, repeatSubmissions: 0, endToEndOnlineShare: 0, days: 0, oneVisit: 0 };
  let atMostOneVisit = 0;
  let channelsKnown = 0;
  let channelsAssumed = 0;
  let asksEvidence = 0;
  let volumeAssumed = 0;
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
    const volumeDefault = j.volumeFrom !== "demand";
    if (volumeDefault) volumeAssumed++;
    if (j.stepsWithoutChannel === 0) channelsKnown++;
    if (j.stepsWithoutChannel > 0 || volumeDefault) channelsAssumed++;
    if (j.evidenceRequests > 0) asksEvidence++;
  }
  const mean = (x: number) => (weight > 0 ? x / weight : null);
  const total = journeys.length;
  const channels = { unit: "demand", known: channelsKnown, total, records: "journeys", assumed: channelsAssumed } as const;
  return {
    journeys: total,
    weight,
    inPersonVisits: mean(sum.inPersonVisits),
    departments: mean(sum.departments),
    services: mean(sum.services),
    evidenceRequests: mean(sum.evidenceRequests),
    onceOnlyRate: ratio(sum.reused, sum.evidenceRequests, { unit: "weighted requests", known: asksEvidence, total, records: "journeys", assumed: volumeAssumed }),
    repeatSubmissions: mean(sum.repeatSubmissions),
    endToEndOnlineShare: ratio(sum.endToEndOnlineShare, weight, channels),
    days: mean(sum.days),
    atMostOneVisitShare: ratio(sum.oneVisit, weight, channels),
    atMostOneVisit,
  };
}
