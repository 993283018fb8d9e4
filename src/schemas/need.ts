import { z } from "zod";
import { Amount } from "./common.js";
import { NeedId, RegionId, SegmentId, ServiceId } from "./ids.js";
import { userRecord } from "./user-record.js";

export const NeedKind = z.enum(["life_event", "business_event", "need"]);
export type NeedKind = z.infer<typeof NeedKind>;

/** Cases a year of a need in a region, optionally for one segment. */
export const Demand = userRecord("Demand", "Cases a year of a need in a region, for one segment or all", {
  regionId: RegionId,
  segmentId: SegmentId.optional(),
  volume: Amount,
});
export type Demand = z.infer<typeof Demand>;

/** A service a citizen must complete for a need, after the services listed in `after`. */
export const JourneyStep = userRecord("JourneyStep", "A service a citizen must complete, after the services listed in after", {
  serviceId: ServiceId,
  after: z.array(ServiceId).optional(),
});
export type JourneyStep = z.infer<typeof JourneyStep>;

/** A citizen need, life event or business event, with its demand and the journey it takes. */
export const Need = userRecord("Need", "A citizen need, life event or business event; weight defaults to 1; journey lists the services to complete", {
  id: NeedId,
  name: z.string().min(1),
  kind: NeedKind,
  segmentIds: z.array(SegmentId).default([]),
  demand: z.array(Demand).optional(),
  weight: Amount.optional(),
  journey: z.array(JourneyStep).optional(),
});
export type Need = z.infer<typeof Need>;
