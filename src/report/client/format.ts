import type { Share } from "../data/types.js";

/** What a missing value reads as. */
export const NO_DATA = "no data";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A share in [0, 1] as a percentage with one decimal, or "no data"; never rounded to 0% or 100% when it is not. */
export function percent(x: Share): string {
  if (x === null) return NO_DATA;
  const text = (x * 100).toFixed(1);
  if (text === "100.0" && x < 1) return ">99.9%";
  if (text === "0.0" && x > 0) return "<0.1%";
  return `${text}%`;
}

/** A score out of 100 with one decimal, or "no data". */
export function score(x: Share): string {
  return x === null ? NO_DATA : x.toFixed(1);
}

/** A count or amount with thousands separators (two decimals at most), or `missing`. */
export function number(x: number | null, missing = NO_DATA): string {
  if (x === null) return missing;
  return Number.isInteger(x) ? integer.format(x) : decimal.format(x);
}

/** A number with a fixed count of decimals, or "no data". */
export function fixed(x: Share, digits: number): string {
  return x === null ? NO_DATA : x.toFixed(digits);
}

/** A change with its sign, in the unit of `show`. */
export function signed(x: number | null, show: (x: number) => string): string {
  if (x === null) return NO_DATA;
  if (x === 0) return "no change";
  return (x > 0 ? "+" : "−") + show(Math.abs(x));
}

/** "1 visit", "2 visits". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${number(n)} ${n === 1 ? one : many}`;
}
