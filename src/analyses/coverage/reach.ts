/**
 * Reach: which demand cells a service reaches, need by need (docs/coverage.md). A cell is reached by an active
 * service that meets the need, targets the segment and serves the region, through a remote channel, or at a
 * service point within the travel cost. Cells reached by an unlimited supply need no capacity; the others keep
 * their (cell, supply, weight) pairs for the floating catchment.
 * @internal
 * @module
 */
import { GovGraphError } from "../../errors.js";
import type { ModelIndex } from "../../graph/index-model.js";
import type { WeightFunction } from "../accessibility.js";
import { f64, u32, type Column } from "../typed-column.js";
import type { DemandCells } from "./demand.js";
import type { NearPoints } from "./near-points.js";
import type { NeedCells } from "./need-cells.js";
import type { RegionRanges } from "./region-ranges.js";
import type { PointSites } from "./sites.js";
import type { Supplies } from "./supplies.js";
import { uint8s } from "../../typed-arrays.js";

/** What the passes over needs read. @internal */
export interface CoverageInputs {
  index: ModelIndex;
  demand: DemandCells;
  ranges: RegionRanges;
  cells: NeedCells;
  supplies: Supplies;
  /** Points grouped into sites: only the point standing for each site is visited. */
  sites: PointSites;
  near: NearPoints;
}

/** The cells reached, those reached without a limit, and the limited (cell, supply, weight) pairs. @internal */
export interface Reach {
  reached: Uint8Array;
  unlimited: Uint8Array;
  pairCell: Column<Uint32Array>;
  pairSupply: Column<Uint32Array>;
  pairWeight: Column<Float64Array>;
}

/** The services of the open need at each of its points, as linked lists in buffers reused from need to need. */
class PointServices {
  private readonly stamp: Int32Array;
  readonly head: Int32Array;
  readonly touched: number[] = [];
  service = new Int32Array(1024);
  next = new Int32Array(1024);

  constructor(nPoints: number) {
    this.stamp = new Int32Array(nPoints).fill(-1);
    this.head = new Int32Array(nPoints);
  }

  /**
   * Lists, for need `n`, the services at each standing point (points sorted); services reached without limit are
   * left out.
   */
  collect(input: CoverageInputs, n: number, services: readonly number[]): void {
    const { offsets, targets } = input.index.servicePoints;
    const siteOf = input.sites.siteOf;
    this.touched.length = 0;
    let links = 0;
    for (const s of services) {
      if (input.supplies.remote[s] === 1) continue; // every cell it could reach at a point is already reached without limit
      for (let q = offsets[s]!; q < offsets[s + 1]!; q++) {
        const p = targets[q]!;
        if (siteOf[p] !== p) continue; // the site's standing point stands for it
        if (this.stamp[p] !== n) {
          this.stamp[p] = n;
          this.head[p] = -1;
          this.touched.push(p);
        }
        if (links === this.service.length) this.grow();
        this.service[links] = s;
        this.next[links] = this.head[p]!;
        this.head[p] = links++;
      }
    }
    this.touched.sort((a, b) => a - b);
  }

  private grow(): void {
    const double = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.service = double(this.service);
    this.next = double(this.next);
  }
}

/** The weight of a travel cost, refused unless finite and non-negative. */
function weigher(weight: WeightFunction | undefined): (cost: number) => number {
  return (cost) => {
    const w = weight ? weight(cost) : 1;
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new GovGraphError("invalid_input", `scoreCoverage: the weight of a travel cost of ${cost} is ${String(w)}. Give the weight function a minimum cost (gravity: minCost) or use finite, non-negative weights.`);
    }
    return w;
  };
}

/** Remote channels: unlimited ones first (their cells need no capacity pairs), then the limited ones. */
function remoteReach(input: CoverageInputs, services: readonly number[], segs: Int32Array, reach: Reach, remoteWeight: number): void {
  const { cells, ranges, supplies } = input;
  const unlimitedRanges: number[] = [];
  const own: number[] = [];
  for (let gi = 0; gi < segs.length; gi++) {
    const g = segs[gi]!;
    unlimitedRanges.length = 0;
    for (const s of services) if (supplies.remote[s] === 1 && cells.matches(s, g)) ranges.rangesOf(s, unlimitedRanges);
    cells.forCells(ranges.merge(unlimitedRanges), gi, (c) => {
      reach.reached[c] = 1;
      reach.unlimited[c] = 1;
    });
    for (const s of services) {
      if (supplies.remote[s] !== 2 || !cells.matches(s, g)) continue;
      own.length = 0;
      ranges.rangesOf(s, own);
      cells.forCells(ranges.merge(own), gi, (c) => {
        reach.reached[c] = 1;
        if (reach.unlimited[c]) return;
        reach.pairCell.push(c);
        reach.pairSupply.push(supplies.remoteSupply[s]!);
        reach.pairWeight.push(remoteWeight);
      });
    }
  }
}

/** Service points: each point of the need's services reaches the cells of the regions near it that a service there serves. */
function pointReach(input: CoverageInputs, at: PointServices, segs: Int32Array, reach: Reach, weightOf: (cost: number) => number): void {
  const { cells, ranges, near, supplies } = input;
  for (const p of at.touched) {
    // A site of m points weighs m times one: every floating catchment then gives the points' own access (./sites.ts).
    const multiplicity = input.sites.points[p]!;
    for (let k = near.start[p]!; k < near.start[p + 1]!; k++) {
      const r = near.region[k]!;
      for (let gi = 0; gi < segs.length; gi++) {
        const c = cells.cell(r, gi);
        if (c < 0 || reach.unlimited[c]) continue;
        let ok = false;
        for (let l = at.head[p]!; l >= 0 && !ok; l = at.next[l]!) ok = cells.matches(at.service[l]!, segs[gi]!) && ranges.serves(at.service[l]!, r);
        if (!ok) continue;
        reach.reached[c] = 1;
        if (supplies.pointUnlimited[p]) reach.unlimited[c] = 1;
        else {
          reach.pairCell.push(c);
          reach.pairSupply.push(p);
          reach.pairWeight.push(weightOf(near.cost[k]!) * multiplicity);
        }
      }
    }
  }
}

/** Finds the cells each need's services reach, and the capacity-limited supplies each can use. @internal */
export function findReach(input: CoverageInputs, weight: WeightFunction | undefined): Reach {
  const { demand, cells } = input;
  const reach: Reach = { reached: uint8s(demand.nCells), unlimited: uint8s(demand.nCells), pairCell: u32(), pairSupply: u32(), pairWeight: f64() };
  const weightOf = weigher(weight);
  const remoteWeight = demand.nCells > 0 ? weightOf(0) : 1;
  const at = new PointServices(input.index.points.ids.length);
  for (let n = 0; n < input.index.needs.ids.length; n++) {
    if (demand.needStart[n] === demand.needStart[n + 1]) continue;
    cells.set(n, true);
    const services = cells.servicesOf(n);
    const segs = demand.needSegments[n]!;
    remoteReach(input, services, segs, reach, remoteWeight);
    at.collect(input, n, services);
    pointReach(input, at, segs, reach, weightOf);
    cells.set(n, false);
  }
  return reach;
}
