/**
 * Service channels
 * ================
 * What a service's channels ask of a citizen: which channel kinds need no travel, the fewest in-person visits, the
 * fastest processing, whether it can be done wholly online. Shared by journeys, coverage, the scorecard and the
 * generator's ground truth (docs/model.md lists the channel fields).
 * @module
 */
import type { Channel, Service } from "../schemas/service.js";

/** Channel kinds through which a citizen need not travel. */
export const REMOTE_CHANNELS: ReadonlySet<Channel["kind"]> = new Set(["online", "phone", "mail", "mobile"]);

/** The fewest in-person visits a service needs through its best channel (`none` when it has no channel). @internal */
export function serviceVisits(service: Service, visitsOf: Readonly<Record<Channel["kind"], number>>, none: number): number {
  if (service.channels.length === 0) return none;
  let best = Infinity;
  for (const c of service.channels) best = Math.min(best, c.visits ?? visitsOf[c.kind]);
  return best;
}

/** True when a service can be completed wholly online (an end-to-end online or mobile channel). @internal */
export function isEndToEndOnline(service: Service): boolean {
  return service.channels.some((c) => c.endToEnd === true && (c.kind === "online" || c.kind === "mobile"));
}

/** Processing days through the service's fastest channel, falling back to the service's own, else 0. @internal */
export function serviceDays(service: Service): number {
  let best = Infinity;
  for (const c of service.channels) {
    const d = c.processingDays ?? service.processingDays;
    if (d !== undefined && d < best) best = d;
  }
  if (best === Infinity) best = service.processingDays ?? 0;
  return best;
}
