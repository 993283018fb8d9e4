/**
 * Coverage by department: each competent department is credited with the demand its services are meant for
 * (the cells of the needs they meet, segments they target and regions they serve) and the part of it they reach
 * themselves, through a remote channel or a point near enough (docs/coverage.md).
 * @internal
 * @module
 */
import type { CoverageInputs } from "./reach.js";

/** Demand, reach and capacity per department; `seen` marks the departments with a service for some cell. @internal */
export interface DepartmentSums {
  demand: Float64Array;
  reach: Float64Array;
  capacity: Float64Array;
  seen: Uint8Array;
}

/**
 * Marks the cells of segment slot `gi` that services `list` of one department reach, with the mark `id`; cell `c` of
 * the open need has its mark at `mark[c - base]`.
 */
function markReached(input: CoverageInputs, list: readonly number[], g: number, gi: number, id: number, mark: Int32Array, base: number, eligible: number[]): void {
  const { cells, ranges, near, supplies, index } = input;
  const open: number[] = [];
  for (const s of list) {
    if (!cells.matches(s, g)) continue;
    ranges.rangesOf(s, eligible);
    if (supplies.remote[s]) {
      // A remote channel reaches every cell the service is for: its points add nothing.
      ranges.rangesOf(s, open);
      continue;
    }
    for (let q = index.servicePoints.offsets[s]!; q < index.servicePoints.offsets[s + 1]!; q++) {
      const p = index.servicePoints.targets[q]!;
      if (input.sites.siteOf[p] !== p) continue; // the site's standing point stands for it
      for (let k = near.start[p]!; k < near.start[p + 1]!; k++) {
        const c = cells.cell(near.region[k]!, gi);
        if (c >= 0 && ranges.serves(s, near.region[k]!)) mark[c - base] = id;
      }
    }
  }
  cells.forCells(ranges.merge(open), gi, (c) => (mark[c - base] = id));
}

/**
 * Sums, per department, the demand its services are for and the part they reach within capacity; with `only`, for
 * the departments it marks (the others are left at 0). A department's sums read its own services alone. @internal
 */
export function departmentSums(input: CoverageInputs, share: Float64Array, only?: Uint8Array): DepartmentSums {
  const { index, demand, cells, ranges } = input;
  const nDepartments = index.departments.ids.length;
  const sums: DepartmentSums = { demand: new Float64Array(nDepartments), reach: new Float64Array(nDepartments), capacity: new Float64Array(nDepartments), seen: new Uint8Array(nDepartments) };
  const owner = index.serviceDepartment;
  // Marks for the cells of one need at a time (a national model has millions of cells, a need tens of thousands).
  let most = 0;
  for (let n = 0; n < index.needs.ids.length; n++) most = Math.max(most, demand.needStart[n + 1]! - demand.needStart[n]!);
  const mark = new Int32Array(most).fill(-1);
  let run = 0;
  const eligible: number[] = [];
  for (let n = 0; n < index.needs.ids.length; n++) {
    if (demand.needStart[n] === demand.needStart[n + 1]) continue;
    const all = cells.servicesOf(n);
    const services = (only ? all.filter((s) => only[owner[s]!]) : all).sort((a, b) => owner[a]! - owner[b]! || a - b);
    if (services.length === 0) continue;
    cells.set(n, true);
    const base = demand.needStart[n]!;
    const segs = demand.needSegments[n]!;
    for (let i = 0; i < services.length; ) {
      const d = owner[services[i]!]!;
      let j = i;
      while (j < services.length && owner[services[j]!] === d) j++;
      const list = services.slice(i, j);
      for (let gi = 0; gi < segs.length; gi++) {
        const id = run++;
        eligible.length = 0;
        markReached(input, list, segs[gi]!, gi, id, mark, base, eligible);
        if (eligible.length === 0) continue;
        sums.seen[d] = 1;
        cells.forCells(ranges.merge(eligible), gi, (c) => {
          sums.demand[d]! += demand.volume[c]!;
          if (mark[c - base] === id) {
            sums.reach[d]! += demand.volume[c]!;
            sums.capacity[d]! += demand.volume[c]! * share[c]!;
          }
        });
      }
      i = j;
    }
    cells.set(n, false);
  }
  return sums;
}
