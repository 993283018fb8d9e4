/**
 * Writing CSV
 * ===========
 * RFC 4180: fields separated by commas, records ended by CRLF, a field quoted (its quotes doubled) when it holds a
 * comma, a quote or a line break. Fields with leading or trailing whitespace are quoted too, so that readers that
 * trim unquoted fields keep them. Every CSV govgraph writes goes through here: CSV folders, HSDS tables and the
 * command line's tables. Reading is papaparse's job (`formats/csv-rows.ts`).
 * @module
 */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Writes one CSV field: as it is, or quoted with its quotes doubled when it holds a comma, a quote, a line break,
 * or whitespace at either end.
 * @example
 * formatCsvField('Licence "A", B'); // '"Licence ""A"", B"'
 */
export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes one CSV record: its fields (each as {@link formatCsvField} writes it) separated by commas, ended by CRLF
 * as RFC 4180 asks, or by `lineEnd` (`"\n"` for text meant for a terminal).
 * @example
 * formatCsvRecord(["id", "name"]) + formatCsvRecord(["tax", "Tax, customs"]); // 'id,name\r\ntax,"Tax, customs"\r\n'
 */
export function formatCsvRecord(values: readonly string[], lineEnd: "\r\n" | "\n" = "\r\n"): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : ",") + formatCsvField(values[i]!);
  return line + lineEnd;
}
