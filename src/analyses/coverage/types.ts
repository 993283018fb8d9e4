/**
 * The report of `scoreCoverage`: demand reached and served within capacity, overall and by need, region, segment
 * and department, with the unreached cells and the Gini coefficient of regional reach (docs/coverage.md).
 * @module
 */
import type { Measured } from "../measured.js";

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

/** What `scoreCoverage` returns. */
export interface CoverageReport {
  /** Total volume of the demand cells (cases a year). */
  demand: number;
  /**
   * Reached volume over demand (unit `demand`; records `needs`: known, the needs with demand cells; assumed, those whose
   * demand is their leaf regions' population). Null with `no_demand` when there is no demand at all.
   */
  reach: Measured;
  /** Volume reached within capacity over demand, on the same basis as `reach` (at most `reach`). */
  capacity: Measured;
  byNeed: (CoverageRow & { needId: string })[];
  byRegion: (CoverageRow & { regionId: string })[];
  bySegment: (CoverageRow & { segmentId: string | null })[];
  /** Per competent department: the demand its services are meant for, and the share of it they reach themselves. */
  byDepartment: (CoverageRow & { departmentId: string })[];
  /** Unreached cells, largest volume first. */
  gaps: CoverageGap[];
  /** Gini coefficient of regional reach, weighted by regional demand: 0 when every region is covered alike; null without demand. */
  gini: number | null;
}
