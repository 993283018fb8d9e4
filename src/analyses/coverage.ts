/**
 * Coverage
 * ========
 * Who is served, where, through which channel and with what capacity: demand cells (need, region, segment) reached by
 * an active service's remote channel or by a service point within a travel cost, with in-person capacity shared
 * out by a floating catchment (Luo & Wang 2003; see accessibility.ts) and the Gini coefficient of regional
 * coverage (demand-weighted; Gini 1912, in the weighted form of Lerman & Yitzhaki 1989).
 *
 * Work is grouped by need. Served areas are ranges of a pre-order walk of the region tree, so "the regions a service
 * serves" is a union of ranges, never a region-by-service loop; service points are found from each region
 * through the travel-cost grid (travel-costs.ts), never all pairs.
 */
import { GovGraphError } from "../errors.js";
import { indexModel, type ModelIndex } from "../graph/index-model.js";
import { compareIds } from "../model/records.js";
import type { Model } from "../schemas/model.js";
import { ChannelKind } from "../schemas/service.js";
import { _catchment, _defaultWeight, type CatchmentMethod, type WeightFunction } from "./accessibility.js";
import { travelCosts } from "./travel-costs.js";

/** Options of {@link scoreCoverage}. */
export interface CoverageOptions {
  /** A service point reaches a region when its travel cost is at most this (inclusive; minutes or km). Default 30. */
  maxCost?: number;
  /** The floating catchment that shares out point capacity. Default `"2sfca"`. */
  method?: CatchmentMethod;
  /** Distance decay of the catchment. Default: the method's (see `FLOATING_CATCHMENT_DEFAULTS`). */
  weight?: WeightFunction;
  /** Channel kinds that reach people wherever the service is offered. Default online, phone, mail, mobile. */
  channels?: readonly ChannelKind[];
  /** Count planned services as if they were active. Default false. */
  includePlanned?: boolean;
}

/** Defaults of {@link scoreCoverage}. */
export const COVERAGE_DEFAULTS = {
  maxCost: 30,
  method: "2sfca" as CatchmentMethod,
  channels: ["online", "phone", "mail", "mobile"] as readonly ChannelKind[],
  includePlanned: false,
} as const;

/** Demand (cases a year) and the shares of it that are reached and served within capacity. */
export interface CoverageRow {
  demand: number;
  /** Share of the demand reached, in [0, 1]. */
  reach: number;
  /** Share of the demand reached within capacity, in [0, 1] (at most `reach`). */
  capacity: number;
}

/** An unreached demand cell. `segmentId` is null for the demand of a need that names no segment (everyone). */
export interface CoverageGap {
  needId: string;
  regionId: string;
  segmentId: string | null;
  volume: number;
}

/** What {@link scoreCoverage} returns. */
export interface CoverageReport extends CoverageRow {
  byNeed: (CoverageRow & { needId: string })[];
  byRegion: (CoverageRow & { regionId: string })[];
  bySegment: (CoverageRow & { segmentId: string | null })[];
  /** Per competent department: the demand its services are meant for, and the share of it they reach themselves. */
  byDepartment: (CoverageRow & { departmentId: string })[];
  /** Unreached cells, largest volume first. */
  gaps: CoverageGap[];
  /** Gini coefficient of regional reach, weighted by regional demand: 0 when every region is covered alike. */
  gini: number;
}

/** Growable typed columns. */
class Column<T extends Float64Array | Int32Array | Uint32Array> {
  size = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.size === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = v;
  }
}
const f64 = (size = 1024) => new Column(new Float64Array(Math.max(16, size)), (n) => new Float64Array(n));
const u32 = (size = 1024) => new Column(new Uint32Array(Math.max(16, size)), (n) => new Uint32Array(n));

