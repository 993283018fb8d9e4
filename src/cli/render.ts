import type { Issue } from "../index.js";

/** The output formats every command accepts; a command may add `csv`. @internal */
export const FORMATS = ["text", "json", "md"] as const;
/** The formats of a command that also writes one of its tables as CSV. @internal */
export const CSV_FORMATS = [...FORMATS, "csv"] as const;
/** An output format. @internal */
export type Format = (typeof FORMATS)[number] | "csv" | "html";

/** A cell of a table: numbers are right-aligned in text. @internal */
export type Cell = string | number;

/** Plain JSON, two-space indented, ending with a newline. @internal */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

/** Rows as CSV (RFC 4180): cells holding a comma, quote or line break are quoted; `null` is an empty cell. @internal */
export function renderCsv(rows: readonly (readonly (Cell | null)[])[]): string {
  const cell = (value: Cell | null) => {
    const s = value === null ? "" : String(value);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((row) => row.map(cell).join(",")).join("\n") + "\n";
}

/** A heading: underlined in text, `##` in Markdown. @internal */
export function renderHeading(title: string, format: Format, level: 1 | 2 = 2): string {
  if (format === "md") return `${"#".repeat(level)} ${title}\n\n`;
  return `${title}\n${(level === 1 ? "=" : "-").repeat(title.length)}\n\n`;
}

/** A table with a header row: aligned columns in text, a pipe table in Markdown. @internal */
export function renderTable(header: readonly string[], rows: readonly (readonly Cell[])[], format: Format): string {
  if (format === "md") {
    const line = (cells: readonly Cell[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |\n`;
    const rule = `| ${header.map((_, i) => (rows.some((r) => isNumeric(r[i])) ? "---:" : "---")).join(" | ")} |\n`;
    return line(header) + rule + rows.map(line).join("") + "\n";
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? "").length)));
  const line = (cells: readonly Cell[]) =>
    cells
      .map((c, i) => (isNumeric(c) ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!)))
      .join("  ")
      .trimEnd() + "\n";
  return line(header) + rows.map(line).join("") + "\n";
}

// Numbers and percentages are right-aligned.
const isNumeric = (cell: Cell | undefined) => typeof cell === "number" || (cell !== undefined && /^-?[\d.,]+%$/.test(cell));

/** A share in [0, 1] as a percentage with one decimal. @internal */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A number for a table: at most `digits` decimals, "–" when there is none. @internal */
export function num(x: number | null | undefined, digits = 2): string | number {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  return Number.isInteger(x) ? x : Number(x.toFixed(digits));
}

/** The line under a table cut to its first `shown` rows, or nothing when every row is shown. @internal */
export function moreRows(total: number, shown: number): string {
  return total > shown ? `… and ${total - shown} more (--format json or csv lists them all)\n\n` : "";
}

/** A command's text or Markdown output: a title, then the body ending with one line break. @internal */
export function renderDocument(title: string, body: string, format: Format): string {
  return renderHeading(title, format, 1) + body.replace(/\n+$/, "\n");
}

/** A report as JSON, or as a titled document drawn by `render` in text or Markdown. @internal */
export function renderReport<R>(report: R, format: Format, title: string, render: (report: R, format: Format) => string): string {
  return format === "json" ? renderJson(report) : renderDocument(title, render(report, format), format);
}

/** Colours for terminal text; identity functions when colour is off. @internal */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). @internal */
export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), bold: wrap(1, 22) };
}

/**
 * Issues as readable lines, one per issue, errors first then warnings, each in document order:
 * `error   /services/0/departmentId  unknown_reference  Service "s1" ...`.
 * @internal
 */
export function renderIssues(issues: readonly Issue[], format: Format, colour: Paint = paint(false)): string {
  const ordered = [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity === "warning")];
  if (format === "md") {
    return renderTable(
      ["severity", "where", "code", "message"],
      ordered.map((i) => [i.severity, `\`${i.pointer || "/"}\``, i.code, i.message]),
      "md",
    );
  }
  const where = Math.max(...ordered.map((i) => (i.pointer || "/").length));
  return ordered
    .map((i) => {
      const label = i.severity === "error" ? colour.red("error  ") : colour.yellow("warning");
      return `${label} ${(i.pointer || "/").padEnd(where)}  ${i.code}: ${i.message}\n`;
    })
    .join("");
}

/** "3 errors, 1 warning" style counts. @internal */
export function countIssues(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** "1 region", "3 regions". @internal */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
