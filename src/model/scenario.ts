/**
 * Scenarios
 * =========
 * "What if" changes to a government, applied in order as one immer transaction with patches, so that every
 * scenario can be undone exactly (the inverse patches) and compared with its starting point (`compareModels`).
 * Targets are found through id -> position maps of the base model and small reverse indexes kept up to date as
 * the operations run, never by scanning drafts; collections that gain or lose records are rebuilt once, at the end.
 */
import type { Patch } from "immer";
import { GovGraphError, toPointer, type Issue } from "../errors.js";
import type { Assignment } from "../schemas/assignment.js";
import type { Department } from "../schemas/department.js";
import type { CollectionName, Model } from "../schemas/model.js";
import { Scenario, type ScenarioOperation } from "../schemas/scenario.js";
import type { Channel, Service } from "../schemas/service.js";
import { compareIds } from "./canonical.js";
import { _produceWithPatches } from "./edit.js";
import { deepFreeze } from "./freeze.js";
import { forEachReference, RECORD_NAMES, recordLabel, REFERENCE_FIELDS, referencePath } from "./references.js";

/** What one operation did. */
export interface ScenarioLogEntry {
  /** The operation's position in the scenario. */
  index: number;
  op: ScenarioOperation["op"];
  /** One sentence. */
  summary: string;
  /** Counts and ids of what moved, as plain JSON. */
  details: Record<string, unknown>;
}

/** The outcome of {@link applyScenario}. */
export interface ScenarioResult {
  /** The changed model (frozen, canonical order). */
  model: Model;
  log: ScenarioLogEntry[];
  /** immer patches from the input to `model`. */
  patches: Patch[];
  /** immer patches from `model` back to the input: `applyPatches(result.model, result.inversePatches)` is the input. */
  inversePatches: Patch[];
}

type Draftable = "departments" | "functions" | "services" | "evidence" | "servicePoints" | "assignments" | "travelCosts";
type Row = Record<string, unknown>;

const fail = (index: number, op: string, what: string, fix: string, issues: Issue[] = []): GovGraphError =>
  new GovGraphError("invalid_operation", `applyScenario: operation ${index} (${op}) ${what}. ${fix}.`, { path: [index], issues });

const assignmentKey = (departmentId: string, functionId: string) => departmentId + "\u0000" + functionId;

/** Parses the operations, collecting every schema problem with the operation's index in its path. */
function parseOperations(operations: unknown): ScenarioOperation[] {
  const parsed = Scenario.safeParse(operations);
  if (parsed.success) return parsed.data;
  const issues: Issue[] = parsed.error.issues.map((i) => {
    const path = i.path.map((k) => (typeof k === "symbol" ? String(k) : k));
    return { code: i.code, path, pointer: toPointer(path), message: i.message, severity: "error" };
  });
  const first = issues[0]!;
  const index = typeof first.path[0] === "number" ? first.path[0] : -1;
  const op = index >= 0 ? String((operations as { op?: unknown }[])[index]?.op ?? "?") : "scenario";
  throw new GovGraphError(
    "invalid_operation",
    `applyScenario: ${index >= 0 ? `operation ${index} (${op})` : "the scenario"} is malformed at ${first.pointer || "/"}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : ""}. Fix the operation as schemas/scenario.json describes.`,
    { path: first.path, issues },
  );
}

/**
 * Checks every id the operations name against the model as it will be when each runs (ids added and removed by
 * earlier operations included), collecting every unknown or clashing id before anything is applied.
 */
