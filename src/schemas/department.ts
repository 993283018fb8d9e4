import { z } from "zod";
import { Amount } from "./common.js";
import { DepartmentId, RegionId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";
import { userRecord } from "./user-record.js";

/** Authorized posts and the staff actually in post. */
export const Staff = z
  .strictObject({ authorized: Amount.optional(), actual: Amount.optional() })
  .register(govgraphRegistry, { id: "govgraph.Staff", description: "Authorized posts and staff actually in post" });
export type Staff = z.infer<typeof Staff>;

/** An identifier of the department in another register (org-id / Popolo style). */
export const Identifier = z
  .strictObject({ scheme: z.string().min(1), id: z.string().min(1) })
  .register(govgraphRegistry, {
    id: "govgraph.Identifier",
    description: "An identifier of a record in another register, org-id / Popolo style",
  });
export type Identifier = z.infer<typeof Identifier>;

/** A government body with a jurisdiction; departments form a supervision tree by `parentId`. */
export const Department = userRecord("Department", "A government body with a jurisdiction (regionId); departments form an acyclic supervision tree by parentId", {
  id: DepartmentId,
  name: z.string().min(1),
  regionId: RegionId,
  parentId: DepartmentId.optional(),
  level: z.string().optional(),
  kind: z.string().optional(),
  staff: Staff.optional(),
  budget: Amount.optional(),
  identifiers: z.array(Identifier).optional(),
});
export type Department = z.infer<typeof Department>;