/** Pre-order positions of the region tree: the sub-regions of `r` are the positions `pos[r] .. end[r]`. */
function preorder(index: ModelIndex) {
  const n = index.regions.ids.length;
  const { parent, children } = index.regionTree;
  const pos = new Int32Array(n);
  const end = new Int32Array(n);
  const at = new Int32Array(n);
  const stack: number[] = [];
  let clock = 0;
  for (let root = 0; root < n; root++) {
    if (parent[root]! >= 0) continue;
    stack.push(root);
    while (stack.length) {
      const r = stack.pop()!;
      if (r < 0) {
        end[~r] = clock - 1;
        continue;
      }
      pos[r] = clock;
      at[clock++] = r;
      stack.push(~r);
      for (let k = children.offsets[r + 1]! - 1; k >= children.offsets[r]!; k--) stack.push(children.targets[k]!);
    }
  }
  return { pos, end, at };
}

/**
 * Sorts ranges `[start, end]` (flat pairs of integers in `[0, scale)`) and merges overlapping ones. Each range is
 * packed into one number (`start * scale + end`) and sorted in a reused typed array: no pair objects.
 */
function rangeMerger(scale: number): (flat: number[]) => number[] {
  let keys = new Float64Array(64);
  return (flat) => {
    if (flat.length <= 2) return flat;
    const count = flat.length >> 1;
    if (keys.length < count) keys = new Float64Array(Math.max(count, keys.length * 2));
    for (let k = 0; k < count; k++) keys[k] = flat[2 * k]! * scale + flat[2 * k + 1]!;
    const sorted = keys.subarray(0, count).sort();
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      const a = Math.floor(sorted[k]! / scale);
      const b = sorted[k]! - a * scale;
      const last = out.length - 1;
      if (last > 0 && a <= out[last]! + 1) out[last] = Math.max(out[last]!, b);
      else out.push(a, b);
    }
    return out;
  };
}

/**
 * Demand cells, grouped by need: region, segment (-1: everyone) and volume of each, the first cell of each need, the
 * segments of each need's cells and the most segments of a need. Module-level (not a closure of scoreCoverage) so
 * that V8 keeps its optimised code from one call to the next.
 */
function demandCells(model: Model, index: ModelIndex, leaves: readonly number[]) {
  const nRegions = index.regions.ids.length;
  const nSegments = index.segments.ids.length;
  const nNeeds = index.needs.ids.length;
  let expected = 0;
  for (const need of model.needs) expected += (need.demand?.length || leaves.length) * Math.max(1, need.segmentIds.length);
  // Cells in plain typed arrays: `expected` bounds their number.
  const region = new Int32Array(expected);
  const segment = new Int32Array(expected);
  const volume = new Float64Array(expected);
  let cells = 0;
  const needStart = new Uint32Array(nNeeds + 1);
  const needSegments: Int32Array[] = [];
  let maxSegments = 1;
  // The cell of each (region, segment) key within the current need: valid where `slotNeed` holds the need.
  const slot = new Int32Array(nRegions * (nSegments + 1));
  const slotNeed = new Int32Array(nRegions * (nSegments + 1)).fill(-1);
  for (let n = 0; n < nNeeds; n++) {
    const need = model.needs[n]!;
    const own = [...new Set(need.segmentIds.map((id) => index.segments.of.get(id)!))].sort((a, b) => a - b);
    const split = own.length ? own : [-1];
    if (need.demand && need.demand.length > 0) {
      for (const d of need.demand) {
        const r = index.regions.of.get(d.regionId)!;
        const one = d.segmentId !== undefined;
        for (let k = 0; k < (one ? 1 : split.length); k++) {
          const g = one ? index.segments.of.get(d.segmentId!)! : split[k]!;
          const v = one ? d.volume : d.volume / split.length;
          if (!(v > 0)) continue;
          const key = r * (nSegments + 1) + g + 1;
          if (slotNeed[key] !== n) {
            slotNeed[key] = n;
            slot[key] = cells;
            region[cells] = r;
            segment[cells] = g;
            volume[cells++] = v;
          } else volume[slot[key]!]! += v;
        }
      }
    } else {
      for (const r of leaves) {
        const v = model.regions[r]!.population! / split.length;
        for (const g of split) {
          region[cells] = r;
          segment[cells] = g;
          volume[cells++] = v;
        }
      }
    }
    needStart[n + 1] = cells;
    // The need's cell segments: its own (or everyone) for population cells; explicit demand may name others.
    const segs = new Set<number>(split);
    if (need.demand && need.demand.length > 0) {
      segs.clear();
      for (let c = needStart[n]!; c < needStart[n + 1]!; c++) segs.add(segment[c]!);
    }
    needSegments.push(Int32Array.from([...segs].sort((a, b) => a - b)));
    maxSegments = Math.max(maxSegments, segs.size);
  }
  return { region, segment, volume, nCells: cells, needStart, needSegments, maxSegments };
}