function checkIds(model: Model, ops: readonly ScenarioOperation[]): void {
  const base: Record<string, Set<string>> = {};
  const have = (c: CollectionName): Set<string> => (base[c] ??= new Set((model[c] as { id?: string }[]).map((r) => r.id!)));
  const added = new Map<string, Set<string>>();
  const removed = new Map<string, Set<string>>();
  const exists = (c: CollectionName, id: string) =>
    (have(c).has(id) && !removed.get(c)?.has(id)) || (added.get(c)?.has(id) ?? false);
  const add = (c: CollectionName, id: string) => {
    removed.get(c)?.delete(id);
    added.get(c)?.add(id) ?? added.set(c, new Set([id]));
  };
  const remove = (c: CollectionName, id: string) => {
    added.get(c)?.delete(id);
    removed.get(c)?.add(id) ?? removed.set(c, new Set([id]));
  };
  const issues: Issue[] = [];
  const problem = (path: (string | number)[], message: string) =>
    issues.push({ code: "invalid_operation", path, pointer: toPointer(path), message, severity: "error" });
  const known = (index: number, field: (string | number)[], c: CollectionName, id: string | undefined, what: string) => {
    if (id !== undefined && !exists(c, id)) problem([index, ...field], `operation ${index} (${ops[index]!.op}) names unknown ${what} "${id}"`);
  };
  const fresh = (index: number, field: (string | number)[], c: CollectionName, id: string, what: string) => {
    if (exists(c, id)) problem([index, ...field], `operation ${index} (${ops[index]!.op}) adds ${what} "${id}", which already exists`);
  };
  const department = (index: number, field: (string | number)[], d: Department, merged: readonly string[] = []) => {
    fresh(index, [...field, "id"], "departments", d.id, "department");
    known(index, [...field, "regionId"], "regions", d.regionId, "region");
    known(index, [...field, "parentId"], "departments", d.parentId, "department");
    if (d.parentId !== undefined && merged.includes(d.parentId)) {
      problem([index, ...field, "parentId"], `operation ${index} (${ops[index]!.op}) makes "${d.id}" report to "${d.parentId}", which it absorbs`);
    }
  };

  ops.forEach((op, i) => {
    switch (op.op) {
      case "mergeDepartments": {
        op.ids.forEach((id, k) => known(i, ["ids", k], "departments", id, "department"));
        if (new Set(op.ids).size !== op.ids.length) problem([i, "ids"], `operation ${i} (mergeDepartments) lists a department twice`);
        if (typeof op.into === "string") {
          if (!op.ids.includes(op.into)) problem([i, "into"], `operation ${i} (mergeDepartments) merges into "${op.into}", which is not among its ids`);
        } else department(i, ["into"], op.into, op.ids);
        const survivor = typeof op.into === "string" ? op.into : op.into.id;
        for (const id of op.ids) if (id !== survivor) remove("departments", id);
        add("departments", survivor);
        break;
      }
      case "splitDepartment": {
        known(i, ["id"], "departments", op.id, "department");
        op.into.forEach((part, k) => {
          department(i, ["into", k, "department"], part.department);
          add("departments", part.department.id);
          part.functionIds.forEach((id, j) => known(i, ["into", k, "functionIds", j], "functions", id, "function"));
          part.serviceIds.forEach((id, j) => known(i, ["into", k, "serviceIds", j], "services", id, "service"));
          part.evidenceIds.forEach((id, j) => known(i, ["into", k, "evidenceIds", j], "evidence", id, "evidence type"));
        });
        break;
      }
      case "transferFunction":
        known(i, ["functionId"], "functions", op.functionId, "function");
        known(i, ["from"], "departments", op.from, "department");
        known(i, ["to"], "departments", op.to, "department");
        if (op.from === op.to) problem([i, "to"], `operation ${i} (transferFunction) transfers "${op.functionId}" from "${op.from}" to itself`);
        break;
      case "removeFunction":
        known(i, ["functionId"], "functions", op.functionId, "function");
        remove("functions", op.functionId);
        break;
      case "addService": {
        const s = op.service;
        fresh(i, ["service", "id"], "services", s.id, "service");
        known(i, ["service", "departmentId"], "departments", s.departmentId, "department");
        s.partnerIds?.forEach((id, k) => known(i, ["service", "partnerIds", k], "departments", id, "department"));
        s.functionIds.forEach((id, k) => known(i, ["service", "functionIds", k], "functions", id, "function"));
        s.needIds.forEach((id, k) => known(i, ["service", "needIds", k], "needs", id, "need"));
        s.segmentIds.forEach((id, k) => known(i, ["service", "segmentIds", k], "segments", id, "segment"));
        s.regionIds?.forEach((id, k) => known(i, ["service", "regionIds", k], "regions", id, "region"));
        s.evidence?.forEach((e, k) => known(i, ["service", "evidence", k, "evidenceId"], "evidence", e.evidenceId, "evidence type"));
        add("services", s.id);
        break;
      }
      case "retireService":
      case "addChannel":
      case "digitizeService":
        known(i, ["serviceId"], "services", op.serviceId, "service");
        break;
      case "reuseEvidence":
        known(i, ["evidenceId"], "evidence", op.evidenceId, "evidence type");
        break;
      case "closeServicePoint":
        known(i, ["pointId"], "servicePoints", op.pointId, "service point");
        remove("servicePoints", op.pointId);
        break;
      case "setStaff":
        known(i, ["departmentId"], "departments", op.departmentId, "department");
        if (op.actual === undefined && op.authorized === undefined) problem([i], `operation ${i} (setStaff) sets neither "actual" nor "authorized"`);
        break;
    }
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new GovGraphError(
      "invalid_operation",
      `applyScenario: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : ""}. Check the ids against the model; nothing was applied.`,
      { path: first.path, issues },
    );
  }
}

/** A record the scenario added (no base) or edited (a copy of its base record). */
interface Changed {
  record: Row;
  base?: Row;
}

/** Calls `visit` with each id a record names in `field` (a string or list of ids, or `evidence`). */
function visitRefs(field: string, record: Row, visit: (id: string) => void): void {
  const value = record[field];
  if (field === "evidence") {
    if (Array.isArray(value)) for (const e of value as { evidenceId: string }[]) visit(e.evidenceId);
  } else if (typeof value === "string") visit(value);
  else if (Array.isArray(value)) for (const id of value as string[]) visit(id);
}

function refersTo(field: string, record: Row, id: string): boolean {
  let found = false;
  visitRefs(field, record, (x) => {
    if (x === id) found = true;
  });
  return found;
}

/**
 * The working state of one scenario: the draft, id -> position maps of the base model (records added later get
 * positions after the base), removed positions, and reverse indexes built on first use. A reverse index lists
 * candidate positions per id: moves append, and stale entries (removed, or no longer referring) are dropped when
 * the index is read, so updates never search.
 */
class Work {
  readonly positions = new Map<Draftable, Map<string, number>>();
  readonly added = new Map<Draftable, Row[]>();
  readonly removed = new Map<Draftable, Set<number>>();
  /** Edited base records: plain shallow copies, written into the draft arrays (no per-record immer proxy). */
  private readonly copies = new Map<Draftable, Map<number, Row>>();
  private readonly reverse = new Map<string, Map<string, number[]>>();

  constructor(
    readonly base: Model,
    readonly draft: Model,
  ) {}

  private baseRows(c: Draftable): readonly Row[] {
    return this.base[c] as unknown as readonly Row[];
  }

  key(c: Draftable, r: Row): string {
    if (c === "assignments") return assignmentKey(r.departmentId as string, r.functionId as string);
    if (c === "travelCosts") return assignmentKey(r.regionId as string, r.pointId as string);
    return r.id as string;
  }

  /** Canonical order of two records of `c`, without building keys. */
  order(c: Draftable, a: Row, b: Row): number {
    if (c === "assignments") {
      return compareIds(a.departmentId as string, b.departmentId as string) || compareIds(a.functionId as string, b.functionId as string);
    }
    if (c === "travelCosts") return compareIds(a.regionId as string, b.regionId as string) || compareIds(a.pointId as string, b.pointId as string);
    return compareIds(a.id as string, b.id as string);
  }

  /** Position of the live assignment of `functionId` to `departmentId`, through the department's assignments. */
  private findAssignment(departmentId: string, functionId: string): number | undefined {
    for (const p of this.referrers("assignments", "departmentId", departmentId)) {
      if (this.read<Row>("assignments", p).functionId === functionId) return p;
    }
    return undefined;
  }

  /** Position of a live record, or undefined (assignments by `assignmentKey`). */
  find(c: Draftable, id: string): number | undefined {
    if (c === "assignments") {
      const cut = id.indexOf("\u0000");
      return this.findAssignment(id.slice(0, cut), id.slice(cut + 1));
    }
    let map = this.positions.get(c);
    if (!map) {
      map = new Map();
      const rows = this.baseRows(c);
      for (let i = 0; i < rows.length; i++) map.set(this.key(c, rows[i]!), i);
      this.positions.set(c, map);
    }
    const p = map.get(id);
    return p === undefined || this.removed.get(c)?.has(p) ? undefined : p;
  }

  /** The record at a position as it stands now, for reading only. */
  read<T = Row>(c: Draftable, p: number): T {
    const n = this.base[c].length;
    if (p >= n) return this.added.get(c)![p - n] as T;
    return (this.copies.get(c)?.get(p) ?? this.baseRows(c)[p]) as T;
  }

  /**
   * The record at a position, for editing: a shallow copy of the base record, made once and put in the draft array.
   * Its top-level fields may be assigned; nested arrays and objects are shared with the base and must be replaced,
   * never mutated.
   */
  edit<T = Row>(c: Draftable, p: number): T {
    const n = this.base[c].length;
    if (p >= n) return this.added.get(c)![p - n] as T;
    let copies = this.copies.get(c);
    if (!copies) this.copies.set(c, (copies = new Map()));
    let r = copies.get(p);
    if (!r) copies.set(p, (r = { ...this.baseRows(c)[p]! }));
    return r as T;
  }

  /** Adds a record; returns its position. */
  insert(c: Draftable, record: Row): number {
    if (c !== "assignments") this.find(c, "");
    const list = this.added.get(c) ?? (this.added.set(c, []), this.added.get(c)!);
    const p = this.base[c].length + list.length;
    list.push(record);
    this.positions.get(c)?.set(this.key(c, record), p);
    for (const [name, index] of this.reverse) {
      if (name.startsWith(c + ".")) visitRefs(name.slice(c.length + 1), record, (id) => this.note(index, id, p));
    }
    return p;
  }

  /** Removes a record by position. */
  delete(c: Draftable, p: number): void {
    const set = this.removed.get(c) ?? (this.removed.set(c, new Set()), this.removed.get(c)!);
    set.add(p);
  }

  private note(index: Map<string, number[]>, id: string, p: number): void {
    const list = index.get(id);
    if (list) list.push(p);
    else index.set(id, [p]);
  }

  private byDepartment: boolean | undefined;

  /** Live positions of a department's assignments: a range of the base (sorted by department), then added ones. */
  private departmentAssignments(departmentId: string): number[] {
    const rows = this.baseRows("assignments");
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIds(rows[mid]!.departmentId as string, departmentId) < 0) lo = mid + 1;
      else hi = mid;
    }
    const removed = this.removed.get("assignments");
    const out: number[] = [];
    for (let p = lo; p < rows.length && rows[p]!.departmentId === departmentId; p++) if (!removed?.has(p)) out.push(p);
    (this.added.get("assignments") ?? []).forEach((r, k) => {
      if (r.departmentId === departmentId && !removed?.has(rows.length + k)) out.push(rows.length + k);
    });
    return out;
  }

  /** Live positions, ascending, of the records of `c` whose `field` names `id` (a string or list of ids, or `evidence`). */
  referrers(c: Draftable, field: string, id: string): number[] {
    if (c === "assignments" && field === "departmentId") {
      // Assignments are never re-keyed in place, and a canonical model keeps them sorted by department.
      if (this.byDepartment === undefined) {
        const rows = this.baseRows(c);
        this.byDepartment = true;
        for (let p = 1; p < rows.length && this.byDepartment; p++) {
          if (compareIds(rows[p - 1]!.departmentId as string, rows[p]!.departmentId as string) > 0) this.byDepartment = false;
        }
      }
      if (this.byDepartment) return this.departmentAssignments(id);
    }
    const name = `${c}.${field}`;
    let index = this.reverse.get(name);
    if (!index) {
      const built = new Map<string, number[]>();
      const rows = this.baseRows(c);
      for (let p = 0; p < rows.length; p++) visitRefs(field, this.read<Row>(c, p), (x) => this.note(built, x, p));
      (this.added.get(c) ?? []).forEach((r, k) => visitRefs(field, r, (x) => this.note(built, x, rows.length + k)));
      this.reverse.set(name, (index = built));
    }
    const list = index.get(id);
    if (!list) return [];
    list.sort((a, b) => a - b);
    const removed = this.removed.get(c);
    const live: number[] = [];
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      if ((k > 0 && p === list[k - 1]) || removed?.has(p) || !refersTo(field, this.read(c, p), id)) continue;
      live.push(p);
    }
    index.set(id, live);
    return [...live];
  }

  /** Records that a reference field of a record now names `to` ids (entries for ids it no longer names go stale). */
  moved(c: Draftable, field: string, p: number, _from: readonly string[], to: readonly string[]): void {
    const index = this.reverse.get(`${c}.${field}`);
    if (index) for (const id of to) this.note(index, id, p);
  }

  /** The records the scenario edited or added and kept, per collection. */
  changed(): Map<Draftable, Changed[]> {
    const out = new Map<Draftable, Changed[]>();
    for (const c of new Set<Draftable>([...this.copies.keys(), ...this.added.keys()])) {
      const n = this.base[c].length;
      const removed = this.removed.get(c);
      const list: Changed[] = [];
      for (const [p, record] of this.copies.get(c) ?? []) if (!removed?.has(p)) list.push({ record, base: this.baseRows(c)[p] });
      (this.added.get(c) ?? []).forEach((record, k) => {
        if (!removed?.has(n + k)) list.push({ record });
      });
      out.set(c, list);
    }
    return out;
  }

  /**
   * Writes the changes into the draft, frozen so that immer need not walk them: edited records in place (one patch
   * each) when a collection kept its records, else the whole collection rebuilt in canonical order (kept and added
   * records merged, one patch).
   */
  finish(): void {
    for (const c of new Set<Draftable>([...this.copies.keys(), ...this.removed.keys(), ...this.added.keys()])) {
      const copies = this.copies.get(c) ?? new Map<number, Row>();
      const rows = this.baseRows(c);
      for (const [p, r] of copies) {
        // Fields still shared with the base record are frozen already.
        Object.freeze(r);
        for (const key in r) {
          const v = r[key];
          if (v !== rows[p]![key] && typeof v === "object" && v !== null && !Object.isFrozen(v)) deepFreeze(v);
        }
      }
      const removed = this.removed.get(c);
      const added = (this.added.get(c) ?? []).filter((_, k) => !removed?.has(this.base[c].length + k));
      if (!removed?.size && added.length === 0) {
        const target = this.draft[c] as unknown as Row[];
        for (const [p, r] of [...copies].sort((a, b) => a[0] - b[0])) target[p] = r;
        continue;
      }
      const n = this.base[c].length;
      const kept: Row[] = [];
      for (let p = 0; p < n; p++) if (!removed?.has(p)) kept.push(this.read(c, p));
      for (const r of added) deepFreeze(r);
      added.sort((a, b) => this.order(c, a, b));
      const next: Row[] = [];
      let i = 0;
      for (const r of added) {
        while (i < kept.length && this.order(c, kept[i]!, r) < 0) next.push(kept[i++]!);
        next.push(r);
      }
      while (i < kept.length) next.push(kept[i++]!);
      (this.draft as unknown as Record<string, Row[]>)[c] = Object.freeze(next) as Row[];
    }
  }
}

