/**
 * Scenario operations
 * ===================
 * One small function per operation (merging departments has its own file), each changing the working copy and
 * returning its log entry; `OPERATIONS` maps each `op` to its function.
 */
import type { Assignment } from "../../schemas/assignment.js";
import type { ScenarioOperation } from "../../schemas/scenario.js";
import type { Channel, Service } from "../../schemas/service.js";
import { compareIds } from "../records.js";
import { entry, operationError, type Operation, type ScenarioLogEntry } from "./log.js";
import { mergeDepartments } from "./merge.js";
import { moveAssignment, moveService } from "./moves.js";
import { REFS, type Row, type Work } from "./work.js";

type Apply<K extends ScenarioOperation["op"]> = (w: Work, op: Operation<K>, index: number) => ScenarioLogEntry;

const splitDepartment: Apply<"splitDepartment"> = (w, op, index) => {
  const original = w.department(op.id);
  const parts: Record<string, unknown>[] = [];
  const refuse = (what: string, fix: string) => operationError(index, op, what, fix);
  for (const part of op.into) {
    const d = part.department;
    w.insert("departments", { ...d });
    for (const f of part.functionIds) {
      if (w.findAssignment(op.id, f) === undefined) throw refuse(`gives "${d.id}" function "${f}", which "${op.id}" does not hold`, `List only functions of "${op.id}"`);
      moveAssignment(w, op.id, d.id, f);
    }
    for (const s of part.serviceIds) {
      const p = w.find("services", s)!;
      if (w.read<Service>("services", p).departmentId !== op.id) throw refuse(`gives "${d.id}" service "${s}", which "${op.id}" does not provide`, `List only services of "${op.id}"`);
      moveService(w, p, d.id);
    }
    for (const e of part.evidenceIds) {
      const p = w.find("evidence", e)!;
      const ev = w.edit<Row>("evidence", p);
      if (ev.issuerId !== op.id) throw refuse(`gives "${d.id}" evidence type "${e}", which "${op.id}" does not issue`, `List only evidence issued by "${op.id}"`);
      ev.issuerId = d.id;
      w.moved(REFS.evidenceOfIssuer, p, [d.id]);
    }
    if (d.staff && original.staff) {
      const left: Record<string, number> = {};
      if (original.staff.authorized !== undefined) left.authorized = Math.max(0, original.staff.authorized - (d.staff.authorized ?? 0));
      if (original.staff.actual !== undefined) left.actual = Math.max(0, original.staff.actual - (d.staff.actual ?? 0));
      original.staff = left;
    }
    parts.push({ id: d.id, functions: part.functionIds.length, services: part.serviceIds.length, evidence: part.evidenceIds.length });
  }
  return entry(index, op, `split ${op.into.map((p) => `"${p.department.id}"`).join(", ")} off "${op.id}"`, { id: op.id, parts });
};

const transferFunction: Apply<"transferFunction"> = (w, op, index) => {
  const p = w.findAssignment(op.from, op.functionId);
  if (p === undefined) {
    throw operationError(index, op, `transfers "${op.functionId}" from "${op.from}", which does not hold it`, `Name a department that holds the function as "from"`);
  }
  const role = w.read<Assignment>("assignments", p).role;
  const result = moveAssignment(w, op.from, op.to, op.functionId);
  let services = 0;
  if (op.services) {
    for (const q of w.referrers(REFS.servicesOfDepartment, op.from)) {
      if (!w.read<Service>("services", q).functionIds.includes(op.functionId as Service["functionIds"][number])) continue;
      moveService(w, q, op.to);
      services++;
    }
  }
  const details = { functionId: op.functionId, from: op.from, to: op.to, role, joined: result === "joined", services };
  return entry(index, op, `transferred "${op.functionId}" from "${op.from}" to "${op.to}"`, details);
};

const removeFunction: Apply<"removeFunction"> = (w, op, index) => {
  const assignments = w.referrers(REFS.assignmentsOfFunction, op.functionId);
  for (const p of assignments) w.delete("assignments", p);
  const services = w.referrers(REFS.servicesWithFunction, op.functionId);
  for (const p of services) {
    const s = w.edit<Service>("services", p);
    s.functionIds = s.functionIds.filter((f) => f !== op.functionId);
  }
  w.delete("functions", w.find("functions", op.functionId)!);
  return entry(index, op, `removed function "${op.functionId}"`, { functionId: op.functionId, assignments: assignments.length, services: services.length });
};

