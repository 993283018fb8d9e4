/**
 * Checking a scenario's ids
 * =========================
 * Every id the operations name is checked against the model as it will be when each runs (ids added and removed
 * by earlier operations included), and every unknown or clashing id is listed before anything is applied. The ids
 * inside new records (a new service, a new department) are found through the reference table, so a reference field
 * added to the schemas is checked here without a change.
 */
import type { Issue } from "../../errors.js";
import { issue, quote, type IssuePath } from "../../issues.js";
import type { CollectionName, Model } from "../../schemas/model.js";
import type { ScenarioOperation } from "../../schemas/scenario.js";
import { forEachReferenceOf, RECORD_NAMES, referencePath, referencesFrom } from "../records.js";
import { operationsError, type Operation } from "./log.js";

/** The ids of each collection as the operations run: the base model's, plus added, minus removed. */
class Ledger {
  private readonly base = new Map<CollectionName, Set<string>>();
  private readonly added = new Map<CollectionName, Set<string>>();
  private readonly removed = new Map<CollectionName, Set<string>>();

  constructor(private readonly model: Model) {}

  has(c: CollectionName, id: string): boolean {
    let ids = this.base.get(c);
    if (!ids) this.base.set(c, (ids = new Set((this.model[c] as readonly { id?: string }[]).map((r) => r.id!))));
    return (ids.has(id) && !this.removed.get(c)?.has(id)) || (this.added.get(c)?.has(id) ?? false);
  }

  add(c: CollectionName, id: string): void {
    this.removed.get(c)?.delete(id);
    if (!this.added.get(c)?.add(id)) this.added.set(c, new Set([id]));
  }

  remove(c: CollectionName, id: string): void {
    this.added.get(c)?.delete(id);
    if (!this.removed.get(c)?.add(id)) this.removed.set(c, new Set([id]));
  }
}

/** The checks of one operation, collecting problems with the operation's index in their paths. */
class OperationCheck {
  constructor(
    readonly ids: Ledger,
    readonly index: number,
    readonly op: ScenarioOperation,
    private readonly issues: Issue[],
  ) {}

  problem(field: IssuePath, what: string): void {
    this.issues.push(issue("invalid_operation", [this.index, ...field], `operation ${this.index} (${this.op.op}) ${what}`));
  }

  /** The id must exist when the operation runs. */
  known(field: IssuePath, c: CollectionName, id: string | undefined): void {
    if (id !== undefined && !this.ids.has(c, id)) this.problem(field, `names unknown ${RECORD_NAMES[c]} ${quote(id)}`);
  }

  /** The id must not exist yet. */
  fresh(field: IssuePath, c: CollectionName, id: string): void {
    if (this.ids.has(c, id)) this.problem(field, `adds ${RECORD_NAMES[c]} ${quote(id)}, which already exists`);
  }

  /** A new record of `c` at `field`: its id is fresh and every id it refers to exists. */
  newRecord(field: IssuePath, c: CollectionName, record: { id: string }): void {
    this.fresh([...field, "id"], c, record.id);
    for (const ref of referencesFrom(c)) {
      forEachReferenceOf(ref, record, (id, i, j) => this.known([...field, ...referencePath(ref, i, j)], ref.to, id));
    }
  }

  list(field: IssuePath, c: CollectionName, ids: readonly string[]): void {
    ids.forEach((id, k) => this.known([...field, k], c, id));
  }
}

type Checks = { [K in ScenarioOperation["op"]]: (check: OperationCheck, op: Operation<K>) => void };

const CHECKS: Checks = {
  mergeDepartments(check, op) {
    check.list(["ids"], "departments", op.ids);
    if (new Set(op.ids).size !== op.ids.length) check.problem(["ids"], "lists a department twice");
    if (typeof op.into === "string") {
      if (!op.ids.includes(op.into)) check.problem(["into"], `merges into ${quote(op.into)}, which is not among its ids`);
    } else {
      check.newRecord(["into"], "departments", op.into);
      const parent = op.into.parentId;
      if (parent !== undefined && op.ids.includes(parent)) {
        check.problem(["into", "parentId"], `makes ${quote(op.into.id)} report to ${quote(parent)}, which it absorbs`);
      }
    }
    const survivor = typeof op.into === "string" ? op.into : op.into.id;
    for (const id of op.ids) if (id !== survivor) check.ids.remove("departments", id);
    check.ids.add("departments", survivor);
  },
  splitDepartment(check, op) {
    check.known(["id"], "departments", op.id);
    op.into.forEach((part, k) => {
      check.newRecord(["into", k, "department"], "departments", part.department);
      check.ids.add("departments", part.department.id);
      check.list(["into", k, "functionIds"], "functions", part.functionIds);
      check.list(["into", k, "serviceIds"], "services", part.serviceIds);
      check.list(["into", k, "evidenceIds"], "evidence", part.evidenceIds);
    });
  },
  transferFunction(check, op) {
    check.known(["functionId"], "functions", op.functionId);
    check.known(["from"], "departments", op.from);
    check.known(["to"], "departments", op.to);
    if (op.from === op.to) check.problem(["to"], `transfers ${quote(op.functionId)} from ${quote(op.from)} to itself`);
  },
  removeFunction(check, op) {
    check.known(["functionId"], "functions", op.functionId);
    check.ids.remove("functions", op.functionId);
  },
  addService(check, op) {
    check.newRecord(["service"], "services", op.service);
    check.ids.add("services", op.service.id);
  },
  retireService: (check, op) => check.known(["serviceId"], "services", op.serviceId),
  addChannel: (check, op) => check.known(["serviceId"], "services", op.serviceId),
  digitizeService: (check, op) => check.known(["serviceId"], "services", op.serviceId),
  reuseEvidence: (check, op) => check.known(["evidenceId"], "evidence", op.evidenceId),
  closeServicePoint(check, op) {
    check.known(["pointId"], "servicePoints", op.pointId);
    check.ids.remove("servicePoints", op.pointId);
  },
  setStaff(check, op) {
    check.known(["departmentId"], "departments", op.departmentId);
    if (op.actual === undefined && op.authorized === undefined) check.problem([], `sets neither "actual" nor "authorized"`);
  },
};

/** Throws one `invalid_operation` error listing every unknown or clashing id; nothing has been applied. @internal */
export function checkIds(model: Model, ops: readonly ScenarioOperation[]): void {
  const ids = new Ledger(model);
  const issues: Issue[] = [];
  ops.forEach((op, index) => {
    const check = (CHECKS as Record<string, (check: OperationCheck, op: ScenarioOperation) => void>)[op.op]!;
    check(new OperationCheck(ids, index, op, issues), op);
  });
  if (issues.length > 0) throw operationsError("", issues, "Check the ids against the model; nothing was applied");
}