/** The department a merge or split makes responsible: services that relied on the old jurisdiction keep their area. */
function moveService(w: Work, p: number, to: string, regionOf: (id: string) => string): void {
  const s = w.edit<Service>("services", p);
  const from = s.departmentId;
  if (s.regionIds === undefined && regionOf(from) !== regionOf(to)) s.regionIds = [regionOf(from)] as Service["regionIds"];
  s.departmentId = to as Service["departmentId"];
  if (s.partnerIds?.includes(to as Service["departmentId"])) {
    const before = [...s.partnerIds];
    s.partnerIds = s.partnerIds.filter((d) => d !== to);
    w.moved("services", "partnerIds", p, before, s.partnerIds);
  }
  w.moved("services", "departmentId", p, [from], [to]);
}

/** Gives `to` the function `from` held (keeping the stronger role), and drops `from`'s assignment. */
function moveAssignment(w: Work, from: string, to: string, functionId: string): "moved" | "joined" {
  const p = w.find("assignments", assignmentKey(from, functionId))!;
  const a = w.read<Assignment>("assignments", p);
  const q = w.find("assignments", assignmentKey(to, functionId));
  w.delete("assignments", p);
  if (q !== undefined) {
    if (a.role === "lead" && w.read<Assignment>("assignments", q).role !== "lead") w.edit<Assignment>("assignments", q).role = "lead";
    return "joined";
  }
  w.insert("assignments", { ...a, departmentId: to });
  return "moved";
}

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

