/**
 * Overlap: department pairs in overlapping jurisdictions whose function, need or segment sets are similar
 * (Jaccard at or above the threshold) without being duplicates (docs/duplication.md). Candidate pairs come from
 * the inverted lists, restricted to the departments of the same region or an ancestor: never all pairs.
 * @internal
 * @module
 */
import { row, type Csr } from "../../graph/csr.js";
import type { DepartmentId } from "../../schemas/ids.js";
import { f64, u32, u8, type Column } from "../typed-column.js";
import type { DuplicationContext } from "./context.js";
import { departmentSets, type DepartmentSets } from "./department-sets.js";
import { intersect, intersectCount } from "./sorted-ints.js";
import type { OverlapFinding } from "./types.js";

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

  constructor(private readonly deptRegion: Int32Array) {
    this.functions = new Int32Array(deptRegion.length);
    this.needs = new Int32Array(deptRegion.length);
    this.seen = new Uint8Array(deptRegion.length);
  }

  /** The start of the slice of an inverted list whose departments sit in region `a` (lists are region-sorted). */
  private sliceStart(csr: Csr, item: number, a: number): number {
    let lo = csr.offsets[item]!;
    let hi = csr.offsets[item + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.deptRegion[csr.targets[mid]!]! < a) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Counts the departments of region `a` sharing each of `items` with department `d` (of region `r`). */
  count(csr: Csr, items: ArrayLike<number>, d: number, r: number, a: number, counter: Int32Array): void {
    for (let k = 0; k < items.length; k++) {
      const hi = csr.offsets[items[k]! + 1]!;
      for (let x = this.sliceStart(csr, items[k]!, a); x < hi; x++) {
        const e = csr.targets[x]!;
        if (this.deptRegion[e] !== a) break;
        if (a === r && e >= d) break; // same region: count each pair once (lists are in department order there)
        if (!this.seen[e]) {
          this.seen[e] = 1;
          this.touched.push(e);
        }
        counter[e]!++;
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
export function findOverlap(ctx: DuplicationContext, keepPairs: boolean): { overlap: OverlapFinding[]; pairs: CandidatePairs | undefined } {
  const { nD, deptRegion, parent } = ctx;
  const sets = departmentSets(ctx);
  const shared = new SharedCounts(deptRegion);
  const overlap: OverlapFinding[] = [];
  const columns = keepPairs ? { a: u32(), b: u32(), weight: f64(), duplicate: u8() } : undefined;
  for (let d = 0; d < nD; d++) {
    const r = deptRegion[d]!;
    const fs = row(sets.functions, d);
    const ns = sets.needs[d]!;
    for (let a = r; a >= 0; a = parent[a]!) {
      shared.count(sets.functionHolders, fs, d, r, a, shared.functions);
      shared.count(sets.needDepartments, ns, d, r, a, shared.needs);
    }
    shared.touched.sort((x, y) => x - y);
    for (const e of shared.touched) {
      const fj = jaccard(shared.functions[e]!, fs.length, sets.functions.offsets[e + 1]! - sets.functions.offsets[e]!);
      const nj = jaccard(shared.needs[e]!, ns.length, sets.needs[e]!.length);
      const sj = jaccard(intersectCount(sets.segments[d]!, sets.segments[e]!), sets.segments[d]!.length, sets.segments[e]!.length);
      shared.clear(e);
      const lo = Math.min(e, d);
      const hi = Math.max(e, d);
      const duplicate = ctx.duplicatePairs.has(lo * nD + hi);
      if (columns) push(columns, lo, hi, Math.max(fj, nj), duplicate);
      if (!duplicate) pairFindings(ctx, sets, lo, hi, [fj, nj, sj], overlap);
    }
    shared.touched.length = 0;
  }
  return { overlap, pairs: columns && { count: columns.a.size, a: columns.a.values(), b: columns.b.values(), weight: columns.weight.values(), duplicate: columns.duplicate.values() } };
}

function push(columns: { a: Column<Uint32Array>; b: Column<Uint32Array>; weight: Column<Float64Array>; duplicate: Column<Uint8Array> }, lo: number, hi: number, weight: number, duplicate: boolean): void {
  columns.a.push(lo);
  columns.b.push(hi);
  columns.weight.push(weight);
  columns.duplicate.push(duplicate ? 1 : 0);
}
