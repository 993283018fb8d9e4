/**
 * Overlap: department pairs in overlapping jurisdictions whose function, need or segment sets are similar
 * (Jaccard at or above the threshold) without being duplicates (docs/duplication.md). Candidate pairs come from
 * the inverted lists, restricted to the departments of the same region or an ancestor: never all pairs. The
 * departments of a hub (too many holders of one item in one region) are paired with its anchor only.
 * @internal
 * @module
 */
import { row, type Csr } from "../../graph/csr.js";
import type { DepartmentId } from "../../schemas/ids.js";
import { f64, u32, u8, type Column } from "../typed-column.js";
import type { DuplicationContext } from "./context.js";
import { departmentSets, type DepartmentSets } from "./department-sets.js";
import type { HolderLists } from "./holder-lists.js";
import { intersect, intersectCount } from "./sorted-ints.js";
import type { OverlapFinding, OverlapHub } from "./types.js";

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const jaccard = (inter: number, x: number, y: number) => (inter === 0 ? 0 : inter / (x + y - inter));

/**
 * Every candidate department pair (`a < b`, dense indexes) in columns: the larger of its function and need Jaccard
 * (the weight consolidation links by) and whether the pair is in a duplication finding.
 * @internal
 */
export interface CandidatePairs {
  count: number;
  a: Uint32Array;
  b: Uint32Array;
  weight: Float64Array;
  duplicate: Uint8Array;
}

/** Counts, for one department, the items it shares with each candidate department (arrays reused across departments). */
class SharedCounts {
  readonly functions: Int32Array;
  readonly needs: Int32Array;
  private readonly seen: Uint8Array;
  readonly touched: number[] = [];
  /** True when the department met a hub: its counts are then incomplete, and shared items are counted exactly. */
  sawHub = false;

  constructor(nD: number) {
    this.functions = new Int32Array(nD);
    this.needs = new Int32Array(nD);
    this.seen = new Uint8Array(nD);
  }

  private add(e: number, counter: Int32Array): void {
    if (!this.seen[e]) {
      this.seen[e] = 1;
      this.touched.push(e);
    }
    counter[e]!++;
  }

  /**
   * Counts the departments sharing each of `items` with department `d` (of region `r`) in overlapping
   * jurisdictions: those of its own slice before it (each pair once), and those of the ancestor slices. A hub
   * slice contributes its anchor only.
   */
  count(lists: HolderLists, items: ArrayLike<number>, d: number, r: number, counter: Int32Array): void {
    const { targets, sliceEnd, sliceUp } = lists;
    for (let k = 0; k < items.length; k++) {
      const x = lists.sliceOf(items[k]!, r);
      if (lists.isHub(x)) {
        this.sawHub = true;
        if (targets[x] !== d) this.add(targets[x]!, counter);
      } else for (let y = x; targets[y]! < d; y++) this.add(targets[y]!, counter);
      for (let h = sliceUp[x]!; h >= 0; h = sliceUp[h]!) {
        if (lists.isHub(h)) {
          this.sawHub = true;
          this.add(targets[h]!, counter);
        } else for (let y = h; y < sliceEnd[h]!; y++) this.add(targets[y]!, counter);
      }
    }
  }

  /** Clears the counts of department `e`. */
  clear(e: number): void {
    this.functions[e] = 0;
    this.needs[e] = 0;
    this.seen[e] = 0;
  }
}

/** The overlap findings of one candidate pair, one per basis at or above the threshold. */
function pairFindings(ctx: DuplicationContext, sets: DepartmentSets, lo: number, hi: number, scores: [number, number, number], out: OverlapFinding[]): void {
  const t = ctx.o.overlapThreshold;
  const departmentIds: [DepartmentId, DepartmentId] = [ctx.D[lo]!, ctx.D[hi]!];
  if (scores[0] >= t) out.push({ departmentIds, score: round(scores[0]), basis: "functions", shared: intersect(row(sets.functions, lo), row(sets.functions, hi)).map((f) => ctx.F[f]!) });
  if (scores[1] >= t) out.push({ departmentIds, score: round(scores[1]), basis: "needs", shared: intersect(sets.needs[lo]!, sets.needs[hi]!).map((n) => ctx.index.needs.ids[n]!) });
  if (scores[2] >= t) out.push({ departmentIds, score: round(scores[2]), basis: "segments", shared: intersect(sets.segments[lo]!, sets.segments[hi]!).map((g) => ctx.index.segments.ids[g]!) });
}