function apply(w: Work, op: ScenarioOperation, index: number): ScenarioLogEntry {
  const dept = (id: string) => w.edit<Department>("departments", w.find("departments", id)!);
  const look = (id: string) => w.read<Department>("departments", w.find("departments", id)!);
  const regionOf = (id: string) => look(id).regionId;
  const log = (summary: string, details: Record<string, unknown>): ScenarioLogEntry => ({ index, op: op.op, summary, details });

  switch (op.op) {
    case "mergeDepartments": {
      const survivorId = typeof op.into === "string" ? op.into : op.into.id;
      const merged = op.ids.filter((id) => id !== survivorId);
      const staffBefore = sumStaff(op.ids.map((id) => look(id).staff));
      const budgets = op.ids.map((id) => look(id).budget).filter((b): b is number => b !== undefined);
      if (typeof op.into !== "string") w.insert("departments", { ...op.into });
      const survivor = dept(survivorId);
      // The survivor's new parent: above the highest absorbed department on its chain, so the tree stays acyclic.
      const chain: string[] = [];
      for (let at = survivor.parentId as string | undefined; at !== undefined && !chain.includes(at); at = look(at).parentId) chain.push(at);
      const top = chain.findLastIndex((a) => (merged as string[]).includes(a));
      if (top >= 0 && typeof op.into !== "string") {
        throw fail(index, op.op, `makes new department "${survivorId}" report to "${survivor.parentId}", which is under "${chain[top]}" that it absorbs`, "Choose a parent outside the merged departments' subtrees");
      }
      const newParent = top >= 0 ? chain[top + 1] : survivor.parentId;
      const counts = { assignments: 0, joinedAssignments: 0, services: 0, partnerships: 0, evidence: 0, children: 0, points: 0 };
      const pointSet = new Set<number>();
      for (const m of merged) {
        for (const p of w.referrers("assignments", "departmentId", m)) {
          const r = moveAssignment(w, m, survivorId, w.read<Assignment>("assignments", p).functionId);
          if (r === "moved") counts.assignments++;
          else counts.joinedAssignments++;
        }
        for (const p of w.referrers("services", "departmentId", m)) {
          moveService(w, p, survivorId, regionOf);
          counts.services++;
          for (const q of w.referrers("servicePoints", "serviceIds", w.read<Service>("services", p).id)) pointSet.add(q);
        }
        for (const p of w.referrers("services", "partnerIds", m)) {
          const s = w.edit<Service>("services", p);
          const before = [...s.partnerIds!];
          const next = [...new Set(before.map((d) => (d === m ? survivorId : d)))].filter((d) => d !== s.departmentId);
          s.partnerIds = next as Service["partnerIds"];
          w.moved("services", "partnerIds", p, before, next);
          counts.partnerships++;
        }
        for (const p of w.referrers("evidence", "issuerId", m)) {
          w.edit<Row>("evidence", p).issuerId = survivorId;
          w.moved("evidence", "issuerId", p, [m], [survivorId]);
          counts.evidence++;
        }
        for (const p of w.referrers("departments", "parentId", m)) {
          const child = w.edit<Department>("departments", p);
          // The survivor itself gets its parent below.
          if (child.id === survivorId) continue;
          child.parentId = survivorId as Department["parentId"];
          w.moved("departments", "parentId", p, [m], [survivorId]);
          counts.children++;
        }
      }
      if (survivor.parentId !== newParent) {
        const sp = w.find("departments", survivorId)!;
        w.moved("departments", "parentId", sp, survivor.parentId === undefined ? [] : [survivor.parentId], newParent === undefined ? [] : [newParent]);
        if (newParent === undefined) delete survivor.parentId;
        else survivor.parentId = newParent as Department["parentId"];
      }
      for (const m of merged) w.delete("departments", w.find("departments", m)!);
      if (typeof op.into === "string" || op.into.staff === undefined) {
        if (staffBefore) survivor.staff = staffBefore;
      }
      if ((typeof op.into === "string" || op.into.budget === undefined) && budgets.length > 0) survivor.budget = budgets.reduce((a, b) => a + b, 0);
      counts.points = pointSet.size;
      return log(`merged ${merged.map((m) => `"${m}"`).join(", ")} into "${survivorId}"${typeof op.into === "string" ? "" : " (new)"}`, {
        into: survivorId,
        merged: [...merged].sort(compareIds),
        ...counts,
        staff: survivor.staff ?? null,
      });
    }
    case "splitDepartment": {
      const original = dept(op.id);
      const parts: Record<string, unknown>[] = [];
      for (const part of op.into) {
        const d = part.department;
        w.insert("departments", { ...d });
        for (const f of part.functionIds) {
          if (w.find("assignments", assignmentKey(op.id, f)) === undefined) {
            throw fail(index, op.op, `gives "${d.id}" function "${f}", which "${op.id}" does not hold`, `List only functions of "${op.id}"`);
          }
          moveAssignment(w, op.id, d.id, f);
        }
        for (const s of part.serviceIds) {
          const p = w.find("services", s)!;
          if (w.read<Service>("services", p).departmentId !== op.id) {
            throw fail(index, op.op, `gives "${d.id}" service "${s}", which "${op.id}" does not provide`, `List only services of "${op.id}"`);
          }
          moveService(w, p, d.id, regionOf);
        }
        for (const e of part.evidenceIds) {
          const p = w.find("evidence", e)!;
          const ev = w.edit<Row>("evidence", p);
          if (ev.issuerId !== op.id) {
            throw fail(index, op.op, `gives "${d.id}" evidence type "${e}", which "${op.id}" does not issue`, `List only evidence issued by "${op.id}"`);
          }
          ev.issuerId = d.id;
          w.moved("evidence", "issuerId", p, [op.id], [d.id]);
        }
        if (d.staff && original.staff) {
          const left: Record<string, number> = {};
          if (original.staff.authorized !== undefined) left.authorized = Math.max(0, original.staff.authorized - (d.staff.authorized ?? 0));
          if (original.staff.actual !== undefined) left.actual = Math.max(0, original.staff.actual - (d.staff.actual ?? 0));
          original.staff = left;
        }
        parts.push({ id: d.id, functions: part.functionIds.length, services: part.serviceIds.length, evidence: part.evidenceIds.length });
      }
      return log(`split ${op.into.map((p) => `"${p.department.id}"`).join(", ")} off "${op.id}"`, { id: op.id, parts });
    }
    case "transferFunction": {
      const p = w.find("assignments", assignmentKey(op.from, op.functionId));
      if (p === undefined) {
        throw fail(index, op.op, `transfers "${op.functionId}" from "${op.from}", which does not hold it`, `Name a department that holds the function as "from"`);
      }
      const role = w.read<Assignment>("assignments", p).role;
      const result = moveAssignment(w, op.from, op.to, op.functionId);
      let services = 0;
      if (op.services) {
        for (const q of w.referrers("services", "departmentId", op.from)) {
          if (!w.read<Service>("services", q).functionIds.includes(op.functionId as Service["functionIds"][number])) continue;
          moveService(w, q, op.to, regionOf);
          services++;
        }
      }
      return log(`transferred "${op.functionId}" from "${op.from}" to "${op.to}"`, { functionId: op.functionId, from: op.from, to: op.to, role, joined: result === "joined", services });
    }
    case "removeFunction": {
      let assignments = 0;
      for (const p of w.referrers("assignments", "functionId", op.functionId)) {
        w.delete("assignments", p);
        assignments++;
      }
      const services = w.referrers("services", "functionIds", op.functionId);
      for (const p of services) {
        const s = w.edit<Service>("services", p);
        s.functionIds = s.functionIds.filter((f) => f !== op.functionId);
        w.moved("services", "functionIds", p, [op.functionId], []);
      }
      w.delete("functions", w.find("functions", op.functionId)!);
      return log(`removed function "${op.functionId}"`, { functionId: op.functionId, assignments, services: services.length });
    }
    case "addService":
      w.insert("services", { ...op.service });
      return log(`added service "${op.service.id}"`, { serviceId: op.service.id, departmentId: op.service.departmentId });
    case "retireService": {
      const s = w.edit<Service>("services", w.find("services", op.serviceId)!);
      const before = s.status ?? "active";
      s.status = "retired";
      return log(`retired service "${op.serviceId}"`, { serviceId: op.serviceId, status: before });
    }
    case "addChannel": {
      const s = w.edit<Service>("services", w.find("services", op.serviceId)!);
      const k = s.channels.findIndex((c) => c.kind === op.channel.kind);
      s.channels = k >= 0 ? s.channels.map((c, j) => (j === k ? { ...op.channel } : c)) : [...s.channels, { ...op.channel }];
      return log(`${k >= 0 ? "replaced" : "added"} the ${op.channel.kind} channel of "${op.serviceId}"`, { serviceId: op.serviceId, kind: op.channel.kind, replaced: k >= 0 });
    }
    case "digitizeService": {
      const s = w.edit<Service>("services", w.find("services", op.serviceId)!);
      const online = s.channels.find((c) => c.kind === "online");
      const already = online?.endToEnd === true && online.visits === 0;
      if (online && !already) s.channels = s.channels.map((c) => (c === online ? { ...c, endToEnd: true, visits: 0 } : c));
      else if (!online) s.channels = [...s.channels, { kind: "online", endToEnd: true, visits: 0 } as Channel];
      return log(`made "${op.serviceId}" available online end to end`, { serviceId: op.serviceId, channel: online ? (already ? "unchanged" : "upgraded") : "added" });
    }
    case "reuseEvidence": {
      let requests = 0;
      const services: string[] = [];
      for (const p of w.referrers("services", "evidence", op.evidenceId)) {
        const asked = w.read<Service>("services", p).evidence!.filter((e) => e.evidenceId === op.evidenceId && e.source === "citizen").length;
        if (asked === 0) continue;
        const s = w.edit<Service>("services", p);
        s.evidence = s.evidence!.map((e) => (e.evidenceId === op.evidenceId && e.source === "citizen" ? { ...e, source: "reused" as const } : e));
        requests += asked;
        services.push(s.id);
      }
      const ev = w.read<Row>("evidence", w.find("evidence", op.evidenceId)!);
      return log(`made "${op.evidenceId}" reusable in ${services.length} service(s)`, {
        evidenceId: op.evidenceId,
        requests,
        services: services.sort(compareIds),
        issuerId: (ev.issuerId as string | undefined) ?? null,
      });
    }
    case "closeServicePoint": {
      let travelCosts = 0;
      for (const p of w.referrers("travelCosts", "pointId", op.pointId)) {
        w.delete("travelCosts", p);
        travelCosts++;
      }
      const p = w.find("servicePoints", op.pointId)!;
      const services = w.read<Row>("servicePoints", p).serviceIds as string[];
      w.delete("servicePoints", p);
      return log(`closed service point "${op.pointId}"`, { pointId: op.pointId, services: services.length, travelCosts });
    }
    case "setStaff": {
      const d = dept(op.departmentId);
      const before = d.staff ? { ...d.staff } : null;
      const staff: Record<string, number> = { ...d.staff };
      if (op.authorized !== undefined) staff.authorized = op.authorized;
      if (op.actual !== undefined) staff.actual = op.actual;
      d.staff = staff;
      return log(`set the staff of "${op.departmentId}"`, { departmentId: op.departmentId, before, after: staff });
    }
  }
}

