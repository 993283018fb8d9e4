import type { ScorecardReport } from "../../index.js";
import { reasonOf, share } from "./records.js";
import type { IndicatorData, ScorecardData } from "./types.js";

/** Context indicators that count things, and those that are plain numbers; every other indicator is a share. */
const COUNTS = new Set(["duplicatedFunctions", "fragmentedFunctions", "heldFunctions", "gaps", "fullyPublished", "itemsRecorded", "muchStaffLittleWork", "littleStaffMuchWork"]);
const NUMBERS = new Set(["gini", "repeatSubmissions"]);

function kindOf(id: string, weight: number): IndicatorData["kind"] {
  if (weight > 0) return "share";
  return COUNTS.has(id) ? "count" : NUMBERS.has(id) ? "number" : "share";
}

/** The scorecard section: each pillar with its indicators, and the composite over the pillars with data. @internal */
export function scorecardData(card: ScorecardReport): ScorecardData {
  const pillars = card.pillars.map((p) => ({
    id: p.id,
    name: p.name,
    score: share(p.score),
    weight: card.weights[p.id],
    formula: p.formula,
    indicators: p.indicators.map((i) => ({
      id: i.id,
      label: i.label,
      value: share(i.value),
      weight: i.weight,
      kind: kindOf(i.id, i.weight),
      reason: reasonOf(i.basis ?? i, "no data"),
    })),
  }));
  return {
    composite: share(card.composite),
    leftOut: card.composite.leftOut.map((id) => pillars.find((p) => p.id === id)?.name ?? id),
    pillars,
  };
}
