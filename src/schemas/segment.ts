import { z } from "zod";
import { userData } from "./common.js";
import { SegmentId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";

/** An audience: citizens, the elderly, businesses, newborn families... */
export const Segment = z
  .strictObject({
    id: SegmentId,
    name: z.string().min(1),
    description: z.string().optional(),
    ...userData,
  })
  .register(govgraphRegistry, {
    id: "govgraph.Segment",
    description: "An audience of public services: citizens, the elderly, businesses, newborn families",
  });
export type Segment = z.infer<typeof Segment>;
