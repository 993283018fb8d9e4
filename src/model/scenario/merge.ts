/**
 * Merging departments
 * ===================
 * The survivor (one of the merged departments, or a new one) takes over their assignments, services,
 * partnerships, evidence and children; their staff and budgets add up unless the new department sets its own.
 */
import type { Assignment } from "../../schemas/assignment.js";
import type { Department } from "../../schemas/department.js";
import type { Service } from "../../schemas/service.js";
import { compareIds } from "../records.js";
import { entry, operationError, type Operation, type ScenarioLogEntry } from "./log.js";
import { moveAssignment, moveService } from "./moves.js";
import { REFS, type Row, type Work } from "./work.js";

type Counts = Record<"assignments" | "joinedAssignments" | "services" | "partnerships" | "evidence" | "children" | "points", number>;

/** Applies a `mergeDepartments` operation. @internal */
export function mergeDepartments(w: Work, op: Operation<"mergeDepartments">, index: number): ScenarioLogEntry {
  const into = typeof op.into === "string" ? undefined : newDepartment(w, op, index);
  const survivorId = into?.id ?? (op.into as string);
  const merged = op.ids.filter((id) => id !== survivorId);
  const staff = sumStaff(op.ids.map((id) => w.readDepartment(id).staff));
  const budgets = op.ids.map((id) => w.readDepartment(id).budget).filter((b): b is number => b !== undefined);
  if (into) w.insert("departments", { ...into });
  const survivor = w.department(survivorId);
  const newParent = survivorParent(w, survivor, merged, op, index);
  const counts: Counts = { assignments: 0, joinedAssignments: 0, services: 0, partnerships: 0, evidence: 0, children: 0, points: 0 };
  const points = new Set<number>();
  for (const m of merged) absorb(w, m, survivorId, counts, points);
  if (survivor.parentId !== newParent) {
    w.moved(REFS.childDepartments, w.find("departments", survivorId)!, newParent === undefined ? [] : [newParent]);
    if (newParent === undefined) delete survivor.parentId;
    else survivor.parentId = newParent as Department["parentId"];
  }
  for (const m of merged) w.delete("departments", w.find("departments", m)!);
  if (into?.staff === undefined && staff) survivor.staff = staff;
  if (into?.budget === undefined && budgets.length > 0) survivor.budget = budgets.reduce((a, b) => a + b, 0);
  counts.points = points.size;
  return entry(index, op, `merged ${merged.map((m) => `"${m}"`).join(", ")} into "${survivorId}"${into ? " (new)" : ""}`, {
    into: survivorId,
    merged: [...merged].sort(compareIds),
    ...counts,
    staff: survivor.staff ?? null,
  });
}

/** The new department `into`, with the region the merged departments share when it gives none. */
function newDepartment(w: Work, op: Operation<"mergeDepartments">, index: number): Department {
  const into = op.into as Exclude<typeof op.into, string>;
  if (into.regionId !== undefined) return into as Department;
  const regions = [...new Set(op.ids.map((id) => w.readDepartment(id).regionId as string))].sort(compareIds);
  if (regions.length > 1) {
    throw operationError(
      index,
      op,
      `gives the new department ${JSON.stringify(into.id)} no "regionId", and the merged departments are in ${regions.length} regions (${regions.map((r) => JSON.stringify(r)).join(", ")})`,
      `Add "regionId" to "into": one of those regions, or the region that holds them`,
    );
  }
  return { ...into, regionId: regions[0]! as Department["regionId"] };
}

/** The survivor's new parent: above the highest absorbed department on its chain, so the tree stays acyclic. */
function survivorParent(w: Work, survivor: Department, merged: readonly string[], op: Operation<"mergeDepartments">, index: number): string | undefined {
  const chain: string[] = [];
  for (let at = survivor.parentId as string | undefined; at !== undefined && !chain.includes(at); at = w.readDepartment(at).parentId) chain.push(at);
  const top = chain.findLastIndex((a) => merged.includes(a));
  if (top >= 0 && typeof op.into !== "string") {
    throw operationError(
      index,
      op,
      `makes new department "${survivor.id}" report to "${survivor.parentId}", which is under "${chain[top]}" that it absorbs`,
      "Choose a parent outside the merged departments' subtrees",
    );
  }
  return top >= 0 ? chain[top + 1] : survivor.parentId;
}

/** Moves everything of the merged department `m` to the survivor, counting what moved. */
function absorb(w: Work, m: string, survivorId: string, counts: Counts, points: Set<number>): void {
  for (const p of w.referrers(REFS.assignmentsOfDepartment, m)) {
    const moved = moveAssignment(w, m, survivorId, w.read<Assignment>("assignments", p).functionId);
    counts[moved === "moved" ? "assignments" : "joinedAssignments"]++;
  }
  for (const p of w.referrers(REFS.servicesOfDepartment, m)) {
    moveService(w, p, survivorId);
    counts.services++;
    for (const q of w.referrers(REFS.pointsWithService, w.read<Service>("services", p).id)) points.add(q);
  }
  for (const p of w.referrers(REFS.servicesWithPartner, m)) {
    const s = w.edit<Service>("services", p);
    const next = [...new Set(s.partnerIds!.map((d) => (d === m ? survivorId : d)))].filter((d) => d !== s.departmentId);
    s.partnerIds = next as Service["partnerIds"];
    w.moved(REFS.servicesWithPartner, p, next);
    counts.partnerships++;
  }
  for (const p of w.referrers(REFS.evidenceOfIssuer, m)) {
    w.edit<Row>("evidence", p).issuerId = survivorId;
    w.moved(REFS.evidenceOfIssuer, p, [survivorId]);
    counts.evidence++;
  }
  for (const p of w.referrers(REFS.childDepartments, m)) {
    const child = w.edit<Department>("departments", p);
    // The survivor itself gets its parent in mergeDepartments.
    if (child.id === survivorId) continue;
    child.parentId = survivorId as Department["parentId"];
    w.moved(REFS.childDepartments, p, [survivorId]);
    counts.children++;
  }
}

/** The staff of several departments added up (each count only where some department records it). */
function sumStaff(list: readonly (Department["staff"] | undefined)[]): Department["staff"] | undefined {
  let actual: number | undefined;
  let authorized: number | undefined;
  for (const s of list) {
    if (s?.actual !== undefined) actual = (actual ?? 0) + s.actual;
    if (s?.authorized !== undefined) authorized = (authorized ?? 0) + s.authorized;
  }
  if (actual === undefined && authorized === undefined) return undefined;
  return { ...(authorized === undefined ? {} : { authorized }), ...(actual === undefined ? {} : { actual }) };
}
