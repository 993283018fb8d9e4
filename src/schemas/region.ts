import { z } from "zod";
import { Amount, Location } from "./common.js";
import { RegionId } from "./ids.js";
import { userRecord } from "./user-record.js";

/** An area of jurisdiction or service: a nation, province, county, township... Regions form a tree by `parentId`. */
export const Region = userRecord("Region", "An area of jurisdiction or service (nation, province, county, township); regions form an acyclic tree by parentId", {
  id: RegionId,
  name: z.string().min(1),
  parentId: RegionId.optional(),
  level: z.string().optional(),
  population: Amount.optional(),
  location: Location.optional(),
});
export type Region = z.infer<typeof Region>;