/**
 * Re-checks what a scenario changed: every reference of a new or edited record resolves in the result, and no
 * edited department is its own ancestor. Records the scenario did not touch were valid and still are, since each
 * operation also updates everything that named what it removes.
 */
function recheck(next: Model, changed: ReadonlyMap<CollectionName, readonly Changed[]>): Issue[] {
  const issues: Issue[] = [];
  const idSets = new Map<CollectionName, Set<string>>();
  const ids = (c: CollectionName): Set<string> => {
    let set = idSets.get(c);
    if (!set) idSets.set(c, (set = new Set((next[c] as readonly { id?: string }[]).map((r) => r.id!))));
    return set;
  };
  const problem = (code: string, c: CollectionName, record: Row, path: (string | number)[], message: string) => {
    const full = [c, (next[c] as readonly unknown[]).indexOf(record), ...path];
    issues.push({ code, path: full, pointer: toPointer(full), message, severity: "error" });
  };
  let parent: Map<string, string | undefined> | undefined;
  for (const [c, records] of changed) {
    const fields = REFERENCE_FIELDS.filter((f) => f.from === c);
    for (const { record, base } of records) {
      for (const f of fields) {
        if (base && record[f.path[0]!] === base[f.path[0]!]) continue;
        forEachReference(f, record, (id, j, k) => {
          if (!ids(f.to).has(id)) problem("unknown_reference", c, record, referencePath(f, j, k), `${recordLabel(c, record, -1)} names unknown ${RECORD_NAMES[f.to]} "${id}"`);
        });
      }
      if (c === "departments" && (!base || record.parentId !== base.parentId)) {
        parent ??= new Map(next.departments.map((d) => [d.id as string, d.parentId as string | undefined]));
        const seen = new Set<string>();
        for (let at: string | undefined = record.id as string; at !== undefined; at = parent.get(at)) {
          if (seen.has(at)) {
            problem("cycle", c, record, ["parentId"], `${recordLabel(c, record, -1)} is its own ancestor`);
            break;
          }
          seen.add(at);
        }
      }
    }
  }
  return issues;
}