/** Demand, reach and capacity summed overall and by need, region and segment, with the unreached cells. */
function totals(
  index: ModelIndex,
  needStart: Uint32Array,
  region: Int32Array,
  segment: Int32Array,
  volume: Float64Array,
  reached: Uint8Array,
  share: Float64Array,
) {
  const nNeeds = index.needs.ids.length;
  const sums = (size: number) => ({ demand: new Float64Array(size), reach: new Float64Array(size), capacity: new Float64Array(size) });
  const byNeed = sums(nNeeds);
  const byRegion = sums(index.regions.ids.length);
  const bySegment = sums(index.segments.ids.length + 1);
  let demand = 0;
  let reach = 0;
  let capacity = 0;
  const gaps: CoverageGap[] = [];
  for (let n = 0; n < nNeeds; n++) {
    for (let c = needStart[n]!; c < needStart[n + 1]!; c++) {
      const v = volume[c]!;
      const r = region[c]!;
      const g = segment[c]! + 1;
      const hit = reached[c] ? v : 0;
      const cap = v * share[c]!;
      demand += v;
      reach += hit;
      capacity += cap;
      byNeed.demand[n]! += v;
      byNeed.reach[n]! += hit;
      byNeed.capacity[n]! += cap;
      byRegion.demand[r]! += v;
      byRegion.reach[r]! += hit;
      byRegion.capacity[r]! += cap;
      bySegment.demand[g]! += v;
      bySegment.reach[g]! += hit;
      bySegment.capacity[g]! += cap;
      if (!reached[c]) {
        gaps.push({ needId: index.needs.ids[n]!, regionId: index.regions.ids[r]!, segmentId: g === 0 ? null : index.segments.ids[g - 1]!, volume: v });
      }
    }
  }
  return { byNeed, byRegion, bySegment, demand, reach, capacity, gaps };
}

/**
 * The share of each cell's demand served within capacity: 1 where an unlimited supply reaches it, else the floating
 * catchment of the limited supplies (`pairs`: cell, supply, weight) over the cells without an unlimited way in.
 */
function capacityShares(
  method: CatchmentMethod,
  nCells: number,
  volume: Float64Array,
  reached: Uint8Array,
  unlimited: Uint8Array,
  supply: Float64Array,
  pairCell: Column<Uint32Array>,
  pairSupply: Column<Uint32Array>,
  pairWeight: Column<Float64Array>,
): Float64Array {
  const P = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) P[c] = unlimited[c] ? 0 : volume[c]!;
  const count = pairCell.size;
  const inReach = new Uint8Array(count);
  for (let k = 0; k < count; k++) inReach[k] = pairWeight.data[k]! > 0 ? 1 : 0;
  const A = _catchment(method, P, supply, { count, from: pairCell.data, to: pairSupply.data, w: pairWeight.data, inReach });
  const share = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) share[c] = !reached[c] ? 0 : unlimited[c] ? 1 : Number.isNaN(A[c]!) ? 0 : Math.min(1, A[c]!);
  return share;
}

