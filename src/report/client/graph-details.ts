import { button, h, type Child } from "./dom.js";
import { fixed, number, plural } from "./format.js";
import type { FindingIndex } from "./graph-model.js";
import type { Names } from "./names.js";

/** Items listed in a details panel before "and N more". */
const MAX_ITEMS = 25;

/** What the details panel can ask the graph to do. */
export interface DetailActions {
  department(d: number): void;
  function(f: number): void;
  /** Departments mode: show or hide a department's functions. */
  toggleExpand?(d: number): void;
  expanded: number | null;
}

const scope = (s: 0 | 1) => (s === 0 ? "horizontal (same region)" : "vertical (a region and one above it)");

function list(items: Child[], total = items.length): HTMLElement {
  return h("ul", { class: "details-list" }, ...items.slice(0, MAX_ITEMS).map((item) => h("li", {}, item)), total > MAX_ITEMS ? h("li", {}, `and ${number(total - MAX_ITEMS)} more`) : null);
}

/** A function: what was found about it, the departments that hold it and the evidence. */
export function functionDetails(f: number, index: FindingIndex, names: Names, act: DetailActions): Child[] {
  const finding = index.functionFinding(f);
  const holders = index.holders[f]!;
  const dup = index.duplicationOf.get(f) ?? [];
  const frag = index.fragmentationOf.get(f) ?? [];
  const near = index.nearOf.get(f) ?? [];
  return [
    h("h4", {}, names.function(f)),
    h("p", { class: `finding finding-${finding}` }, ["No duplication or fragmentation found.", "Fragmented: split over departments of one jurisdiction.", "Duplicated: held as lead by departments whose jurisdictions overlap."][finding]),
    h("p", {}, `Held by ${plural(holders.length, "department")}:`),
    list(holders.map((x) => button(`${names.department(x >> 1)} (${x & 1 ? "support" : "lead"})`, () => act.department(x >> 1), { class: "link" })), holders.length),
    dup.length ? h("p", {}, "Duplication:") : null,
    dup.length ? list(dup.map((row) => `${scope(row[3])} in ${names.list(row[4], (r) => names.region(r))}: ${names.list(row[2], (d) => names.department(d))}`)) : null,
    frag.length ? h("p", {}, "Fragmentation (HHI: 1 is one department, 0.5 two equal ones):") : null,
    frag.length ? list(frag.map((row) => `${names.region(row[2])}: HHI ${fixed(row[3], 3)}, worth ${fixed(row[4], 1)} departments (${names.list(row[5], (d) => names.department(d))})`), frag.length) : null,
    near.length ? h("p", {}, "Near-identical names:") : null,
    near.length ? list(near.map((row) => { const other = row[0] === f ? row[1] : row[0]; return button(`${names.function(other)} (similarity ${fixed(row[2], 2)})`, () => act.function(other), { class: "link" }); })) : null,
  ];
}

/** A department: its functions, the duplicated and fragmented ones among them, and the findings it is in. */
export function departmentDetails(d: number, index: FindingIndex, names: Names, act: DetailActions): Child[] {
  const holdings = index.data.graph.holdings[d]!;
  const support = holdings.filter((x) => x & 1).length;
  const flagged = holdings.map((x) => x >> 1).filter((f) => index.functionFinding(f) > 0).sort((a, b) => index.functionFinding(b) - index.functionFinding(a) || a - b);
  const dup = index.duplicationOfDepartment.get(d) ?? [];
  const region = names.data.departments.region[d];
  return [
    h("h4", {}, names.department(d)),
    h("p", {}, `${region === undefined ? "" : `${names.region(region)}. `}Holds ${plural(holdings.length, "function")} (${number(holdings.length - support)} as lead, ${number(support)} in support).`),
    act.toggleExpand ? button(act.expanded === d ? "Hide its functions" : `Show its ${plural(holdings.length, "function")} in the graph`, () => act.toggleExpand!(d), { class: "expand" }) : null,
    flagged.length ? h("p", {}, `Duplicated or fragmented functions it holds (${number(flagged.length)}):`) : h("p", {}, "It holds no duplicated or fragmented function."),
    flagged.length ? list(flagged.map((f) => button(`${names.function(f)} (${index.functionFinding(f) === 2 ? "duplicated" : "fragmented"})`, () => act.function(f), { class: "link" })), flagged.length) : null,
    dup.length ? h("p", {}, "Duplication findings it is part of:") : null,
    dup.length ? list(dup.map((row) => `${row[0] === 0 ? names.function(row[1][0]!) : names.list(row[1], (s) => names.service(s))}: ${scope(row[3])}, with ${names.list(row[2].filter((x) => x !== d), (x) => names.department(x))}`)) : null,
  ];
}
