/**
 * Mermaid
 * =======
 * Diagrams to paste into Markdown (GitHub, GitLab, Notion and most documentation tools render Mermaid):
 * - `level: "department"`: departments linked by the functions they both hold, each link labelled with their
 *   number and drawn thicker the more they share; the `maxEdges` pairs sharing the most are drawn, the rest
 *   summarised in a note. With `id`, only the pairs of that department.
 * - `level: "journey"`: the steps of a need's journey (`id`: the need), in their order, grouped by department,
 *   with the evidence each step asks for and who supplies it.
 * Node ids are generated (`d0`, `s1`...), so model ids never reach the syntax; labels are quoted with Mermaid's
 * entity codes for the characters that could end them.
 * @module
 */
import { GovGraphError } from "../errors.js";
import { row, type Csr } from "../graph/csr.js";
import { indexModel } from "../graph/index-model.js";
import { integerIn, oneOf, resolveOptions } from "../options.js";
import type { Model } from "../schemas/model.js";
import { requireModel } from "../model/require-model.js";

/** Options of {@link toMermaid}. */
export interface MermaidOptions {
  /** `department`: departments sharing functions; `journey`: the steps of one need's journey. */
  level?: "department" | "journey";
  /** `journey`: the need (required); `department`: draw only the pairs of this department. */
  id?: string;
  /** Department level: link departments whose jurisdictions overlap (a region and itself or one below it), or any two. */
  jurisdictions?: "overlapping" | "any";
  /** Department level: the most pairs drawn; the others are counted in a note. */
  maxEdges?: number;
  /** Flowchart direction: left to right or top to bottom. */
  direction?: "LR" | "TB";
}

/** Defaults of {@link toMermaid}. */
export const MERMAID_DEFAULTS: Readonly<{
  level: "department" | "journey";
  id: string | undefined;
  jurisdictions: "overlapping" | "any";
  maxEdges: number;
  direction: "LR" | "TB";
}> = {
  level: "department",
  id: undefined,
  jurisdictions: "overlapping",
  maxEdges: 500,
  direction: "LR",
};

/** A label as a quoted Mermaid string: line breaks become spaces, characters that could end it become entity codes. @internal */
export function mermaidLabel(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters have no place in a one-line label
  const flat = text.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, " ");
  return `"${flat.replace(/["#&<>`]/g, (c) => `#${c.charCodeAt(0)};`)}"`;
}

const FN = "toMermaid";
const NOTE_STYLE = "  classDef note fill:#fff8dc,stroke:#999,stroke-dasharray:4 3";
const number = (n: number) => n.toLocaleString("en-US");

interface Pair {
  a: number;
  b: number;
  weight: number;
}

/** Orders pairs: most shared functions first, then by department index. */
const before = (x: Pair, y: Pair) => y.weight - x.weight || x.a - y.a || x.b - y.b;

/**
 * Every pair of departments holding common functions, as counts, keeping the `max` first by {@link before}: one
 * row of the department-by-department product at a time (a dense counter per row), so the work is the number of
 * (function, holder, holder) triples, with no map of pairs.
 */
function sharedPairs(by: Csr, holders: Csr, departments: number, only: number, max: number, linked: (a: number, b: number) => boolean) {
  const count = new Int32Array(departments);
  const touched: number[] = [];
  let kept: Pair[] = [];
  let pairs = 0;
  let shared = 0;
  for (let a = only >= 0 ? only : 0; a < (only >= 0 ? only + 1 : departments); a++) {
    for (const f of row(by, a)) {
      for (const b of row(holders, f)) {
        if (only >= 0 ? b === a : b <= a) continue;
        if (count[b] === 0) touched.push(b);
        count[b] = count[b]! + 1;
      }
    }
    for (const b of touched) {
      const weight = count[b]!;
      count[b] = 0;
      if (!linked(a, b)) continue;
      pairs++;
      shared += weight;
      kept.push(only >= 0 && b < a ? { a: b, b: a, weight } : { a, b, weight });
    }
    touched.length = 0;
    // Sorting when the list doubles keeps the work near-linear in the number of pairs.
    if (kept.length >= 2 * max + 1024) kept = kept.sort(before).slice(0, max);
  }
  return { kept: kept.sort(before).slice(0, max), pairs, shared };
}

