/**
 * Fragmentation: for each function and each need, and each jurisdiction, the departments involved (holding the
 * function, or providing a service that performs it or meets the need) when there are two or more, with the
 * Herfindahl-Hirschman index of their shares (by `annualVolume`) and 1/HHI, the effective number of departments
 * (docs/duplication.md; Herfindahl 1950, Hirschman 1945, Adelman 1969).
 * @internal
 * @module
 */
import type { Csr } from "../../graph/csr.js";
import type { FunctionId } from "../../schemas/ids.js";
import type { DuplicationContext } from "./context.js";
import { frozenCopy, NONE, reportCopy } from "./kept-findings.js";
import type { FragmentationFinding } from "./types.js";

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The departments involved in one function or need, with the volume credited to each (arrays reused across items). */
class Involvement {
  readonly volume: Float64Array;
  readonly known: Uint8Array;
  private readonly mark: Int32Array;
  private stamp = 0;
  readonly departments: number[] = [];

  constructor(nD: number) {
    this.volume = new Float64Array(nD);
    this.known = new Uint8Array(nD);
    this.mark = new Int32Array(nD).fill(-1);
  }

  /** Starts the next item. */
  reset(): void {
    this.stamp++;
    this.departments.length = 0;
  }

  /** Counts department `d` in, with no volume yet. */
  touch(d: number): void {
    if (this.mark[d] !== this.stamp) {
      this.mark[d] = this.stamp;
      this.volume[d] = 0;
      this.known[d] = 0;
      this.departments.push(d);
    }
  }

  /** Counts `d` in with its share of a service's volume `v` (NaN: unknown) split over `parties` departments. */
  credit(d: number, v: number, parties: number): void {
    this.touch(d);
    if (v === v) {
      this.volume[d]! += v / parties;
      this.known[d] = 1;
    }
  }
}

/** Departments providing or partnering the active services of `item` in `csr`, each with its share of the volume. */
function addServices(ctx: DuplicationContext, into: Involvement, csr: Csr, item: number): void {
  const { offsets: spOffsets, targets: spTargets } = ctx.index.servicePartners;
  for (let k = csr.offsets[item]!; k < csr.offsets[item + 1]!; k++) {
    const s = csr.targets[k]!;
    if (!ctx.active[s]) continue;
    const provider = ctx.index.serviceDepartment[s]!;
    let parties = 1;
    for (let p = spOffsets[s]!; p < spOffsets[s + 1]!; p++) if (spTargets[p] !== provider) parties++;
    const v = ctx.volumeOf[s]!;
    into.credit(provider, v, parties);
    for (let p = spOffsets[s]!; p < spOffsets[s + 1]!; p++) if (spTargets[p] !== provider) into.credit(spTargets[p]!, v, parties);
  }
}

/** The HHI of the departments' shares: by volume; a department with no volume known counts as the mean of those known; none known: equal. */
function hhiOf(set: readonly number[], volume: Float64Array, known: Uint8Array): number {
  let knownCount = 0;
  let knownTotal = 0;
  for (const d of set) {
    if (known[d]) {
      knownCount++;
      knownTotal += volume[d]!;
    }
  }
  const mean = knownCount > 0 ? knownTotal / knownCount : 0;
  const total = knownTotal + (set.length - knownCount) * mean;
  let hhi = 0;
  for (const d of set) {
    const share = total > 0 ? (known[d] ? volume[d]! : mean) / total : 1 / set.length;
    hhi += share * share;
  }
  return hhi;
}

/** One finding per jurisdiction where two or more of the involved departments meet. */
function fragment(ctx: DuplicationContext, involved: Involvement, kind: "function" | "need", id: string, out: FragmentationFinding[]): void {
  if (involved.departments.length < 2) return;
  const chains = ctx.chains;
  chains.load(involved.departments, ctx.deptRegion, true);
  for (const r of chains.regions) {
    if (chains.chainSize(r) < 2) continue;
    const set = chains.chainItems(r);
    const hhi = hhiOf(set, involved.volume, involved.known);
    out.push({ kind, id: id as FunctionId, regionId: ctx.R[r]!, departmentIds: set.map((d) => ctx.D[d]!), hhi: round(hhi), effectiveNumber: round(1 / hhi) });
  }
}

/**
 * The findings of function or need `i`: those kept for the model this one was made from when its inputs are the same,
 * else computed; logged for models made from this one.
 */
function findingsOf(ctx: DuplicationContext, involved: Involvement, kind: "function" | "need", i: number, out: FragmentationFinding[]): void {
  const logged = kind === "function" ? ctx.log?.functionFragments : ctx.log?.needFragments;
  const kept = ctx.prior?.fragments(kind, i);
  if (kept) {
    for (const x of kept) out.push(ctx.internal ? (x as FragmentationFinding) : reportCopy(x));
    if (logged) logged[i] = kept;
    return;
  }
  const from = out.length;
  involved.reset();
  if (kind === "function") {
    const { offsets, targets } = ctx.index.functionDepartments;
    const roles = ctx.index.functionDepartmentRoles;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) if (ctx.allowRole[roles[k]!]) involved.touch(targets[k]!);
  }
  addServices(ctx, involved, kind === "function" ? ctx.index.functionServices : ctx.index.needServices, i);
  fragment(ctx, involved, kind, kind === "function" ? ctx.F[i]! : ctx.index.needs.ids[i]!, out);
  if (logged) logged[i] = out.length === from ? NONE : out.slice(from).map(frozenCopy);
}

/** The fragmentation findings of every function, then every need (unsorted). @internal */
export function findFragmentation(ctx: DuplicationContext): FragmentationFinding[] {
  const out: FragmentationFinding[] = [];
  const involved = new Involvement(ctx.nD);
  for (let f = 0; f < ctx.nF; f++) findingsOf(ctx, involved, "function", f, out);
  for (let n = 0; n < ctx.nN; n++) findingsOf(ctx, involved, "need", n, out);
  if (ctx.log) ctx.log.fragmentsDone = true;
  return out;
}
