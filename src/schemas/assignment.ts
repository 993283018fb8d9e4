import { z } from "zod";
import { DepartmentId, FunctionId } from "./ids.js";
import { userRecord } from "./user-record.js";

/** Whether a department leads a function or supports the lead. */
export const Role = z.enum(["lead", "support"]);
export type Role = z.infer<typeof Role>;

/** Who holds which function. Unique by (departmentId, functionId). */
export const Assignment = userRecord("Assignment", "A department holding a function, as lead (default) or support; unique by (departmentId, functionId)", {
  departmentId: DepartmentId,
  functionId: FunctionId,
  role: Role.default("lead"),
});
export type Assignment = z.infer<typeof Assignment>;
