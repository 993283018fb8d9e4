/**
 * The fragmentation and function-duplication findings of each function and need, kept with the validated model they
 * were computed for, and taken over for a model made from it (lineage.ts) for every function or need whose inputs
 * are the same records: its assignments, the services performing it or meeting it, and the departments holding it
 * or providing those services. A merge of two departments touches the few functions and needs those departments
 * hold or serve; the others keep their findings (docs/scenarios.md, "What-if").
 * @internal
 * @module
 */
import { row, type Csr } from "../../graph/csr.js";
import { indexModel, type ModelIndex } from "../../graph/index-model.js";
import { baseOf, collectionDiff, type CollectionDiff } from "../../model/lineage.js";
import { isValidatedModel } from "../../model/validated.js";
import type { Model } from "../../schemas/model.js";
import type { FragmentationFinding, FunctionDuplication } from "./types.js";

/** A function-duplication finding with its departments as dense indexes of the model it belongs to. @internal */
export interface KeptDuplication {
  finding: Readonly<FunctionDuplication>;
  members: Int32Array;
}

/** What one run found per item, as private frozen copies (reports get copies of them). @internal */
export class KeptFindings {
  readonly functionFragments: (readonly Readonly<FragmentationFinding>[])[];
  readonly needFragments: (readonly Readonly<FragmentationFinding>[])[];
  readonly functionDuplicates: (readonly KeptDuplication[])[];
  /** True once a run logged every function's and need's fragmentation findings. */
  fragmentsDone = false;
  /** True once a run logged every function's duplication findings. */
  duplicatesDone = false;

  constructor(
    readonly key: string,
    nF: number,
    nN: number,
  ) {
    this.functionFragments = new Array(nF).fill(NONE);
    this.needFragments = new Array(nN).fill(NONE);
    this.functionDuplicates = new Array(nF).fill(NONE);
  }
}

/** The empty list of findings, shared. @internal */
export const NONE: readonly never[] = Object.freeze([]);

/** The options a kept finding depends on. */
type FindingOptions = { roles: readonly string[]; scope: string };
const keyOf = (o: FindingOptions) => `${[...o.roles].sort().join(",")}|${o.scope}`;

const kept = new WeakMap<Model, KeptFindings>();

/**
 * The log of findings kept with a validated `model` for these options (a new one, or the one an earlier run with the
 * same options started: the model is frozen, so its findings are the same), or undefined for another model. @internal
 */
export function startLog(model: Model, o: FindingOptions, nF: number, nN: number): KeptFindings | undefined {
  if (!isValidatedModel(model)) return undefined;
  const key = keyOf(o);
  let log = kept.get(model);
  if (!log || log.key !== key) kept.set(model, (log = new KeptFindings(key, nF, nN)));
  return log;
}

/** A frozen copy of a finding (its lists copied and frozen too), for a log. @internal */
export function frozenCopy<T extends object>(finding: T): Readonly<T> {
  const copy = { ...finding } as Record<string, unknown>;
  for (const key in copy) if (Array.isArray(copy[key])) copy[key] = Object.freeze(copy[key].slice());
  return Object.freeze(copy) as Readonly<T>;
}

/** A fresh copy of a logged finding (its lists copied), for a report. @internal */
export function reportCopy<T extends object>(finding: Readonly<T>): T {
  const copy = { ...finding } as Record<string, unknown>;
  for (const key in copy) if (Array.isArray(copy[key])) copy[key] = copy[key].slice();
  return copy as T;
}

/** The findings of the base model, with which functions and needs must be computed again. @internal */
export class PriorFindings {
  private constructor(
    private readonly log: KeptFindings,
    /** 1 for a function whose inputs may have changed. */
    readonly dirtyFunctions: Uint8Array,
    /** 1 for a need whose inputs may have changed. */
    readonly dirtyNeeds: Uint8Array,
    private readonly departments: CollectionDiff,
  ) {}

  /** The findings kept for the model `model` was made from, with the same options, functions, needs and regions. */
  static of(model: Model, index: ModelIndex, o: FindingOptions): PriorFindings | undefined {
    const base = baseOf(model);
    const log = base && kept.get(base);
    if (!base || !log || log.key !== keyOf(o)) return undefined;
    if (model.functions !== base.functions || model.needs !== base.needs || model.regions !== base.regions) return undefined;
    const baseIndex = indexModel(base);
    const dirty = { functions: new Uint8Array(index.functions.ids.length), needs: new Uint8Array(index.needs.ids.length) };
    markAssignments(model, base, index, dirty.functions);
    markServices(collectionDiff(model, base, "services"), index, baseIndex, dirty);
    const departments = collectionDiff(model, base, "departments");
    for (const d of departments.changed) markDepartment(index, d, dirty);
    for (const d of departments.dropped) markDepartment(baseIndex, d, dirty);
    return new PriorFindings(log, dirty.functions, dirty.needs, departments);
  }

  /** The kept fragmentation findings of function or need `i`, or undefined when they must be computed again. */
  fragments(kind: "function" | "need", i: number): readonly Readonly<FragmentationFinding>[] | undefined {
    if (!this.log.fragmentsDone) return undefined;
    if (kind === "function") return this.dirtyFunctions[i] ? undefined : this.log.functionFragments[i];
    return this.dirtyNeeds[i] ? undefined : this.log.needFragments[i];
  }

  /** The kept function-duplication findings of `f`, departments renumbered for this model, or undefined. */
  duplicates(f: number): readonly KeptDuplication[] | undefined {
    if (!this.log.duplicatesDone || this.dirtyFunctions[f]) return undefined;
    const to = this.departments.to;
    return this.log.functionDuplicates[f]!.map(({ finding, members }) => ({ finding, members: members.map((d) => to[d]!) }));
  }
}

type Dirty = { functions: Uint8Array; needs: Uint8Array };

const markRow = (csr: Csr, i: number, into: Uint8Array) => {
  for (const t of row(csr, i)) into[t] = 1;
};

/** The functions of assignments added, edited or removed. */
function markAssignments(model: Model, base: Model, index: ModelIndex, functions: Uint8Array): void {
  const diff = collectionDiff(model, base, "assignments");
  const of = index.functions.of;
  for (const p of diff.changed) functions[of.get(model.assignments[p]!.functionId)!] = 1;
  for (const p of diff.dropped) functions[of.get(base.assignments[p]!.functionId)!] = 1;
}

/** The functions and needs of services added, edited or removed (their rows in the index they belong to). */
function markServices(diff: CollectionDiff, index: ModelIndex, baseIndex: ModelIndex, dirty: Dirty): void {
  for (const s of diff.changed) markService(index, s, dirty);
  for (const s of diff.dropped) markService(baseIndex, s, dirty);
}

function markService(index: ModelIndex, s: number, dirty: Dirty): void {
  markRow(index.serviceFunctions, s, dirty.functions);
  markRow(index.serviceNeeds, s, dirty.needs);
}

/** What a department added, edited or removed takes part in: its functions, and those of the services it provides or partners. */
function markDepartment(index: ModelIndex, d: number, dirty: Dirty): void {
  markRow(index.departmentFunctions, d, dirty.functions);
  for (const s of row(index.departmentServices, d)) markService(index, s, dirty);
  for (const s of row(index.departmentPartnerServices, d)) markService(index, s, dirty);
}
