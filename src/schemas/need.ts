import { z } from "zod";
import { Amount, userData } from "./common.js";
import { NeedId, RegionId, SegmentId, ServiceId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";

export const NeedKind = z.enum(["life_event", "business_event", "need"]);
export type NeedKind = z.infer<typeof NeedKind>;

/** Cases a year of a need in a region, optionally for one segment. */
export const Demand = z
  .strictObject({ regionId: RegionId, segmentId: SegmentId.optional(), volume: Amount, ...userData })
  .register(govgraphRegistry, { id: "govgraph.Demand", description: "Cases a year of a need in a region, for one segment or all" });
export type Demand = z.infer<typeof Demand>;

/** A service a citizen must complete for a need, after the services listed in `after`. */
export const JourneyStep = z
  .strictObject({ serviceId: ServiceId, after: z.array(ServiceId).optional(), ...userData })
  .register(govgraphRegistry, {
    id: "govgraph.JourneyStep",
    description: "A service a citizen must complete, after the services listed in after",
  });
export type JourneyStep = z.infer<typeof JourneyStep>;

/** A citizen need, life event or business event, with its demand and the journey it takes. */
export const Need = z
  .strictObject({
    id: NeedId,
    name: z.string().min(1),
    kind: NeedKind,
    segmentIds: z.array(SegmentId).default([]),
    demand: z.array(Demand).optional(),
    weight: Amount.optional(),
    journey: z.array(JourneyStep).optional(),
    ...userData,
  })
  .register(govgraphRegistry, {
    id: "govgraph.Need",
    description: "A citizen need, life event or business event; weight defaults to 1; journey lists the services to complete",
  });
export type Need = z.infer<typeof Need>;
