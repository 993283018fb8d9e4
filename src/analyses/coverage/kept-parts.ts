/**
 * Coverage of an edited model from its base's: each part of the computation (demand cells, sites, supplies, reach
 * and capacity, department sums) is kept with the validated model it was computed for, and taken over for a model
 * made from it (lineage.ts) when what that part reads is the same: the same frozen collections, and the same rows
 * of the index for every service whose record, or whose department's record, changed (docs/scenarios.md, "What-if").
 * @internal
 * @module
 */
import { indexModel, type ModelIndex } from "../../graph/index-model.js";
import { baseOf, collectionDiff, sameFields } from "../../model/lineage.js";
import { isValidatedModel } from "../../model/validated.js";
import type { CollectionName, Model } from "../../schemas/model.js";
import type { ChannelKind } from "../../schemas/service.js";
import type { CatchmentMethod, WeightFunction } from "../accessibility.js";
import type { DemandCells } from "./demand.js";
import type { DepartmentSums } from "./departments.js";
import type { NearPoints } from "./near-points.js";
import type { Reach } from "./reach.js";
import type { PointSites } from "./sites.js";
import type { Supplies } from "./supplies.js";
import type { CoverageTotals } from "./totals.js";

/** The options of `scoreCoverage` with every default filled in (but `weight`). @internal */
export interface ResolvedCoverageOptions {
  maxCost: number;
  method: CatchmentMethod;
  weight?: WeightFunction;
  channels: readonly ChannelKind[];
  includePlanned: boolean;
}

/** The parts of one coverage computation (none of them is changed once computed). @internal */
export interface CoverageParts {
  options: ResolvedCoverageOptions;
  demand: DemandCells;
  sites: PointSites;
  /** The supplies, with each site's capacities added up. */
  served: Supplies;
  near: NearPoints;
  reach: Reach;
  share: Float64Array;
  sums: DepartmentSums;
  /** The report's parts read from the cells (kept private: reports get copies). */
  totals: CoverageTotals;
}

/** The service fields supplies read. */
const SUPPLY_FIELDS = ["status", "channels"];

const kept = new WeakMap<Model, CoverageParts>();

/** Keeps the parts computed for a validated model. @internal */
export function keepParts(model: Model, parts: CoverageParts): void {
  if (isValidatedModel(model)) kept.set(model, parts);
}

const sameOptions = (a: ResolvedCoverageOptions, b: ResolvedCoverageOptions) =>
  a.maxCost === b.maxCost && a.method === b.method && a.weight === b.weight && a.includePlanned === b.includePlanned && a.channels.length === b.channels.length && a.channels.every((c, i) => b.channels[i] === c);

/** What the base model's computation lends to this one: which parts can be taken over, and a way to the rest. @internal */
export class PriorParts {
  private constructor(
    private readonly model: Model,
    private readonly base: Model,
    readonly parts: CoverageParts,
  ) {}

  /** The parts of the model `model` was made from, computed with the same options, if kept. */
  static of(model: Model, options: ResolvedCoverageOptions): PriorParts | undefined {
    const base = baseOf(model);
    const parts = base && kept.get(base);
    return parts && sameOptions(parts.options, options) ? new PriorParts(model, base!, parts) : undefined;
  }

  private same(...collections: CollectionName[]): boolean {
    return collections.every((c) => this.model[c] === this.base[c]);
  }

  /** The demand cells, when needs, regions and segments are the same. */
  demand(): DemandCells | undefined {
    return this.same("needs", "regions", "segments") ? this.parts.demand : undefined;
  }

  /** The sites, when service points, regions and travel costs are the same. */
  sites(): PointSites | undefined {
    return this.same("servicePoints", "regions", "travelCosts") ? this.parts.sites : undefined;
  }

  /** The supplies, when the sites are kept and every service kept its position, status and channels. */
  served(): Supplies | undefined {
    return this.sites() && sameFields(this.model, this.base, "services", SUPPLY_FIELDS) ? this.parts.served : undefined;
  }

  /**
   * The services whose index rows may differ from the base's (edited ones, and those of departments edited or
   * removed), when every service kept its position.
   */
  private touchedServices(index: ModelIndex, baseIndex: ModelIndex): number[] {
    const touched = new Set(collectionDiff(this.model, this.base, "services").changed);
    const departments = collectionDiff(this.model, this.base, "departments");
    const add = (at: ModelIndex, d: number) => {
      const { offsets, targets } = at.departmentServices;
      for (let k = offsets[d]!; k < offsets[d + 1]!; k++) touched.add(targets[k]!);
    };
    for (const d of departments.changed) add(index, d);
    for (const d of departments.dropped) add(baseIndex, d);
    return [...touched];
  }

  /**
   * The departments (of `index`) whose sums must be computed again, when reach and capacity can be kept: demand,
   * supplies and near points kept, and every touched service with the same needs, segments, regions and points.
   */
  keptReach(index: ModelIndex, demand: DemandCells, served: Supplies, near: NearPoints): Uint8Array | undefined {
    if (demand !== this.parts.demand || served !== this.parts.served || near !== this.parts.near) return undefined;
    const baseIndex = indexModel(this.base);
    const touched = this.touchedServices(index, baseIndex);
    const rows = ["serviceNeeds", "serviceSegments", "serviceRegions", "servicePoints"] as const;
    if (!touched.every((s) => rows.every((r) => sameRow(index[r], baseIndex[r], s)))) return undefined;
    const departments = collectionDiff(this.model, this.base, "departments");
    const dirty = new Uint8Array(index.departments.ids.length);
    departments.from.forEach((b, d) => (dirty[d] = b < 0 ? 1 : 0));
    for (const s of touched) {
      dirty[index.serviceDepartment[s]!] = 1;
      const d = departments.to[baseIndex.serviceDepartment[s]!]!;
      if (d >= 0) dirty[d] = 1;
    }
    return dirty;
  }

  /** The sums of the departments not marked `dirty`, copied from the base's into `sums`. */
  fillSums(sums: DepartmentSums, dirty: Uint8Array): void {
    const { from } = collectionDiff(this.model, this.base, "departments");
    const before = this.parts.sums;
    for (let d = 0; d < dirty.length; d++) {
      if (dirty[d]) continue;
      const b = from[d]!;
      sums.demand[d] = before.demand[b]!;
      sums.reach[d] = before.reach[b]!;
      sums.capacity[d] = before.capacity[b]!;
      sums.seen[d] = before.seen[b]!;
    }
  }
}

/** True when row `i` holds the same targets in both relations. */
function sameRow(a: { offsets: Uint32Array; targets: Uint32Array }, b: { offsets: Uint32Array; targets: Uint32Array }, i: number): boolean {
  const start = a.offsets[i]!;
  const length = a.offsets[i + 1]! - start;
  if (b.offsets[i + 1]! - b.offsets[i]! !== length) return false;
  for (let k = 0; k < length; k++) if (a.targets[start + k] !== b.targets[b.offsets[i]! + k]) return false;
  return true;
}
