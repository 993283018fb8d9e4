/**
 * RFC 4180 CSV writing: fields separated by commas, records ended by CRLF, a field quoted (its quotes doubled) when
 * it holds a comma, a quote or a line break. Fields with leading or trailing whitespace are quoted too, so that
 * readers that trim unquoted fields keep them. Reading is papaparse's job.
 * @module
 */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field as RFC 4180 writes it. @internal */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record: its fields, comma-separated, ended by CRLF. @internal */
export function csvRecord(values: readonly string[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : ",") + csvField(values[i]!);
  return line + "\r\n";
}
