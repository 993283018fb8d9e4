/**
 * Numbers
 * =======
 * Every number the CLI prints is formatted here, one precision per kind: counts with thousands separators
 * (`8,365,349,608`), shares as a percentage with one decimal that names its basis (`52.3% of demand`), HHI with
 * three decimals, scores 0-100 with one, money in millions or billions. Table cells keep the raw value beside
 * the text, so CSV gets `0.523` where text shows `52.3%`.
 */

/** A number for a table: its text in text and Markdown, its raw value in CSV, right-aligned in text. @internal */
export interface Value {
  text: string;
  value: number | string | null;
  right: boolean;
}

/** What a table shows where there is no number (CSV leaves the cell empty). @internal */
export const NONE = "–";

const formatters = new Map<number, Intl.NumberFormat>();
/** `x` with thousands separators and exactly `digits` decimals. */
function grouped(x: number, digits: number): string {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  const text = f.format(x);
  // -0.0 reads as a loss where there is none.
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

const missing = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || Number.isNaN(x);

/** A whole number with thousands separators: `8,365,349,608` (decimals rounded away). @internal */
export function formatCount(n: number | null | undefined): string {
  return missing(n) ? NONE : grouped(n, 0);
}

/** A number with thousands separators and exactly `digits` decimals: `1,143.90`. @internal */
export function formatDecimal(x: number | null | undefined, digits = 2): string {
  return missing(x) ? NONE : grouped(x, digits);
}

/**
 * A share in [0, 1] as a percentage with one decimal: `52.3%`. A share that rounds to 0% or 100% without being
 * it reads `<0.1%` or `>99.9%`, so that "100.0% reached" never hides a gap.
 * @internal
 */
export function formatPercent(share: number | null | undefined): string {
  if (missing(share)) return NONE;
  if (share > 0 && share < 0.0005) return "<0.1%";
  if (share < 1 && share >= 0.9995) return ">99.9%";
  return `${grouped(share * 100, 1)}%`;
}

/** An amount of money in the model's currency: `950,000`, `306.5 million`, `8.4 billion`. @internal */
export function formatMoney(x: number | null | undefined): string {
  if (missing(x)) return NONE;
  const abs = Math.abs(x);
  if (abs >= 1e9) return `${grouped(x / 1e9, 1)} billion`;
  if (abs >= 1e6) return `${grouped(x / 1e6, 1)} million`;
  return grouped(x, 0);
}

/** `2 of 7 journeys` (the count a share is taken over). @internal */
export function formatFraction(part: number, whole: number, what: string): string {
  return `${formatCount(part)} of ${formatCount(whole)} ${what}`;
}

const cell = (text: string, value: number | string | null | undefined, right = true): Value => ({
  text,
  value: value === undefined || (typeof value === "number" && Number.isNaN(value)) ? null : value,
  right,
});

/** A count cell: `2,694`. @internal */
export const count = (n: number | null | undefined): Value => cell(formatCount(n), n);
/** A decimal cell with `digits` decimals. @internal */
export const decimal = (x: number | null | undefined, digits = 2): Value => cell(formatDecimal(x, digits), x);
/** A share cell: `52.3%` (CSV: `0.523`). @internal */
export const percent = (share: number | null | undefined): Value => cell(formatPercent(share), share);
/** A Herfindahl-Hirschman index cell, three decimals. @internal */
export const hhi = (x: number | null | undefined): Value => cell(formatDecimal(x, 3), x);
/** A similarity or overlap score in [0, 1], three decimals. @internal */
export const similarity = (x: number | null | undefined): Value => cell(formatDecimal(x, 3), x);
/** A score 0-100, one decimal. @internal */
export const score = (x: number | null | undefined): Value => cell(formatDecimal(x, 1), x);
/** A money cell: `306.5 million` (CSV: the amount). @internal */
export const money = (x: number | null | undefined): Value => cell(formatMoney(x), x);

/**
 * A share that names its basis, as one cell: `52.3% of demand (2 of 7 journeys)`; CSV gets the share.
 * `basis` says what the share is of ("of demand", "of staff"); `of` adds the count behind it.
 * @internal
 */
export function share(value: number | null | undefined, basis: string, of?: { part: number; whole: number; what: string }): Value {
  if (missing(value)) return cell(NONE, null, false);
  return cell(`${formatPercent(value)} ${basis}${of ? ` (${formatFraction(of.part, of.whole, of.what)})` : ""}`, value, false);
}

/** A count with what it counts and, when given, its share: `4 of 86 (4.7%)`. CSV gets the count. @internal */
export function countOf(part: number, whole: number, shareOfWhole?: number | null): Value {
  const pct = shareOfWhole === undefined ? "" : ` (${formatPercent(shareOfWhole)})`;
  return cell(`${formatCount(part)} of ${formatCount(whole)}${pct}`, part, false);
}

/** A number described in words for text (`8 departments, 13.8% of staff`); CSV gets the number. @internal */
export function described(value: number | null, text: string): Value {
  return cell(text, value, false);
}

/** A change with its sign, in the precision of `format`: `+2.5`, `-1,200`, `0`. @internal */
export function signed(delta: number | null | undefined, format: (x: number) => string): Value {
  if (missing(delta)) return cell(NONE, null);
  return cell(delta === 0 ? "0" : `${delta > 0 ? "+" : "-"}${format(Math.abs(delta))}`, delta);
}
