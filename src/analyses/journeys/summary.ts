/**
 * The weights and the demand-weighted summary of journeys: each need weighs its yearly volume (its demand, else
 * the population of the leaf regions) times its `weight` (docs/scorecard.md, "Journeys").
 * @internal
 * @module
 */
import type { Model } from "../../schemas/model.js";
import type { JourneyResult, JourneysSummary } from "./types.js";

/** The yearly volume of each need (its demand, or the leaf regions' population), times its weight. @internal */
export function needWeights(model: Model): Map<string, number> {
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

/** The demand-weighted summary of journey results. @internal */
export function summarizeJourneys(journeys: readonly JourneyResult[]): JourneysSummary {
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