function checkOptions(options: CoverageOptions) {
  const fail = (what: string, fix: string): never => {
    throw new GovGraphError("invalid_input", `scoreCoverage: ${what}. ${fix}.`);
  };
  const maxCost = options.maxCost ?? COVERAGE_DEFAULTS.maxCost;
  if (typeof maxCost !== "number" || Number.isNaN(maxCost) || maxCost < 0) fail(`maxCost is ${String(maxCost)}`, "Use a non-negative number");
  const method = options.method ?? COVERAGE_DEFAULTS.method;
  if (!["2sfca", "e2sfca", "3sfca", "gravity"].includes(method)) fail(`method "${String(method)}" is unknown`, "Use 2sfca, e2sfca, 3sfca or gravity");
  const channels = options.channels ?? COVERAGE_DEFAULTS.channels;
  for (const kind of channels) {
    if (!ChannelKind.safeParse(kind).success) fail(`channel kind "${String(kind)}" is unknown`, `Use ${ChannelKind.options.join(", ")}`);
  }
  return { maxCost, method, channels: new Set<string>(channels), includePlanned: options.includePlanned ?? COVERAGE_DEFAULTS.includePlanned, weight: options.weight ?? _defaultWeight(method) };
}

/**
 * Scores how far the services reach the demand for each need: by need, region, segment and department, with the
 * unreached cells (gaps) and the Gini coefficient of regional coverage.
 * @example
 * const { reach, gaps } = scoreCoverage(model, { maxCost: 30 });
 * gaps[0] // { needId: "n-birth", regionId: "r-hills", segmentId: "s-families", volume: 410 }
 */
