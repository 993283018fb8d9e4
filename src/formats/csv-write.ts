/**
 * Writing CSV
 * ===========
 * RFC 4180: fields separated by commas, records ended by CRLF, a field quoted (its quotes doubled) when it holds a
 * comma, a quote or a line break. Fields with leading or trailing whitespace are quoted too, so that readers that
 * trim unquoted fields keep them. Every CSV govgraph writes goes through here: CSV folders, HSDS tables and the
 * command line's tables. Reading is papaparse's job (`formats/csv-rows.ts`).
 * @module
 */

import { GovGraphError } from "../errors.js";
import { describeArgument } from "../guard.js";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** The checks of the two exported writers: cheap enough for the one call per field they see. */
function refuse(fn: string, what: string): never {
  throw new GovGraphError("invalid_input", `${fn}: ${what}. Pass strings (format numbers and dates first).`);
}

/**
 * Writes one CSV field: as it is, or quoted with its quotes doubled when it holds a comma, a quote, a line break,
 * or whitespace at either end.
 * @example
 * formatCsvField('Licence "A", B'); // '"Licence ""A"", B"'
 */
export function formatCsvField(value: string): string {
  if (typeof value !== "string") refuse("formatCsvField", `argument value must be a string, got ${describeArgument(value)}`);
  return csvField(value);
}

function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes one CSV record: its fields (each as {@link formatCsvField} writes it) separated by commas, ended by CRLF
 * as RFC 4180 asks, or by `lineEnd` (`"\n"` for text meant for a terminal).
 * @example
 * formatCsvRecord(["id", "name"]) + formatCsvRecord(["tax", "Tax, customs"]); // 'id,name\r\ntax,"Tax, customs"\r\n'
 */
export function formatCsvRecord(values: readonly string[], lineEnd: "\r\n" | "\n" = "\r\n"): string {
  const fn = "formatCsvRecord";
  if (!Array.isArray(values)) refuse(fn, `argument values must be an array of strings, got ${describeArgument(values)}`);
  if (lineEnd !== "\r\n" && lineEnd !== "\n") refuse(fn, `argument lineEnd must be "\\r\\n" or "\\n", got ${describeArgument(lineEnd)}`);
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== "string") refuse(fn, `values[${i}] must be a string, got ${describeArgument(value)}`);
    line += (i === 0 ? "" : ",") + csvField(value);
  }
  return line + lineEnd;
}