function departmentLevel(model: Model, o: typeof MERMAID_DEFAULTS): string {
  const index = indexModel(model);
  const only = o.id === undefined ? -1 : (index.departments.of.get(o.id) ?? -2);
  if (only === -2) throw new GovGraphError("not_found", `${FN}: no department ${JSON.stringify(o.id)}. Pass the id of a department of the model, or no id.`);
  const region = index.departmentRegion;
  const tree = index.regionTree;
  const overlapping = (a: number, b: number) => tree.isAncestorOrSelf(region[a]!, region[b]!) || tree.isAncestorOrSelf(region[b]!, region[a]!);
  const linked = o.jurisdictions === "any" ? () => true : overlapping;
  const { kept, pairs, shared } = sharedPairs(index.departmentFunctions, index.functionDepartments, model.departments.length, only, o.maxEdges, linked);
  const which = o.jurisdictions === "any" ? "Departments" : "Departments with overlapping jurisdictions";
  const lines = [`flowchart ${o.direction}`, `  %% ${which} holding the same functions; a link's label is how many they both hold.`];
  const drawn = [...new Set(kept.flatMap((p) => [p.a, p.b]))].sort((x, y) => x - y);
  if (only >= 0 && !drawn.includes(only)) drawn.unshift(only);
  for (const d of drawn) lines.push(`  d${d}[${mermaidLabel(model.departments[d]!.name)}]`);
  for (const p of kept) lines.push(`  d${p.a} ---|${p.weight}| d${p.b}`);
  const top = kept[0]?.weight ?? 0;
  const low = kept[kept.length - 1]?.weight ?? 0;
  const widths = new Map<number, number[]>();
  kept.forEach((p, i) => {
    const width = top === low ? 2 : 1 + Math.round((4 * (p.weight - low)) / (top - low));
    widths.set(width, [...(widths.get(width) ?? []), i]);
  });
  for (const [width, links] of [...widths].sort((x, y) => x[0] - y[0])) lines.push(`  linkStyle ${links.join(",")} stroke-width:${width}px`);
  if (pairs === 0) lines.push(`  none[${mermaidLabel(only >= 0 ? "This department shares no function with another." : "No two departments hold the same function.")}]:::note`);
  else if (pairs > kept.length) {
    const rest = pairs - kept.length;
    const note = `${number(rest)} more pair${rest === 1 ? "" : "s"} of departments share functions, not drawn (${number(shared)} shared functions in all pairs; the ${number(kept.length)} pairs sharing the most are drawn).`;
    lines.push(`  more[${mermaidLabel(note)}]:::note`);
  }
  if (pairs === 0 || pairs > kept.length) lines.push(NOTE_STYLE);
  return lines.join("\n") + "\n";
}

function journeyLevel(model: Model, o: typeof MERMAID_DEFAULTS): string {
  if (o.id === undefined) throw new GovGraphError("invalid_input", `${FN}: level "journey" needs the id of a need. Pass { level: "journey", id: "<need id>" }.`);
  const need = model.needs.find((n) => n.id === o.id);
  if (need === undefined) throw new GovGraphError("not_found", `${FN}: no need ${JSON.stringify(o.id)}. Pass the id of a need that has a journey.`);
  const steps = need.journey ?? [];
  if (steps.length === 0) throw new GovGraphError("invalid_input", `${FN}: need ${JSON.stringify(o.id)} has no journey. Pass a need whose journey lists its steps.`);
  const services = new Map(model.services.map((s) => [s.id as string, s]));
  const departments = new Map(model.departments.map((d) => [d.id as string, d]));
  const evidence = new Map(model.evidence.map((e) => [e.id as string, e]));
  const stepOf = new Map<string, number>();
  steps.forEach((s, i) => stepOf.has(s.serviceId) || stepOf.set(s.serviceId, i));

  const lines = [`flowchart ${o.direction}`, "  %% A need's journey: its steps in order, grouped by department, with the evidence each asks for.", `  n0([${mermaidLabel(need.name)}])`];
  const groups = new Map<string, number[]>();
  steps.forEach((s, i) => {
    const department = services.get(s.serviceId)?.departmentId ?? "";
    groups.set(department, [...(groups.get(department) ?? []), i]);
  });
  let g = 0;
  for (const [departmentId, members] of groups) {
    lines.push(`  subgraph g${g++}[${mermaidLabel(departments.get(departmentId)?.name ?? departmentId)}]`);
    for (const i of members) {
      const service = services.get(steps[i]!.serviceId);
      const online = service?.channels.some((c) => c.kind === "online" && c.endToEnd === true);
      lines.push(`    s${i}[${mermaidLabel(service?.name ?? steps[i]!.serviceId)}]${online ? ":::online" : ""}`);
    }
    lines.push("  end");
  }
  steps.forEach((s, i) => {
    const before = (s.after ?? []).map((id) => stepOf.get(id)).filter((p): p is number => p !== undefined && p !== i);
    if (before.length === 0) lines.push(`  n0 --> s${i}`);
    for (const p of before) lines.push(`  s${p} --> s${i}`);
  });
  const evidenceNodes = new Map<string, number>();
  steps.forEach((s, i) => {
    for (const requirement of services.get(s.serviceId)?.evidence ?? []) {
      let e = evidenceNodes.get(requirement.evidenceId);
      if (e === undefined) {
        evidenceNodes.set(requirement.evidenceId, (e = evidenceNodes.size));
        lines.push(`  e${e}[/${mermaidLabel(evidence.get(requirement.evidenceId)?.name ?? requirement.evidenceId)}/]`);
      }
      lines.push(`  e${e} -.->|${requirement.source === "citizen" ? "from the citizen" : "reused"}| s${i}`);
    }
  });
  lines.push("  classDef online fill:#e6f4ea,stroke:#009E73");
  return lines.join("\n") + "\n";
}

/**
 * A Mermaid flowchart of the model: departments that hold the same functions (`level: "department"`, at most
 * `maxEdges` links, the rest counted in a note), or the steps of one need's journey with the departments and
 * evidence involved (`level: "journey"`, `id`: the need). Paste it into a ```` ```mermaid ```` block.
 * @example
 * toMermaid(exampleCounty, { level: "journey", id: "have-a-baby" });
 */
export function toMermaid(model: Model, options: MermaidOptions = {}): string {
  model = requireModel(FN, model);
  const o = resolveOptions(MERMAID_DEFAULTS, options, FN, {
    level: oneOf(["department", "journey"]),
    id: (v) => (typeof v === "string" ? undefined : `must be a string, got ${typeof v}`),
    jurisdictions: oneOf(["overlapping", "any"]),
    maxEdges: integerIn(0, 100_000),
    direction: oneOf(["LR", "TB"]),
  });
  return o.level === "journey" ? journeyLevel(model, o) : departmentLevel(model, o);
}