export function scoreCoverage(model: Model, options: CoverageOptions = {}): CoverageReport {
  const opts = checkOptions(options);
  const index = indexModel(model);
  const nRegions = index.regions.ids.length;
  const nSegments = index.segments.ids.length;
  const nServices = index.services.ids.length;
  const nPoints = index.points.ids.length;
  const nNeeds = index.needs.ids.length;
  const tree = preorder(index);
  const { pos, end, at } = tree;
  const mergeRanges = rangeMerger(Math.max(1, nRegions));

  // Demand cells, grouped by need: need, region, segment (-1: everyone), volume.
  const isLeaf = (r: number) => index.regionTree.children.offsets[r + 1] === index.regionTree.children.offsets[r];
  const leaves: number[] = [];
  for (let r = 0; r < nRegions; r++) if (isLeaf(r) && (model.regions[r]!.population ?? 0) > 0) leaves.push(r);
  const { region, segment, volume, nCells, needStart, needSegments, maxSegments } = demandCells(model, index, leaves);

  // Services: which count, and how they reach people remotely.
  const active = new Uint8Array(nServices);
  const remote = new Uint8Array(nServices); // 1: a remote channel with unlimited capacity, 2: limited ones only
  const remoteSupply = new Int32Array(nServices).fill(-1);
  const supplyValue = f64();
  const pointUnlimited = new Uint8Array(nPoints);
  model.servicePoints.forEach((p, k) => {
    if (p.capacity === undefined) pointUnlimited[k] = 1;
    supplyValue.push(p.capacity ?? 0);
  });
  model.services.forEach((s, k) => {
    const status = s.status ?? "active";
    active[k] = status === "active" || (status === "planned" && opts.includePlanned) ? 1 : 0;
    let limited = 0;
    for (const ch of s.channels) {
      if (!opts.channels.has(ch.kind)) continue;
      if (ch.capacity === undefined) remote[k] = 1;
      else limited += ch.capacity;
    }
    if (remote[k] !== 1 && s.channels.some((ch) => opts.channels.has(ch.kind))) {
      remote[k] = 2;
      remoteSupply[k] = supplyValue.size;
      supplyValue.push(limited);
    }
  });
  const serves = (s: number, r: number) => {
    for (let k = index.serviceRegions.offsets[s]!; k < index.serviceRegions.offsets[s + 1]!; k++) {
      const a = index.serviceRegions.targets[k]!;
      if (pos[a]! <= pos[r]! && pos[r]! <= end[a]!) return true;
    }
    return false;
  };
  const matches = (s: number, g: number) => {
    const o0 = index.serviceSegments.offsets[s]!;
    const o1 = index.serviceSegments.offsets[s + 1]!;
    if (o0 === o1) return true;
    if (g < 0) return false;
    for (let k = o0; k < o1; k++) if (index.serviceSegments.targets[k] === g) return true;
    return false;
  };
  const rangesOf = (s: number, into: number[]) => {
    for (let k = index.serviceRegions.offsets[s]!; k < index.serviceRegions.offsets[s + 1]!; k++) {
      const a = index.serviceRegions.targets[k]!;
      into.push(pos[a]!, end[a]!);
    }
  };

  // Points near each region with demand, and its reverse (regions near each point).
  const wanted = new Uint8Array(nRegions);
  for (let c = 0; c < nCells; c++) wanted[region[c]!] = 1;
  const near = travelCosts(index, { maxCost: opts.maxCost, regions: wanted });
  const pointNear = new Uint32Array(nPoints + 1);
  for (let k = 0; k < near.points.length; k++) pointNear[near.points[k]! + 1]!++;
  for (let p = 0; p < nPoints; p++) pointNear[p + 1]! += pointNear[p]!;
  const nearRegion = new Uint32Array(near.points.length);
  const nearCost = new Float64Array(near.points.length);
  {
    const cursor = pointNear.slice(0, nPoints);
    for (let r = 0; r < nRegions; r++) {
      for (let k = near.offsets[r]!; k < near.offsets[r + 1]!; k++) {
        const at = cursor[near.points[k]!]!++;
        nearRegion[at] = r;
        nearCost[at] = near.costs[k]!;
      }
    }
  }

  const cellAt = new Int32Array(nRegions * maxSegments).fill(-1);
  const segmentSlot = new Int32Array(nSegments + 1);
  const setCells = (n: number, on: boolean) => {
    needSegments[n]!.forEach((g, gi) => (segmentSlot[g + 1] = gi));
    for (let c = needStart[n]!; c < needStart[n + 1]!; c++) {
      cellAt[region[c]! * maxSegments + segmentSlot[segment[c]! + 1]!] = on ? c : -1;
    }
  };
  const servicesOf = (n: number) => Array.from(index.needServices.targets.subarray(index.needServices.offsets[n]!, index.needServices.offsets[n + 1]!)).filter((s) => active[s]);
  const forCells = (merged: number[], gi: number, visit: (c: number) => void) => {
    for (let k = 0; k < merged.length; k += 2) {
      for (let q = merged[k]!; q <= merged[k + 1]!; q++) {
        const c = cellAt[at[q]! * maxSegments + gi]!;
        if (c >= 0) visit(c);
      }
    }
  };

  // Phase 1: which cells are reached, and the capacity-limited supplies each can use.
  const reached = new Uint8Array(nCells);
  const unlimited = new Uint8Array(nCells);
  const pairCell = u32();
  const pairSupply = u32();
  const pairWeight = f64();
  const weightOf = (cost: number) => {
    const w = opts.weight ? opts.weight(cost) : 1;
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new GovGraphError("invalid_input", `scoreCoverage: the weight of a travel cost of ${cost} is ${String(w)}. Give the weight function a minimum cost (gravity: minCost) or use finite, non-negative weights.`);
    }
    return w;
  };
  const remoteWeight = nCells > 0 ? weightOf(0) : 1;
  const pointStamp = new Int32Array(nPoints).fill(-1);
  const pointHead = new Int32Array(nPoints);
  const touched: number[] = [];
  const grow = (a: Int32Array) => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  const unlimitedRanges: number[] = [];
  const own: number[] = [];
  let linkService = new Int32Array(1024);
  let linkNext = new Int32Array(1024);
  for (let n = 0; n < nNeeds; n++) {
    if (needStart[n] === needStart[n + 1]) continue;
    setCells(n, true);
    const services = servicesOf(n);
    const segs = needSegments[n]!;
    // Unlimited remote channels first: the cells they reach need no capacity pairs at all.
    for (let gi = 0; gi < segs.length; gi++) {
      const g = segs[gi]!;
      unlimitedRanges.length = 0;
      for (const s of services) if (remote[s] === 1 && matches(s, g)) rangesOf(s, unlimitedRanges);
      forCells(mergeRanges(unlimitedRanges), gi, (c) => {
        reached[c] = 1;
        unlimited[c] = 1;
      });
      for (const s of services) {
        if (remote[s] !== 2 || !matches(s, g)) continue;
        own.length = 0;
        rangesOf(s, own);
        forCells(mergeRanges(own), gi, (c) => {
          reached[c] = 1;
          if (unlimited[c]) return;
          pairCell.push(c);
          pairSupply.push(remoteSupply[s]!);
          pairWeight.push(remoteWeight);
        });
      }
    }
    // The need's services at each of its points, from the services' side (a one-stop centre offers hundreds):
    // linked lists per point, in reused buffers.
    touched.length = 0;
    let links = 0;
    for (const s of services) {
      if (remote[s] === 1) continue; // every cell it could reach at a point is already reached without limit
      for (let q = index.servicePoints.offsets[s]!; q < index.servicePoints.offsets[s + 1]!; q++) {
        const p = index.servicePoints.targets[q]!;
        if (pointStamp[p] !== n) {
          pointStamp[p] = n;
          pointHead[p] = -1;
          touched.push(p);
        }
        if (links === linkService.length) {
          linkService = grow(linkService);
          linkNext = grow(linkNext);
        }
        linkService[links] = s;
        linkNext[links] = pointHead[p]!;
        pointHead[p] = links++;
      }
    }
    touched.sort((a, b) => a - b);
    for (const p of touched) {
      for (let k = pointNear[p]!; k < pointNear[p + 1]!; k++) {
        const r = nearRegion[k]!;
        for (let gi = 0; gi < segs.length; gi++) {
          const c = cellAt[r * maxSegments + gi]!;
          if (c < 0 || unlimited[c]) continue;
          let ok = false;
          for (let l = pointHead[p]!; l >= 0 && !ok; l = linkNext[l]!) ok = matches(linkService[l]!, segs[gi]!) && serves(linkService[l]!, r);
          if (!ok) continue;
          reached[c] = 1;
          if (pointUnlimited[p]) unlimited[c] = 1;
          else {
            pairCell.push(c);
            pairSupply.push(p);
            pairWeight.push(weightOf(nearCost[k]!));
          }
        }
      }
    }
    setCells(n, false);
  }

  // Capacity: a floating catchment of the limited supplies over the cells that have no unlimited way in.
  const share = capacityShares(opts.method, nCells, volume, reached, unlimited, supplyValue.data.subarray(0, supplyValue.size), pairCell, pairSupply, pairWeight);

  // Phase 2: departments, each credited with the demand its services are meant for and the part they reach.
  const nDepartments = index.departments.ids.length;
  const deptDemand = new Float64Array(nDepartments);
  const deptReach = new Float64Array(nDepartments);
  const deptCapacity = new Float64Array(nDepartments);
  const deptSeen = new Uint8Array(nDepartments);
  const mark = new Int32Array(nCells).fill(-1);
  let run = 0;
  const eligible: number[] = [];
  const open: number[] = [];
  for (let n = 0; n < nNeeds; n++) {
    if (needStart[n] === needStart[n + 1]) continue;
    setCells(n, true);
    const segs = needSegments[n]!;
    const services = servicesOf(n).sort((a, b) => index.serviceDepartment[a]! - index.serviceDepartment[b]! || a - b);
    for (let i = 0; i < services.length; ) {
      const d = index.serviceDepartment[services[i]!]!;
      let j = i;
      while (j < services.length && index.serviceDepartment[services[j]!] === d) j++;
      for (let gi = 0; gi < segs.length; gi++) {
        const g = segs[gi]!;
        const id = run++;
        eligible.length = 0;
        open.length = 0;
        for (let t = i; t < j; t++) {
          const s = services[t]!;
          if (!matches(s, g)) continue;
          rangesOf(s, eligible);
          if (remote[s]) {
            // A remote channel reaches every cell the service is for: its points add nothing.
            rangesOf(s, open);
            continue;
          }
          for (let q = index.servicePoints.offsets[s]!; q < index.servicePoints.offsets[s + 1]!; q++) {
            const p = index.servicePoints.targets[q]!;
            for (let k = pointNear[p]!; k < pointNear[p + 1]!; k++) {
              const c = cellAt[nearRegion[k]! * maxSegments + gi]!;
              if (c >= 0 && serves(s, nearRegion[k]!)) mark[c] = id;
            }
          }
        }
        if (eligible.length === 0) continue;
        forCells(mergeRanges(open), gi, (c) => (mark[c] = id));
        deptSeen[d] = 1;
        forCells(mergeRanges(eligible), gi, (c) => {
          deptDemand[d]! += volume[c]!;
          if (mark[c] === id) {
            deptReach[d]! += volume[c]!;
            deptCapacity[d]! += volume[c]! * share[c]!;
          }
        });
      }
      i = j;
    }
    setCells(n, false);
  }

  const { byNeed, byRegion, bySegment, demand, reach, capacity, gaps } = totals(index, needStart, region, segment, volume, reached, share);
  const ratio = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 1);
  const rows = <K extends string, I>(key: K, ids: readonly I[], s: { demand: Float64Array; reach: Float64Array; capacity: Float64Array }, keep: (i: number) => boolean) =>
    ids
      .map((id, i) => ({ id, i }))
      .filter(({ i }) => keep(i))
      .map(({ id, i }) => ({ [key]: id, demand: s.demand[i]!, reach: ratio(s.reach[i]!, s.demand[i]!), capacity: ratio(s.capacity[i]!, s.demand[i]!) }) as { [k in K]: I } & CoverageRow);
  const byId = <R>(get: (row: R) => string | null) => (a: R, b: R) => {
    const x = get(a);
    const y = get(b);
    return x === y ? 0 : x === null ? -1 : y === null ? 1 : compareIds(x, y);
  };
  const regionRows = rows("regionId", index.regions.ids, byRegion, (i) => byRegion.demand[i]! > 0).sort(byId((r) => r.regionId));
  gaps.sort(
    (a, b) =>
      b.volume - a.volume ||
      compareIds(a.needId, b.needId) ||
      compareIds(a.regionId, b.regionId) ||
      byId<CoverageGap>((x) => x.segmentId)(a, b),
  );
  return {
    demand,
    reach: ratio(reach, demand),
    capacity: ratio(capacity, demand),
    byNeed: rows("needId", index.needs.ids, byNeed, (i) => byNeed.demand[i]! > 0).sort(byId((r) => r.needId)),
    byRegion: regionRows,
    bySegment: rows("segmentId", [null, ...index.segments.ids], bySegment, (i) => bySegment.demand[i]! > 0).sort(byId((r) => r.segmentId)),
    byDepartment: rows("departmentId", index.departments.ids, { demand: deptDemand, reach: deptReach, capacity: deptCapacity }, (i) => deptSeen[i] === 1 && deptDemand[i]! > 0).sort(
      byId((r) => r.departmentId),
    ),
    gaps,
    gini: weightedGini(regionRows.map((r) => r.reach), regionRows.map((r) => r.demand)),
  };
}

/** The Gini coefficient of values `x` weighted by `w`: sum_ij w_i w_j |x_i - x_j| / (2 W^2 mean); 0 when the mean is 0. */
function weightedGini(x: readonly number[], w: readonly number[]): number {
  const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]!);
  let total = 0;
  let mean = 0;
  for (let i = 0; i < x.length; i++) {
    total += w[i]!;
    mean += w[i]! * x[i]!;
  }
  if (total <= 0 || mean <= 0) return 0;
  mean /= total;
  // With x sorted ascending, sum_ij w_i w_j |x_i - x_j| = 2 sum_i w_i (x_i W_<i - X_<i).
  let below = 0;
  let belowX = 0;
  let sum = 0;
  for (const i of order) {
    sum += w[i]! * (x[i]! * below - belowX);
    below += w[i]!;
    belowX += w[i]! * x[i]!;
  }
  return sum / (total * total * mean);
}
