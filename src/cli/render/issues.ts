/**
 * Issues
 * ======
 * Validation issues for a person: errors one by one, warnings grouped by code with a count and three examples
 * (`--verbose` lists them one by one too), at most `maxIssues` lines of issues, then how many more of each code.
 * Long pointers and messages are cut, control characters escaped: a 1 MB key prints as a short line.
 */
import type { Issue } from "../../index.js";
import { formatCount, formatCounted } from "./numbers.js";
import { ALL_HINTS, formatHint, tableMarkdown, type Hints, type Table } from "./table.js";
import { clip, displayWidth, escapeControl, pad, paint, shorten, wrap, wrapHanging, type Paint } from "./text.js";

/** How issues are shown: the width of a line, the cap, grouped or not, colours. @internal */
export interface IssueView {
  width: number;
  maxIssues: number;
  verbose: boolean;
  colour?: Paint;
  /** What the command accepts, for the hints under capped lists (default: everything). */
  hints?: Hints;
}

/** The characters of a message kept in text and Markdown (JSON and CSV keep it whole). */
const MESSAGE_CHARS = 300;
/** Examples shown per code of grouped warnings. */
const EXAMPLES = 3;


/** "3 errors, 1 warning". @internal */
export function countIssues(issues: readonly Issue[]): string {
  let errors = 0;
  for (const i of issues) if (i.severity === "error") errors++;
  return `${formatCounted(errors, "error")}, ${formatCounted(issues.length - errors, "warning")}`;
}

/** Issues by code, in order of first appearance. */
function byCode(issues: Iterable<Issue>): Map<string, Issue[]> {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) {
    const group = groups.get(i.code);
    if (group) group.push(i);
    else groups.set(i.code, [i]);
  }
  return groups;
}

/** What is listed (in order, at most `maxIssues`) and what is left over. */
interface Plan {
  listed: Issue[];
  /** Warnings shown as a group: code, every issue of it. */
  groups: [string, Issue[]][];
  rest: Issue[];
}

function plan(issues: readonly Issue[], view: IssueView): Plan {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const i of issues) (i.severity === "error" ? errors : warnings).push(i);
  const grouped = view.verbose ? [] : [...byCode(warnings)].filter(([, group]) => group.length > EXAMPLES);
  const inGroups = new Set(grouped.map(([code]) => code));
  const single = [...errors, ...warnings.filter((w) => !inGroups.has(w.code))];
  const room = Math.max(0, view.maxIssues - grouped.length * EXAMPLES);
  const listed = single.slice(0, room);
  const groups = grouped.sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  return { listed, groups, rest: single.slice(listed.length) };
}

/** "… and 999,000 more, of which 999,000 errors: 999,000 x duplicate_id (--max-issues 1000000 lists them all)". */
function restLine(rest: readonly Issue[], total: number, hints: Hints = ALL_HINTS): string {
  let errors = 0;
  for (const i of rest) if (i.severity === "error") errors++;
  const codes = [...byCode(rest)].map(([code, group]) => `${formatCount(group.length)} x ${escapeControl(shorten(code, 60))}`).join(", ");
  const json = formatHint(hints, ["json"]);
  const how = [hints.options.includes("max-issues") ? `--max-issues ${total} lists them all` : "", json ? `${json} lists every issue` : ""].filter(Boolean);
  return `… and ${formatCount(rest.length)} more, of which ${formatCounted(errors, "error")}: ${codes}${how.length ? ` (${how.join("; ")})` : ""}`;
}

const where = (i: Issue) => escapeControl(shorten(i.pointer || "/", 200));
const message = (i: Issue) => escapeControl(shorten(i.message, MESSAGE_CHARS));

/** One issue line to draw: its label (severity, or nothing), the issue, the text after its pointer. */
interface Item {
  label: string;
  issue: Issue;
  text: string;
}

/**
 * Lines of `label pointer  text`, the pointer column as wide as the widest (at most a third of the line), long
 * texts wrapped under themselves; `paintLabel` colours the label once it is padded.
 */
