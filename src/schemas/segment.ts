import { z } from "zod";
import { SegmentId } from "./ids.js";
import { userRecord } from "./user-record.js";

/** An audience: citizens, the elderly, businesses, newborn families... */
export const Segment = userRecord("Segment", "An audience of public services: citizens, the elderly, businesses, newborn families", {
  id: SegmentId,
  name: z.string().min(1),
  description: z.string().optional(),
});
export type Segment = z.infer<typeof Segment>;
