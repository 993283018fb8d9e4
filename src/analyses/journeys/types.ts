/**
 * The report of `analyzeJourneys`: one entry per need with a journey, and the demand-weighted summary
 * (docs/scorecard.md, "Journeys").
 * @module
 */

/** One need's journey, measured. */
export interface JourneyResult {
  needId: string;
  name: string;
  /** Demand weight of the journey in the summary: yearly volume times the need's weight. */
  weight: number;
  /** The services of the journey, sorted by id. */
  services: string[];
  /** Competent departments of those services, sorted by id. */
  departments: string[];
  /** Sum over steps of the fewest in-person visits any of the step's channels allows. */
  inPersonVisits: number;
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

/** The demand-weighted summary over every journey. */
export interface JourneysSummary {
  journeys: number;
  /** Sum of journey weights. */
  weight: number;
  inPersonVisits: number;
  departments: number;
  services: number;
  evidenceRequests: number;
  /** Weighted reused requests over weighted requests; 1 when no journey asks for evidence. */
  onceOnlyRate: number;
  repeatSubmissions: number;
  endToEndOnlineShare: number;
  days: number;
  /** Weighted share of journeys needing at most one in-person visit ("run at most once"). */
  atMostOneVisitShare: number;
  /** Journeys with at most one in-person visit (count). */
  atMostOneVisit: number;
}

/** The report of `analyzeJourneys`. */
export interface JourneysReport {
  /** One entry per need with a non-empty journey, sorted by need id. */
  journeys: JourneyResult[];
  summary: JourneysSummary;
}
