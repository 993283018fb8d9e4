import { z } from "zod";
import { userData } from "./common.js";
import { DepartmentId, FunctionId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";

/** Whether a department leads a function or supports the lead. */
export const Role = z.enum(["lead", "support"]);
export type Role = z.infer<typeof Role>;

/** Who holds which function. Unique by (departmentId, functionId). */
export const Assignment = z
  .strictObject({
    departmentId: DepartmentId,
    functionId: FunctionId,
    role: Role.default("lead"),
    ...userData,
  })
  .register(govgraphRegistry, {
    id: "govgraph.Assignment",
    description: "A department holding a function, as lead (default) or support; unique by (departmentId, functionId)",
  });
export type Assignment = z.infer<typeof Assignment>;
