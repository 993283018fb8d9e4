/**
 * Coverage
 * ========
 * Who is served, where, through which channel and with what capacity: demand cells (need, region, segment) reached by
 * an active service's remote channel or by a service point within a travel cost, with in-person capacity shared
 * out by a floating catchment (Luo & Wang 2003; see accessibility.ts) and the Gini coefficient of regional
 * coverage (demand-weighted; Gini 1912, in the weighted form of Lerman & Yitzhaki 1989). Definitions:
 * docs/coverage.md.
 *
 * Work is grouped by need. Served areas are ranges of a pre-order walk of the region tree, so "the regions a service
 * serves" is a union of ranges, never a region-by-service loop; service points are found from each region
 * through the travel-cost grid (travel-costs.ts), never all pairs.
 * @module
 */
import { indexModel, type ModelIndex } from "../../graph/index-model.js";
import { inRange, isFunction, listOf, oneOf, resolveOptions } from "../../options.js";
import type { Model } from "../../schemas/model.js";
import { ChannelKind } from "../../schemas/service.js";
import { defaultWeight, type CatchmentMethod, type WeightFunction } from "../accessibility.js";
import { REMOTE_CHANNELS } from "../service-channels.js";
import { capacityShares } from "./capacity.js";
import { demandCells } from "./demand.js";
import { departmentSums } from "./departments.js";
import { nearPoints } from "./near-points.js";
import { NeedCells } from "./need-cells.js";
import { keepParts, PriorParts, type CoverageParts, type ResolvedCoverageOptions } from "./kept-parts.js";
import { findReach, type CoverageInputs } from "./reach.js";
import { RegionRanges } from "./region-ranges.js";
import { pointSites, siteCapacities } from "./sites.js";
import { supplies } from "./supplies.js";
import { copyTotals, coverageReport, coverageTotals } from "./totals.js";
import type { CoverageReport } from "./types.js";
import { requireModel } from "../../model/require-model.js";

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

/** Defaults of {@link scoreCoverage}; `weight` has none of its own (the method's is used). */
export const COVERAGE_DEFAULTS = {
  maxCost: 30,
  method: "2sfca" as CatchmentMethod,
  weight: undefined as WeightFunction | undefined,
  channels: [...REMOTE_CHANNELS] as readonly ChannelKind[],
  includePlanned: false,
} as const;

const RULES = {
  maxCost: inRange(0, Infinity),
  method: oneOf(["2sfca", "e2sfca", "3sfca", "gravity"]),
  weight: isFunction,
  channels: listOf(ChannelKind.options),
};

/**
 * Scores how far the services reach the demand for each need: by need, region, segment and department, with the
 * unreached cells (gaps) and the Gini coefficient of regional coverage.
 * @example
 * const { reach, gaps } = scoreCoverage(model, { maxCost: 30 });
 * gaps[0] // { needId: "n-birth", regionId: "r-hills", segmentId: "s-families", volume: 410 }
 */
export function scoreCoverage(model: Model, options: CoverageOptions = {}): CoverageReport {
  model = requireModel("scoreCoverage", model);
  const o = resolveOptions<CoverageOptions & typeof COVERAGE_DEFAULTS>(COVERAGE_DEFAULTS, options, "scoreCoverage", RULES);
  const index = indexModel(model);
  const parts = coverageParts(model, index, o, PriorParts.of(model, o));
  keepParts(model, parts);
  // The totals are kept with the parts (and may be the base's): the report gets a copy, so what is kept stays as it was.
  return coverageReport(index, copyTotals(parts.totals), parts.sums);
}

/** Computes the parts of coverage, taking over those of the base model that `prior` can lend. */
function coverageParts(model: Model, index: ModelIndex, o: ResolvedCoverageOptions, prior: PriorParts | undefined): CoverageParts {
  const kept = prior?.demand();
  // Cells of this model come with room for the capacity shares; the base model's keep theirs (its shares) as they are.
  const made = kept ? undefined : demandCells(model, index);
  const demand = kept ?? made!.cells;
  const wanted = new Uint8Array(index.regions.ids.length);
  for (let c = 0; c < demand.nCells; c++) wanted[demand.region[c]!] = 1;
  const ranges = new RegionRanges(index);
  const sites = prior?.sites() ?? pointSites(model, index);
  let served = prior?.served();
  if (!served) {
    served = supplies(model, { channels: new Set<string>(o.channels), includePlanned: o.includePlanned });
    siteCapacities(sites, served.capacity);
  }
  const cells = new NeedCells(index, demand, ranges, served.active);
  const input: CoverageInputs = { index, demand, ranges, cells, supplies: served, sites, near: nearPoints(index, wanted, o.maxCost, sites) };
  const dirty = prior?.keptReach(index, demand, served, input.near);
  if (prior && dirty) {
    const sums = departmentSums(input, prior.parts.share, dirty);
    prior.fillSums(sums, dirty);
    return { ...prior.parts, options: o, demand, sites, served, sums };
  }
  const reach = findReach(input, o.weight ?? defaultWeight(o.method));
  // Capacity: a floating catchment of the limited supplies over the cells that have no unlimited way in.
  const share = capacityShares(o.method, demand.volume, reach, served.capacity, made?.room);
  const totals = coverageTotals(index, demand, reach.reached, share);
  return { options: o, demand, sites, served, near: input.near, reach, share, sums: departmentSums(input, share), totals };
}
