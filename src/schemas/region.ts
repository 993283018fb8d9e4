import { z } from "zod";
import { Amount, Location, userData } from "./common.js";
import { RegionId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";

/** An area of jurisdiction or service: a nation, province, county, township... Regions form a tree by `parentId`. */
export const Region = z
  .strictObject({
    id: RegionId,
    name: z.string().min(1),
    parentId: RegionId.optional(),
    level: z.string().optional(),
    population: Amount.optional(),
    location: Location.optional(),
    ...userData,
  })
  .register(govgraphRegistry, {
    id: "govgraph.Region",
    description: "An area of jurisdiction or service (nation, province, county, township); regions form an acyclic tree by parentId",
  });
export type Region = z.infer<typeof Region>;