/**
 * The overlap findings (unsorted) and, when `keepPairs`, every candidate pair with its weight. Reads the
 * duplication findings' pairs from the context, so it runs after them.
 * @internal
 */
export function findOverlap(ctx: DuplicationContext, keepPairs: boolean): { overlap: OverlapFinding[]; pairs: CandidatePairs | undefined; hubs: OverlapHub[] } {
  const { nD, deptRegion } = ctx;
  const sets = departmentSets(ctx);
  const shared = new SharedCounts(nD);
  const overlap: OverlapFinding[] = [];
  const columns = keepPairs ? { a: u32(), b: u32(), weight: f64(), duplicate: u8() } : undefined;
  const size = (csr: Csr, e: number) => csr.offsets[e + 1]! - csr.offsets[e]!;
  for (let d = 0; d < nD; d++) {
    const r = deptRegion[d]!;
    const fs = row(sets.functions, d);
    const ns = sets.needs[d]!;
    shared.sawHub = false;
    shared.count(sets.functionHolders, fs, d, r, shared.functions);
    shared.count(sets.needDepartments, ns, d, r, shared.needs);
    shared.touched.sort((x, y) => x - y);
    const exact = shared.sawHub;
    for (const e of shared.touched) {
      const fj = jaccard(exact ? intersectCount(fs, row(sets.functions, e)) : shared.functions[e]!, fs.length, size(sets.functions, e));
      const nj = jaccard(exact ? intersectCount(ns, sets.needs[e]!) : shared.needs[e]!, ns.length, sets.needs[e]!.length);
      const sj = jaccard(intersectCount(sets.segments[d]!, sets.segments[e]!), sets.segments[d]!.length, sets.segments[e]!.length);
      shared.clear(e);
      const lo = Math.min(e, d);
      const hi = Math.max(e, d);
      const duplicate = ctx.duplicates.has(lo, hi);
      if (columns) push(columns, lo, hi, Math.max(fj, nj), duplicate);
      if (!duplicate) pairFindings(ctx, sets, lo, hi, [fj, nj, sj], overlap);
    }
    shared.touched.length = 0;
  }
  const pairs = columns && { count: columns.a.size, a: columns.a.values(), b: columns.b.values(), weight: columns.weight.values(), duplicate: columns.duplicate.values() };
  return { overlap, pairs, hubs: hubsOf(ctx, sets) };
}

/** The hub slices of both lists: items held by more departments of one region than `HUB_SIZE` (./holder-lists.ts). */
function hubsOf(ctx: DuplicationContext, sets: DepartmentSets): OverlapHub[] {
  const out: OverlapHub[] = [];
  const scan = (lists: HolderLists, kind: OverlapHub["kind"], ids: readonly string[]) => {
    for (let i = 0; i < ids.length; i++) {
      for (let x = lists.offsets[i]!; x < lists.offsets[i + 1]!; x = lists.sliceEnd[x]!) {
        if (lists.isHub(x)) out.push({ kind, id: ids[i]!, regionId: ctx.R[ctx.deptRegion[lists.targets[x]!]!]!, departments: lists.sliceEnd[x]! - x } as OverlapHub);
      }
    }
  };
  scan(sets.functionHolders, "function", ctx.F);
  scan(sets.needDepartments, "need", ctx.index.needs.ids);
  return out;
}

function push(columns: { a: Column<Uint32Array>; b: Column<Uint32Array>; weight: Column<Float64Array>; duplicate: Column<Uint8Array> }, lo: number, hi: number, weight: number, duplicate: boolean): void {
  columns.a.push(lo);
  columns.b.push(hi);
  columns.weight.push(weight);
  columns.duplicate.push(duplicate ? 1 : 0);
}
