/**
 * The working copy of a scenario
 * ==============================
 * The draft, id -> position maps of the base model (records added later get positions after the base), removed
 * positions, and reverse indexes over reference fields built on first use. A reverse index lists candidate
 * positions per id: moves append, and stale entries (removed, or no longer referring) are dropped when the index
 * is read, so updates never search.
 */
import type { Department } from "../../schemas/department.js";
import type { Model } from "../../schemas/model.js";
import { basePositions, baseReferrers, sortedByDepartment } from "./base-tables.js";
import {
  compareIds,
  forEachReferenceOf,
  isPairCollection,
  lowerBound,
  referenceField,
  refersTo,
  type IdCollection,
  type ReferenceField,
} from "../records.js";

/** The collections a scenario changes. @internal */
export type Draftable = "departments" | "functions" | "services" | "evidence" | "servicePoints" | "assignments" | "travelCosts";
/** A record, for reading and editing its fields. @internal */
export type Row = Record<string, unknown>;

/** The reference fields scenarios follow, by what they find. @internal */
export const REFS = {
  assignmentsOfDepartment: referenceField("assignments", "departmentId"),
  assignmentsOfFunction: referenceField("assignments", "functionId"),
  servicesOfDepartment: referenceField("services", "departmentId"),
  servicesWithPartner: referenceField("services", "partnerIds[]"),
  servicesWithFunction: referenceField("services", "functionIds[]"),
  servicesAskingEvidence: referenceField("services", "evidence[].evidenceId"),
  evidenceOfIssuer: referenceField("evidence", "issuerId"),
  childDepartments: referenceField("departments", "parentId"),
  pointsWithService: referenceField("servicePoints", "serviceIds[]"),
  travelCostsOfPoint: referenceField("travelCosts", "pointId"),
} as const;

/** The working state of one scenario (see the file's banner). @internal */
export class Work {
  readonly added = new Map<Draftable, Row[]>();
  readonly removed = new Map<Draftable, Set<number>>();
  /** Edited base records: plain shallow copies, written into the draft arrays (no per-record immer proxy). */
  readonly copies = new Map<Draftable, Map<number, Row>>();
  /** Positions of the records added, by id (the base's are in its shared table). */
  private readonly addedPositions = new Map<Draftable, Map<string, number>>();
  /** Per reference field: positions noted by this scenario (edited copies, added records, moves), by id. */
  private readonly reverse = new Map<ReferenceField, Map<string, number[]>>();
  /** Per reference field: the ids whose list in `reverse` already holds the base's positions. */
  private readonly merged = new Map<ReferenceField, Set<string>>();

  constructor(
    readonly base: Model,
    readonly draft: Model,
  ) {}

  /** The base model's records of a collection. */
  baseRows(c: Draftable): readonly Row[] {
    return this.base[c] as unknown as readonly Row[];
  }

  /** Position of a live record with this id, or undefined. */
  find(c: Draftable & IdCollection, id: string): number | undefined {
    // An id added again after its base record was removed is found at its new position.
    const p = this.addedPositions.get(c)?.get(id) ?? basePositions(this.baseRows(c)).get(id);
    return p === undefined || this.removed.get(c)?.has(p) ? undefined : p;
  }

  /** Position of the live assignment of `functionId` to `departmentId`, through the department's assignments. */
  findAssignment(departmentId: string, functionId: string): number | undefined {
    return this.referrers(REFS.assignmentsOfDepartment, departmentId).find((p) => this.read("assignments", p).functionId === functionId);
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

  /** The department with this id, for editing. */
  department(id: string): Department {
    return this.edit<Department>("departments", this.find("departments", id)!);
  }

  /** The department with this id, for reading. */
  readDepartment(id: string): Department {
    return this.read<Department>("departments", this.find("departments", id)!);
  }

  /** Adds a record; returns its position. */
  insert(c: Draftable, record: Row): number {
    if (!this.added.has(c)) this.added.set(c, []);
    const list = this.added.get(c)!;
    const p = this.base[c].length + list.length;
    list.push(record);
    if (!isPairCollection(c)) {
      if (!this.addedPositions.has(c)) this.addedPositions.set(c, new Map());
      this.addedPositions.get(c)!.set(record.id as string, p);
    }
    for (const [ref, index] of this.reverse) {
      if (ref.from === c) forEachReferenceOf(ref, record, (id) => note(index, id, p));
    }
    return p;
  }

  /** Removes a record by position. */
  delete(c: Draftable, p: number): void {
    if (!this.removed.has(c)) this.removed.set(c, new Set());
    this.removed.get(c)!.add(p);
  }

  /** Live positions, ascending, of the records whose reference field `ref` names `id`. */
  referrers(ref: ReferenceField, id: string): number[] {
    const c = ref.from as Draftable;
    if (ref === REFS.assignmentsOfDepartment && this.assignmentsSortedByDepartment()) return this.departmentAssignments(id);
    let index = this.reverse.get(ref);
    let merged = this.merged.get(ref);
    if (!index || !merged) {
      // What this scenario changed so far; the base's positions join each id's list on its first read.
      const built = new Map<string, number[]>();
      const n = this.base[c].length;
      for (const [p, r] of this.copies.get(c) ?? []) forEachReferenceOf(ref, r, (x) => note(built, x, p));
      (this.added.get(c) ?? []).forEach((r, k) => forEachReferenceOf(ref, r, (x) => note(built, x, n + k)));
      this.reverse.set(ref, (index = built));
      this.merged.set(ref, (merged = new Set()));
    }
    if (!merged.has(id)) {
      merged.add(id);
      const fromBase = baseReferrers(ref, this.baseRows(c)).get(id);
      if (fromBase) index.set(id, [...fromBase, ...(index.get(id) ?? [])]);
    }
    const list = index.get(id);
    if (!list) return [];
    list.sort((a, b) => a - b);
    const removed = this.removed.get(c);
    const live: number[] = [];
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      if ((k > 0 && p === list[k - 1]) || removed?.has(p) || !refersTo(ref, this.read(c, p), id)) continue;
      live.push(p);
    }
    index.set(id, live);
    return [...live];
  }

  /** Records that the reference field `ref` of the record at `p` now names the `to` ids (entries for ids it no longer names go stale). */
  moved(ref: ReferenceField, p: number, to: readonly string[]): void {
    const index = this.reverse.get(ref);
    if (index) for (const id of to) note(index, id, p);
  }

  /** Assignments are never re-keyed in place, and a canonical model keeps them sorted by department. */
  private assignmentsSortedByDepartment(): boolean {
    return sortedByDepartment(this.baseRows("assignments"));
  }

  /** Live positions of a department's assignments: a range of the base (sorted by department), then added ones. */
  private departmentAssignments(departmentId: string): number[] {
    const rows = this.baseRows("assignments");
    const removed = this.removed.get("assignments");
    const out: number[] = [];
    const from = lowerBound(rows.length, (p) => compareIds(rows[p]!.departmentId as string, departmentId) < 0);
    for (let p = from; p < rows.length && rows[p]!.departmentId === departmentId; p++) if (!removed?.has(p)) out.push(p);
    (this.added.get("assignments") ?? []).forEach((r, k) => {
      if (r.departmentId === departmentId && !removed?.has(rows.length + k)) out.push(rows.length + k);
    });
    return out;
  }
}

function note(index: Map<string, number[]>, id: string, p: number): void {
  const list = index.get(id);
  if (list) list.push(p);
  else index.set(id, [p]);
}
