import { z } from "zod";
import { Amount, userData } from "./common.js";
import { PointId, RegionId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";

/** The cost (minutes or km) of reaching a service point from a region. Unique by (regionId, pointId). */
export const TravelCost = z
  .strictObject({ regionId: RegionId, pointId: PointId, cost: Amount, ...userData })
  .register(govgraphRegistry, {
    id: "govgraph.TravelCost",
    description: "The cost (minutes or km) of reaching a service point from a region; unique by (regionId, pointId)",
  });
export type TravelCost = z.infer<typeof TravelCost>;
