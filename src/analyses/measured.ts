/**
 * Measured values
 * ===============
 * The one shape every headline ratio, share and score of the analysis reports takes: the value with the counts it
 * was computed from, how many of the records it is about carry the data, how many needed a documented default,
 * and, when there is no value, why. A ratio over nothing, or over records that all lack the data, is `null` with a
 * reason, never 0 or 1 (docs/scorecard.md, "Absent data").
 *
 * Rows of a table (a service's share, a region's reach) stay plain `number | null` beside the counts they are
 * computed from in the same row: the row is its own basis.
 * @module
 */

/** Why a measured value is missing. */
export type MissingReason =
  /** The records the value is about carry none of the data it needs, or there are no such records. */
  | "no_data"
  /** No need has any demand (no `demand` entries and no leaf region with a population). */
  | "no_demand"
  /** The model records the item, but it applies to none of the records (no service charges a fee, say). */
  | "not_applicable"
  /** The part of the analysis that gives it was not run (`findDuplication`'s `include`). */
  | "not_computed";

/**
 * What a measure's numerator and denominator add up: a count of records or items, or a weight (`demand`: a need's
 * cases a year times its weight; `volume`: services' `annualVolume`; `staff`: staff in post; `points`: scores
 * weighted by their weights).
 */
export type MeasureUnit = "services" | "items" | "functions" | "requests" | "weighted requests" | "demand" | "volume" | "staff" | "points";

/** The records `known` and `total` count. */
export type MeasureRecords = "services" | "journeys" | "needs" | "departments" | "functions" | "indicators" | "pillars";

/**
 * A ratio, share or score with its basis. `value` is `numerator / denominator`, or null (with `reason`) when the
 * denominator is 0 or no record carries the data (`known` is 0). `assumed` counts the records where a documented
 * default stood in for missing data (one visit for a service with no channel, a need's population as its demand,
 * the mean volume for a service without `annualVolume`); they may also be among the `known` ones.
 */
export interface Measured {
  value: number | null;
  numerator: number;
  denominator: number;
  unit: MeasureUnit;
  /** Records that carry the data the measure needs. */
  known: number;
  /** Records the measure is about. */
  total: number;
  records: MeasureRecords;
  /** Why `value` is null; present only then. */
  reason?: MissingReason;
  /** Records where a documented default stood in for missing data; present only when some did. */
  assumed?: number;
}

/** The counts behind a {@link Measured} besides its numerator and denominator. @internal */
export interface Basis {
  unit: MeasureUnit;
  known: number;
  total: number;
  records: MeasureRecords;
  assumed?: number;
  /** The reason given when the value is null; `no_data` when left out. */
  reason?: MissingReason;
}

/**
 * A measured ratio: `numerator / denominator`, or null with a reason when the denominator is 0 or nothing is known.
 * @internal
 * @example
 * ratio(2480, 2682, { unit: "items", known: 2682, total: 2682, records: "services" }).value // 0.9247
 * ratio(0, 0, { unit: "requests", known: 0, total: 3, records: "journeys" })             // value null, reason "no_data"
 */
export function ratio(numerator: number, denominator: number, basis: Basis): Measured {
  const missing = !(denominator > 0) || basis.known === 0;
  const out: Measured = {
    value: missing ? null : numerator / denominator,
    numerator,
    denominator,
    unit: basis.unit,
    known: basis.known,
    total: basis.total,
    records: basis.records,
  };
  if (missing) out.reason = basis.reason ?? "no_data";
  if (basis.assumed !== undefined && basis.assumed > 0) out.assumed = basis.assumed;
  return out;
}

/** A measure that could not be computed at all, with its reason (the counts are 0). @internal */
export function missing(reason: MissingReason, basis: Omit<Basis, "reason">): Measured {
  return ratio(0, 0, { ...basis, reason });
}

/** `1 - m`, on the same basis (the numerator becomes the complement). @internal */
export function complement(m: Measured): Measured {
  return { ...m, value: m.value === null ? null : 1 - m.value, numerator: m.denominator - m.numerator };
}
