/**
 * The report of `analyzeJourneys`: one entry per need with a journey, and the demand-weighted summary
 * (docs/scorecard.md, "Journeys").
 * @module
 */
import type { Measured } from "../measured.js";

/** One need's journey, measured. */
export interface JourneyResult {
  needId: string;
  name: string;
  /** Demand weight of the journey in the summary: `volume` times the need's weight. */
  weight: number;
  /** Cases a year: the need's demand, else the population of the leaf regions, else (when neither is above 0) 1. */
  volume: number;
  /** Where `volume` comes from; `population` and `default` are documented defaults (counted as assumed in the summary). */
  volumeFrom: "demand" | "population" | "default";
  /** The services of the journey, sorted by id. */
  services: string[];
  /** Competent departments of those services, sorted by id. */
  departments: string[];
  /** Sum over steps of the fewest in-person visits any of the step's channels allows. */
  inPersonVisits: number;
  /** Steps whose service has no channel: they count `visitsWithoutChannel` visits and are not online end to end. */
  stepsWithoutChannel: number;
  /** Evidence requirements over all steps (an evidence type asked by two steps counts twice). */
  evidenceRequests: number;
  citizenSupplied: number;
  reused: number;
  /** `reused / evidenceRequests`, or null when the journey asks for no evidence. */
  onceOnlyRate: number | null;
  /** Citizen-supplied requests beyond the first for the same evidence type. */
  repeatSubmissions: number;
  /** Evidence types the citizen supplies more than once, sorted by id. */
  repeatedEvidence: string[];
  /** Share of steps whose service has an end-to-end online or mobile channel. */
  endToEndOnlineShare: number;
  /** Days along the critical path. */
  days: number;
  /** The steps of the critical path, first to last. */
  criticalPath: string[];
}

/**
 * The demand-weighted summary over every journey. Means are null when no need has a journey. In the shares, `known`
 * counts the journeys that carry the data (every step has a channel; for `onceOnlyRate`, the journey asks for
 * evidence) and `assumed` those where a default stood in (a step without a channel, a volume from population or 1).
 */
export interface JourneysSummary {
  journeys: number;
  /** Sum of journey weights. */
  weight: number;
  inPersonVisits: number | null;
  departments: number | null;
  services: number | null;
  evidenceRequests: number | null;
  /** Reused requests over requests, weighted by demand (unit `weighted requests`); null when no journey asks for evidence. */
  onceOnlyRate: Measured;
  repeatSubmissions: number | null;
  /** Demand-weighted mean share of steps online end to end (unit `demand`). */
  endToEndOnlineShare: Measured;
  days: number | null;
  /** Demand-weighted share of journeys needing at most one in-person visit, "run at most once" (unit `demand`). */
  atMostOneVisitShare: Measured;
  /** Journeys with at most one in-person visit (count). */
  atMostOneVisit: number;
}

/** The report of `analyzeJourneys`. */
export interface JourneysReport {
  /** One entry per need with a non-empty journey, sorted by need id. */
  journeys: JourneyResult[];
  summary: JourneysSummary;
}
