import { z } from "zod";
import { Amount, Location, userData } from "./common.js";
import { PointId, RegionId, ServiceId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";

/** A place where services are delivered in person: a window, a one-stop centre, a kiosk, an office. */
export const ServicePoint = z
  .strictObject({
    id: PointId,
    name: z.string().min(1),
    regionId: RegionId,
    location: Location.optional(),
    serviceIds: z.array(ServiceId).default([]),
    capacity: Amount.optional(),
    kind: z.string().optional(),
    ...userData,
  })
  .register(govgraphRegistry, {
    id: "govgraph.ServicePoint",
    description: "A place where services are delivered in person (window, one_stop_center, kiosk, office); capacity in cases a year",
  });
export type ServicePoint = z.infer<typeof ServicePoint>;
