/**
 * The options and the report of `findDuplication`: findings of fragmentation, duplication and overlap (after
 * GAO-15-49SP) and near-duplicate functions, defined in docs/duplication.md.
 * @module
 */
import type { Measured } from "../measured.js";
import type { DepartmentId, FunctionId, NeedId, RegionId, SegmentId, ServiceId } from "../../schemas/ids.js";

/** The parts of the duplication report, for the `include` option. */
export type DuplicationPart = "fragmentation" | "duplication" | "overlap" | "nearDuplicateFunctions";

/** Options of `findDuplication`. */
export interface DuplicationOptions {
  /** Jaccard similarity at or above which two departments overlap. Default 0.5. */
  overlapThreshold?: number;
  /** Shingle Jaccard similarity at or above which two functions are near-duplicates. Default 0.8. */
  nearDuplicateThreshold?: number;
  /** Which duplication findings to report: same region, a region and an ancestor, or both. Default `"both"`. */
  scope?: "horizontal" | "vertical" | "both";
  /** Assignment roles that count as holding a function in fragmentation and overlap. Default both. */
  roles?: readonly ("lead" | "support")[];
  /** The parts to compute; the others are returned empty. Default all. */
  include?: readonly DuplicationPart[];
  /** Seed of the MinHash hash family. Default 1. */
  seed?: number;
}

/** A function or need whose work is split over several departments within one jurisdiction. */
export interface FragmentationFinding {
  kind: "function" | "need";
  id: FunctionId | NeedId;
  /** The jurisdiction: the region of the deepest department involved; departments of its ancestors count too. */
  regionId: RegionId;
  departmentIds: DepartmentId[];
  /** Herfindahl-Hirschman index of the departments' shares, in (0, 1]. */
  hhi: number;
  /** 1 / hhi: how many equally sized departments the split is worth. */
  effectiveNumber: number;
}

/** The same function held as lead by departments with overlapping jurisdictions. */
export interface FunctionDuplication {
  kind: "function";
  id: FunctionId;
  departmentIds: DepartmentId[];
  /** `horizontal`: the same region; `vertical`: a region and its ancestors. */
  scope: "horizontal" | "vertical";
  /** The jurisdictions of the departments. */
  regionIds: RegionId[];
}

/** Services of different departments doing the same functions for the same segments in overlapping regions. */
export interface ServiceDuplication {
  kind: "service";
  ids: ServiceId[];
  departmentIds: DepartmentId[];
  scope: "horizontal" | "vertical";
  /** The evidence: the functions and segments (empty: everyone) the services share, and the regions they serve. */
  shared: { functionIds: FunctionId[]; segmentIds: SegmentId[]; regionIds: RegionId[] };
}

/** A duplication finding. */
export type DuplicationFinding = FunctionDuplication | ServiceDuplication;

/** Two departments in overlapping jurisdictions whose functions, needs or segments are similar. */
export interface OverlapFinding {
  departmentIds: [DepartmentId, DepartmentId];
  /** Jaccard similarity of the two sets. */
  score: number;
  basis: "functions" | "needs" | "segments";
  /** The items both departments have. */
  shared: string[];
}

/**
 * A function or need held by more departments of one region than overlap compares pair by pair (100): each of them
 * was compared with the first of them only (docs/duplication.md, "Overlap").
 */
export interface OverlapHub {
  kind: "function" | "need";
  id: FunctionId | NeedId;
  regionId: RegionId;
  /** How many departments of the region hold the function or meet the need. */
  departments: number;
}

/** Two functions with different ids and near-identical names and keywords. */
export interface NearDuplicateFunction {
  functionIds: [FunctionId, FunctionId];
  /** Exact Jaccard similarity of the shingle sets. */
  similarity: number;
}

/**
 * Counts and shares of the duplication report. The counts of a part that was not computed (left out of `include`)
 * are null, and its shares null with reason `not_computed`: "not looked for" never reads as "none found".
 */
export interface DuplicationSummary {
  /** Functions in the model. */
  functions: number;
  /** Functions held by at least one department (any role). */
  heldFunctions: number;
  /** Functions with a function-duplication finding. */
  duplicatedFunctions: number | null;
  /** duplicatedFunctions / heldFunctions (unit and records `functions`; null with no_data when nothing is held). */
  duplicatedShare: Measured;
  /** Services in a service-duplication finding. */
  duplicatedServices: number | null;
  fragmentedFunctions: number | null;
  fragmentedNeeds: number | null;
  /** Held functions with a fragmentation finding / heldFunctions. */
  fragmentedShare: Measured;
  /** Numbers of findings. */
  duplication: number | null;
  fragmentation: number | null;
  overlap: number | null;
  nearDuplicateFunctions: number | null;
  /** The parts left out of `include`, in report order. */
  notComputed: DuplicationPart[];
}

/** What `findDuplication` returns: plain JSON, every list sorted. */
export interface DuplicationReport {
  fragmentation: FragmentationFinding[];
  duplication: DuplicationFinding[];
  overlap: OverlapFinding[];
  nearDuplicateFunctions: NearDuplicateFunction[];
  summary: DuplicationSummary;
  /** Present only when overlap met hubs: the items whose holders were not all compared pair by pair. */
  overlapHubs?: OverlapHub[];
}
