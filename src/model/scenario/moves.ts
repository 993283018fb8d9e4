/**
 * Moving work between departments
 * ===============================
 * The two moves merges, splits and transfers share: a service changing department, and an assignment changing
 * holder. Both keep the working copy's reverse indexes up to date.
 */
import type { Assignment } from "../../schemas/assignment.js";
import type { Service } from "../../schemas/service.js";
import { REFS, type Work } from "./work.js";

/**
 * Makes `to` responsible for the service at `p`. A service that relied on the old department's jurisdiction keeps
 * its area (as explicit `regionIds`) when the new department's jurisdiction differs. @internal
 */
export function moveService(w: Work, p: number, to: string): void {
  const s = w.edit<Service>("services", p);
  const from = s.departmentId;
  const regionOf = (id: string) => w.readDepartment(id).regionId;
  if (s.regionIds === undefined && regionOf(from) !== regionOf(to)) s.regionIds = [regionOf(from)] as Service["regionIds"];
  s.departmentId = to as Service["departmentId"];
  if (s.partnerIds?.includes(to as Service["departmentId"])) {
    s.partnerIds = s.partnerIds.filter((d) => d !== to);
    w.moved(REFS.servicesWithPartner, p, s.partnerIds);
  }
  w.moved(REFS.servicesOfDepartment, p, [to]);
}

/** Gives `to` the function `from` held (keeping the stronger role), and drops `from`'s assignment. @internal */
export function moveAssignment(w: Work, from: string, to: string, functionId: string): "moved" | "joined" {
  const p = w.findAssignment(from, functionId)!;
  const a = w.read<Assignment>("assignments", p);
  const q = w.findAssignment(to, functionId);
  w.delete("assignments", p);
  if (q !== undefined) {
    if (a.role === "lead" && w.read<Assignment>("assignments", q).role !== "lead") w.edit<Assignment>("assignments", q).role = "lead";
    return "joined";
  }
  w.insert("assignments", { ...a, departmentId: to });
  return "moved";
}
