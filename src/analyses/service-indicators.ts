/**
 * Service indicators
 * ==================
 * The scorecard's indicators measured over active services weighted by `annualVolume`: quality (satisfaction and
 * on-time rate), and the innovation indicators when no need has a journey (each service a one-step journey).
 *
 * A service without `annualVolume` weighs the mean volume of the services that have one in the same computation,
 * and is counted as assumed; when none has one, every service weighs the same (docs/scorecard.md, "Missing
 * annualVolume").
 * @internal
 * @module
 */
import { keptResult, sameFields } from "../model/lineage.js";
import type { Model } from "../schemas/model.js";
import { isActiveService, type Service } from "../schemas/service.js";
import type { VisitRules } from "./journeys/measure-journey.js";
import { ratio, type Measured } from "./measured.js";
import { isEndToEndOnline, serviceVisits } from "./service-channels.js";

/** Each service's weight: its volume, else the mean known volume (1 each when none is known); `assumed` marks the latter. @internal */
export function volumeWeights(services: readonly Service[]): { weights: Float64Array; assumed: Uint8Array } {
  let sum = 0;
  let known = 0;
  for (const s of services) {
    if (s.annualVolume === undefined) continue;
    sum += s.annualVolume;
    known++;
  }
  const mean = known > 0 ? sum / known : 1;
  const weights = new Float64Array(services.length);
  const assumed = new Uint8Array(services.length);
  services.forEach((s, i) => {
    weights[i] = s.annualVolume ?? mean;
    assumed[i] = s.annualVolume === undefined ? 1 : 0;
  });
  return { weights, assumed };
}

/** The mean of a service's recorded satisfaction and on-time rate, or undefined when it records neither. */
function qualityOf(s: Service): number | undefined {
  const q = s.quality;
  if (!q || (q.satisfaction === undefined && q.onTimeRate === undefined)) return undefined;
  if (q.satisfaction === undefined) return q.onTimeRate;
  return q.onTimeRate === undefined ? q.satisfaction : (q.satisfaction + q.onTimeRate) / 2;
}

/** The service fields {@link serviceQuality} reads. */
const QUALITY_FIELDS = ["status", "quality", "annualVolume"];

const qualities = new WeakMap<Model, Measured>();

/**
 * Volume-weighted quality of the active services that record it (known: those services). Kept for a validated
 * model, and reused for one made from it whose services kept their positions and these fields. @internal
 */
export function serviceQuality(model: Model): Measured {
  return { ...keptResult(qualities, model, (base) => sameFields(model, base, "services", QUALITY_FIELDS), () => measureQuality(model)) };
}

function measureQuality(model: Model): Measured {
  const active = model.services.filter(isActiveService);
  const rated = active.filter((s) => qualityOf(s) !== undefined);
  const { weights, assumed } = volumeWeights(rated);
  let sum = 0;
  let weight = 0;
  rated.forEach((s, i) => {
    sum += weights[i]! * qualityOf(s)!;
    weight += weights[i]!;
  });
  return ratio(sum, weight, { unit: "volume", known: rated.length, total: active.length, records: "services", assumed: assumed.reduce((a, b) => a + b, 0) });
}

/** The three innovation indicators over active services as one-step journeys, weighted by volume. @internal */
export function serviceInnovation(model: Model, rules: VisitRules): { endToEnd: Measured; onceOnly: Measured; oneVisit: Measured } {
  const active = model.services.filter(isActiveService);
  const { weights, assumed } = volumeWeights(active);
  let weight = 0, endToEnd = 0, oneVisit = 0, requests = 0, reused = 0;
  let withChannel = 0, withEvidence = 0, channelDefault = 0, volumeDefault = 0;
  active.forEach((s, i) => {
    const w = weights[i]!;
    weight += w;
    // A service with no channel is taken as not online and as `visitsWithoutChannel` visits: a documented default.
    if (s.channels.length > 0) withChannel++;
    if (s.channels.length === 0 || assumed[i]) channelDefault++;
    if (assumed[i]) volumeDefault++;
    if (isEndToEndOnline(s)) endToEnd += w;
    if (serviceVisits(s, rules.visitsOf, rules.none) <= 1) oneVisit += w;
    if ((s.evidence ?? []).length > 0) withEvidence++;
    for (const e of s.evidence ?? []) {
      requests += w;
      if (e.source === "reused") reused += w;
    }
  });
  const total = active.length;
  const channels = { unit: "volume", known: withChannel, total, records: "services", assumed: channelDefault } as const;
  return {
    endToEnd: ratio(endToEnd, weight, channels),
    onceOnly: ratio(reused, requests, { unit: "weighted requests", known: withEvidence, total, records: "services", assumed: volumeDefault }),
    oneVisit: ratio(oneVisit, weight, channels),
  };
}