function itemLines(items: readonly Item[], width: number, indent: string, paintLabel: (label: string) => string): string[] {
  const labelWidth = items.reduce((w, x) => Math.max(w, displayWidth(x.label)), 0);
  const widest = items.reduce((w, x) => Math.max(w, displayWidth(where(x.issue))), 1);
  const pointerWidth = Math.min(widest, Math.max(12, Math.floor(width / 3)));
  const lead = indent.length + (labelWidth ? labelWidth + 1 : 0) + pointerWidth + 2;
  const hang = width - lead >= 40 ? " ".repeat(lead) : indent + "    ";
  const out: string[] = [];
  for (const { label, issue, text } of items) {
    const labelled = `${indent}${labelWidth ? paintLabel(pad(label, labelWidth)) + " " : ""}`;
    const place = where(issue);
    if (displayWidth(place) > pointerWidth) {
      // A place too long for its column (a file path, a deep pointer) gets a line of its own: cut, it says nothing.
      const under = indent + " ".repeat((labelWidth ? labelWidth + 1 : 0) + 2);
      out.push(labelled + clip(place, width - (lead - pointerWidth - 2)), ...wrap(text, width - under.length).map((l) => under + l));
      continue;
    }
    const [first, ...more] = wrapHanging(text, width - lead, width - hang.length);
    out.push(labelled + pad(place, pointerWidth) + "  " + first, ...more.map((l) => hang + l));
  }
  return out;
}

/**
 * Issues as text lines of at most `view.width` columns: errors one by one, warnings grouped by code (one by one
 * with `verbose`), at most `view.maxIssues` issues listed, then a line counting the others by code.
 * @internal
 */
export function renderIssueLines(issues: readonly Issue[], view: IssueView): string[] {
  const colour = view.colour ?? paint(false);
  const severity = (label: string) => (label.startsWith("error") ? colour.red(label) : colour.yellow(label));
  const { listed, groups, rest } = plan(issues, view);
  const items = listed.map((issue) => ({ label: issue.severity, issue, text: `${escapeControl(shorten(issue.code, 60))}: ${message(issue)}` }));
  const lines = itemLines(items, view.width, "", severity);
  for (const [code, group] of groups) {
    const [first, ...more] = wrap(`${formatCount(group.length)} x ${escapeControl(shorten(code, 60))}, for example:`, view.width - 8);
    lines.push(`${severity("warning")} ${first}`, ...more.map((l) => "        " + l));
    lines.push(...itemLines(group.slice(0, EXAMPLES).map((issue) => ({ label: "", issue, text: message(issue) })), view.width, "        ", severity));
    const verbose = (view.hints ?? ALL_HINTS).options.includes("verbose") ? " (--verbose lists them)" : "";
    lines.push(...wrap(`… and ${formatCount(group.length - EXAMPLES)} more${verbose}`, view.width - 8).map((l) => "        " + l));
  }
  if (rest.length > 0) lines.push(...wrap(restLine(rest, issues.length, view.hints), view.width));
  return lines;
}

/** Issues as a table: every one, or only those listed in text. @internal */
export function issueTable(issues: readonly Issue[], id = "issues"): Table {
  return {
    id,
    columns: ["severity", { label: "where", csv: "pointer" }, "code", "message"],
    rows: issues.map((i) => [i.severity, i.pointer || "/", i.code, i.message]),
  };
}

/** Issues in Markdown: the listed ones as a table, grouped warnings as a table of codes, then the others. @internal */
export function renderIssuesMarkdown(issues: readonly Issue[], view: IssueView): string {
  const { listed, groups, rest } = plan(issues, view);
  const code = (i: Issue) => `\`${where(i)}\``;
  let out = "";
  if (listed.length > 0) {
    const t = issueTable(listed);
    out += tableMarkdown({ ...t, rows: listed.map((i) => [i.severity, code(i), escapeControl(i.code), message(i)]) }, listed.length) + "\n";
  }
  if (groups.length > 0) {
    const rows = groups.map(([c, group]) => [c, formatCount(group.length), group.slice(0, EXAMPLES).map((i) => `${code(i)} ${message(i)}`).join("<br>")]);
    out += tableMarkdown({ id: "warnings", columns: ["warning", "count", (view.hints ?? ALL_HINTS).options.includes("verbose") ? "for example (--verbose lists them all)" : "for example"], rows }, rows.length) + "\n";
  }
  if (rest.length > 0) out += restLine(rest, issues.length, view.hints) + "\n\n";
  return out;
}