/**
 * Applies "what if" operations to a valid model in order and returns the new model, a log of what each did, and
 * immer patches both ways. Every id is checked first (against the model as earlier operations leave it); an unknown
 * id throws `GovGraphError` `invalid_operation` naming the operation's index, and nothing is applied.
 * @example
 * const { model: after, log } = applyScenario(exampleCounty, [
 *   { op: "mergeDepartments", ids: ["meteo", "agri"], into: "agri" },
 *   { op: "digitizeService", serviceId: "get-birth-certificate" },
 * ]);
 * compareModels(exampleCounty, after).scorecard.composite.delta
 */
export function applyScenario(model: Model, operations: unknown): ScenarioResult {
  const ops = parseOperations(operations);
  checkIds(model, ops);
  const log: ScenarioLogEntry[] = [];
  let changed = new Map<Draftable, Changed[]>();
  const [next, patches, inversePatches] = _produceWithPatches(model, (draft) => {
    const w = new Work(model, draft as Model);
    ops.forEach((op, i) => log.push(apply(w, op, i)));
    w.finish();
    changed = w.changed();
  });
  const errors = recheck(next, changed);
  if (errors.length > 0) {
    throw new GovGraphError(
      "invalid_operation",
      `applyScenario: the scenario leaves the model invalid: ${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problem(s))` : ""}. Change the operations; nothing was applied.`,
      { path: errors[0]!.path, issues: errors },
    );
  }
  return { model: next, log, patches, inversePatches };
}
