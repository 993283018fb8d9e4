/**
 * Numbers
 * =======
 * Every number the CLI prints is formatted here, one precision per kind: counts with thousands separators
 * (`8,365,349,608`), shares as a percentage with one decimal that names its basis (`52.3% of demand`), HHI with
 * three decimals, scores 0-100 with one, money in millions or billions. Table cells keep the raw value beside
 * the text, so CSV gets `0.523` where text shows `52.3%`. A value the analysis could not measure reads as its
 * reason (`no data`, `no demand data`), a figure the model does not have as `unknown`; CSV leaves both cells empty.
 */
import type { Measured, MissingReason } from "../../index.js";

/** A number for a table: its text in text and Markdown, its raw value in CSV, right-aligned in text. @internal */
export interface Value {
  text: string;
  value: number | string | null;
  right: boolean;
}

/** What a table shows where there is no number (CSV leaves the cell empty). @internal */
export const NONE = "–";

/** What a table shows for a figure the model does not have, such as a department's staff or budget. @internal */
export const UNKNOWN = "unknown";

/** Why a measured value is missing, in words, by the reason the analysis gives. @internal */
export const MISSING_TEXT: Readonly<Record<MissingReason, string>> = {
  no_data: "no data",
  no_demand: "no demand data",
  not_applicable: "not applicable",
  not_computed: "not computed",
};

/** The words for a missing value's reason: `no data` when it gives none. @internal */
export const formatMissing = (reason?: MissingReason): string => MISSING_TEXT[reason ?? "no_data"];

const formatters = new Map<number, Intl.NumberFormat>();

/** `x` with thousands separators and exactly `digits` decimals, as `Intl.NumberFormat("en-US")` writes it. */
function intlGrouped(x: number, digits: number): string {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(x);
}

/**
 * `x` with thousands separators and exactly `digits` decimals, as `Intl.NumberFormat("en-US")` writes it (it rounds
 * the shortest decimal that reads back as `x`, half away from zero), at a tenth of its cost: a national report
 * formats millions of numbers. Intl writes what has an exponent in JavaScript (below 10^-6, from 10^21 on).
 */
function grouped(x: number, digits: number): string {
  const shortest = String(Math.abs(x));
  let text = Number.isFinite(x) && !shortest.includes("e") ? (x < 0 ? "-" : "") + separated(roundDecimal(shortest, digits)) : intlGrouped(x, digits);
  // -0.0 reads as a loss where there is none.
  if (text.charCodeAt(0) === 45 && /^-0(\.0+)?$/.test(text)) text = text.slice(1);
  return text;
}

/** A decimal without sign or exponent (`"1659216.95"`) rounded half up to `digits` decimals (`"1659217.0"`). */
function roundDecimal(decimal: string, digits: number): string {
  const dot = decimal.indexOf(".");
  const whole = dot < 0 ? decimal : decimal.slice(0, dot);
  const fraction = dot < 0 ? "" : decimal.slice(dot + 1);
  if (fraction.length <= digits) return digits === 0 ? whole : `${whole}.${fraction.padEnd(digits, "0")}`;
  let kept = whole + fraction.slice(0, digits);
  if (fraction.charCodeAt(digits) >= 53 /* "5" */) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === "9") i--;
    kept = (i < 0 ? "1" : kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1)) + "0".repeat(kept.length - 1 - i);
  }
  const cut = kept.length - digits;
  return digits === 0 ? kept : `${kept.slice(0, cut)}.${kept.slice(cut)}`;
}

/** A decimal without sign with a comma between each group of three digits of its whole part. */
function separated(decimal: string): string {
  const dot = decimal.indexOf(".");
  const end = dot < 0 ? decimal.length : dot;
  if (end <= 3) return decimal;
  const first = end % 3 || 3;
  let out = decimal.slice(0, first);
  for (let i = first; i < end; i += 3) out += "," + decimal.slice(i, i + 3);
  return out + decimal.slice(end);
}

const missing = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || Number.isNaN(x);

/** A whole number with thousands separators: `8,365,349,608` (decimals rounded away). @internal */
export function formatCount(n: number | null | undefined): string {
  return missing(n) ? NONE : grouped(n, 0);
}

/** A count and its noun, plural unless the count is 1: `1 error`, `2,682 warnings`. @internal */
export function formatCounted(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? "" : "s"}`;
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

/**
 * A count with what it counts and, when given, its share: `4 of 86 (4.7%)`, `0 of 0 (no data)`. A count that was
 * not computed reads `not computed`. CSV gets the count.
 * @internal
 */
export function countOf(part: number | null, whole: number, shareOfWhole?: number | null): Value {
  if (part === null) return missingCell("not_computed");
  const pct = shareOfWhole === undefined ? "" : ` (${shareOfWhole === null ? formatMissing() : formatPercent(shareOfWhole)})`;
  return cell(`${formatCount(part)} of ${formatCount(whole)}${pct}`, part, false);
}

/**
 * A number described in words for text (`8 departments, 13.8% of staff`); CSV gets the number. Left-aligned, or
 * right-aligned with `right` (a number with a note, among plain numbers). @internal
 */
export function described(value: number | null, text: string, right = false): Value {
  return cell(text, value, right);
}

/** A change with its sign, in the precision of `format`: `+2.5`, `-1,200`, `0`. @internal */
export function signed(delta: number | null | undefined, format: (x: number) => string): Value {
  if (missing(delta)) return cell(NONE, null);
  return cell(delta === 0 ? "0" : `${delta > 0 ? "+" : "-"}${format(Math.abs(delta))}`, delta);
}

/**
 * A cell for a value the analysis could not give: its reason in words (`no data`), right-aligned like the numbers
 * it stands among; CSV leaves it empty.
 * @internal
 */
export const missingCell = (reason?: MissingReason): Value => cell(formatMissing(reason), null);

/** A count the model may not have (staff, a caseload): `unknown` where it has none. @internal */
export const countOrUnknown = (n: number | null | undefined): Value => (missing(n) ? cell(UNKNOWN, null) : count(n));
/** An amount of money the model may not have: `unknown` where it has none. @internal */
export const moneyOrUnknown = (x: number | null | undefined): Value => (missing(x) ? cell(UNKNOWN, null) : money(x));

/** A measured value drawn by `shown`, or why it has none (`no data`, `no demand data`). @internal */
export function measuredCell(m: Measured, shown: (value: number) => Value): Value {
  return m.value === null ? missingCell(m.reason) : shown(m.value);
}

/**
 * A measured share as one cell that names its basis, the count behind it and the defaults it stands on, like
 * {@link share}: `92.5% of items (2,480 of 2,682 services)`, `66.7% of demand (defaults for 2 of 3 needs)`, or why
 * it has none (`no data`). CSV gets the share, empty when missing.
 * @internal
 */
export function measuredShare(m: Measured, basis: string, of?: { part: number; whole: number; what: string }): Value {
  return measuredCell(m, (value) => {
    const notes = [...(of ? [formatFraction(of.part, of.whole, of.what)] : []), ...(m.assumed ? [`defaults for ${formatFraction(m.assumed, m.total, m.records)}`] : [])];
    // A bare percentage is a number (right-aligned); one with words is text.
    const words = basis !== "" || notes.length > 0;
    return cell(`${formatPercent(value)}${basis ? ` ${basis}` : ""}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`, value, !words);
  });
}

/** The text of a measured share, as {@link measuredShare} draws it. @internal */
export const formatMeasured = (m: Measured, basis = ""): string => measuredShare(m, basis).text;
