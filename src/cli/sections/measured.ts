import type { Measured, MissingReason } from "../../index.js";
import { percent } from "../render.js";

/** How a missing value reads in a table. @internal */
export const MISSING_TEXT: Readonly<Record<MissingReason, string>> = {
  no_data: "no data",
  no_demand: "no demand data",
  not_applicable: "n/a",
  not_computed: "not computed",
};

/** A measured share as a percentage, or why it has none; notes how many records a default stood in for. @internal */
export function shareText(m: Measured): string {
  if (m.value === null) return MISSING_TEXT[m.reason ?? "no_data"];
  return m.assumed ? `${percent(m.value)} (defaults for ${m.assumed} of ${m.total} ${m.records})` : percent(m.value);
}

/** A number that may be unknown. @internal */
export const orUnknown = (x: number | null | undefined): string | number => (x === null || x === undefined ? "unknown" : x);
