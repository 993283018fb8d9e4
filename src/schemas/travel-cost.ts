import { z } from "zod";
import { Amount } from "./common.js";
import { PointId, RegionId } from "./ids.js";
import { userRecord } from "./user-record.js";

/** The cost (minutes or km) of reaching a service point from a region. Unique by (regionId, pointId). */
export const TravelCost = userRecord("TravelCost", "The cost (minutes or km) of reaching a service point from a region; unique by (regionId, pointId)", {
  regionId: RegionId,
  pointId: PointId,
  cost: Amount,
});
export type TravelCost = z.infer<typeof TravelCost>;