const addService: Apply<"addService"> = (w, op, index) => {
  w.insert("services", { ...op.service });
  return entry(index, op, `added service "${op.service.id}"`, { serviceId: op.service.id, departmentId: op.service.departmentId });
};

const service = (w: Work, id: string) => w.edit<Service>("services", w.find("services", id)!);

const retireService: Apply<"retireService"> = (w, op, index) => {
  const s = service(w, op.serviceId);
  const before = s.status ?? "active";
  s.status = "retired";
  return entry(index, op, `retired service "${op.serviceId}"`, { serviceId: op.serviceId, status: before });
};

const addChannel: Apply<"addChannel"> = (w, op, index) => {
  const s = service(w, op.serviceId);
  const k = s.channels.findIndex((c) => c.kind === op.channel.kind);
  s.channels = k >= 0 ? s.channels.map((c, j) => (j === k ? { ...op.channel } : c)) : [...s.channels, { ...op.channel }];
  const summary = `${k >= 0 ? "replaced" : "added"} the ${op.channel.kind} channel of "${op.serviceId}"`;
  return entry(index, op, summary, { serviceId: op.serviceId, kind: op.channel.kind, replaced: k >= 0 });
};

const digitizeService: Apply<"digitizeService"> = (w, op, index) => {
  const s = service(w, op.serviceId);
  const online = s.channels.find((c) => c.kind === "online");
  const already = online?.endToEnd === true && online.visits === 0;
  if (online && !already) s.channels = s.channels.map((c) => (c === online ? { ...c, endToEnd: true, visits: 0 } : c));
  else if (!online) s.channels = [...s.channels, { kind: "online", endToEnd: true, visits: 0 } as Channel];
  const channel = online ? (already ? "unchanged" : "upgraded") : "added";
  return entry(index, op, `made "${op.serviceId}" available online end to end`, { serviceId: op.serviceId, channel });
};

const reuseEvidence: Apply<"reuseEvidence"> = (w, op, index) => {
  const asked = (e: { evidenceId: string; source: string }) => e.evidenceId === op.evidenceId && e.source === "citizen";
  let requests = 0;
  const services: string[] = [];
  for (const p of w.referrers(REFS.servicesAskingEvidence, op.evidenceId)) {
    const count = w.read<Service>("services", p).evidence!.filter(asked).length;
    if (count === 0) continue;
    const s = w.edit<Service>("services", p);
    s.evidence = s.evidence!.map((e) => (asked(e) ? { ...e, source: "reused" as const } : e));
    requests += count;
    services.push(s.id);
  }
  const issuerId = (w.read<Row>("evidence", w.find("evidence", op.evidenceId)!).issuerId as string | undefined) ?? null;
  const details = { evidenceId: op.evidenceId, requests, services: services.sort(compareIds), issuerId };
  return entry(index, op, `made "${op.evidenceId}" reusable in ${services.length} service(s)`, details);
};

const closeServicePoint: Apply<"closeServicePoint"> = (w, op, index) => {
  const travelCosts = w.referrers(REFS.travelCostsOfPoint, op.pointId);
  for (const p of travelCosts) w.delete("travelCosts", p);
  const p = w.find("servicePoints", op.pointId)!;
  const services = w.read<Row>("servicePoints", p).serviceIds as string[];
  w.delete("servicePoints", p);
  return entry(index, op, `closed service point "${op.pointId}"`, { pointId: op.pointId, services: services.length, travelCosts: travelCosts.length });
};

const setStaff: Apply<"setStaff"> = (w, op, index) => {
  const d = w.department(op.departmentId);
  const before = d.staff ? { ...d.staff } : null;
  const staff: Record<string, number> = { ...d.staff };
  if (op.authorized !== undefined) staff.authorized = op.authorized;
  if (op.actual !== undefined) staff.actual = op.actual;
  d.staff = staff;
  return entry(index, op, `set the staff of "${op.departmentId}"`, { departmentId: op.departmentId, before, after: staff });
};

/** The function of each operation. @internal */
export const OPERATIONS: { [K in ScenarioOperation["op"]]: Apply<K> } = {
  mergeDepartments,
  splitDepartment,
  transferFunction,
  removeFunction,
  addService,
  retireService,
  addChannel,
  digitizeService,
  reuseEvidence,
  closeServicePoint,
  setStaff,
};

/** Applies one operation to the working copy. @internal */
export function applyOperation(w: Work, op: ScenarioOperation, index: number): ScenarioLogEntry {
  return (OPERATIONS[op.op] as Apply<ScenarioOperation["op"]>)(w, op, index);
}
