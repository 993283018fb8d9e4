import { z } from "zod";
import { Amount, Location } from "./common.js";
import { PointId, RegionId, ServiceId } from "./ids.js";
import { userRecord } from "./user-record.js";

/** A place where services are delivered in person: a window, a one-stop centre, a kiosk, an office. */
export const ServicePoint = userRecord("ServicePoint", "A place where services are delivered in person (window, one_stop_center, kiosk, office); capacity in cases a year", {
  id: PointId,
  name: z.string().min(1),
  regionId: RegionId,
  location: Location.optional(),
  serviceIds: z.array(ServiceId).default([]),
  capacity: Amount.optional(),
  kind: z.string().optional(),
});
export type ServicePoint = z.infer<typeof ServicePoint>;
