import { button, freshId, h } from "./dom.js";
import { number } from "./format.js";
import type { FindingIndex } from "./graph-model.js";
import type { Names } from "./names.js";

/** Results listed at most. */
const MAX_RESULTS = 12;

/** A search box over department and function names (and ids); pressing a result selects it in the graph. */
export function graphSearch(index: FindingIndex, names: Names, select: (kind: "d" | "f", i: number) => void): HTMLElement {
  const id = freshId("graph-search");
  const input = h("input", { id, type: "search", autocomplete: "off", placeholder: "a name or an id" });
  const results = h("ul", { class: "search-results" });
  const status = h("p", { class: "note", "aria-live": "polite" });
  const tables = [
    { kind: "d" as const, what: "department", table: names.data.departments },
    { kind: "f" as const, what: "function", table: names.data.functions },
  ];
  let haystacks: string[][] | undefined;

  function search(): { kind: "d" | "f"; i: number; what: string; rank: number }[] {
    const q = input.value.trim().toLowerCase();
    if (!q) return [];
    haystacks ??= tables.map(({ table }) => table.names.map((name, i) => `${name}\u0000${table.ids[i]}`.toLowerCase()));
    const found: { kind: "d" | "f"; i: number; what: string; rank: number }[] = [];
    tables.forEach(({ kind, what }, t) => {
      haystacks![t]!.forEach((text, i) => {
        const at = text.indexOf(q);
        if (at >= 0) found.push({ kind, i, what, rank: at === 0 ? 0 : 1 });
      });
    });
    return found.sort((a, b) => a.rank - b.rank);
  }

  function update(): void {
    const found = search();
    results.replaceChildren(
      ...found.slice(0, MAX_RESULTS).map((r) => {
        const name = r.kind === "d" ? names.department(r.i) : names.function(r.i);
        const finding = r.kind === "f" ? ["", ", fragmented", ", duplicated"][index.functionFinding(r.i)] : "";
        return h("li", {}, button(`${name} (${r.what}${finding})`, () => select(r.kind, r.i), { class: "link" }));
      }),
    );
    status.textContent = input.value.trim() ? (found.length === 0 ? "No match." : `${number(found.length)} match${found.length === 1 ? "" : "es"}${found.length > MAX_RESULTS ? `, the first ${MAX_RESULTS} listed` : ""}.`) : "";
  }

  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const first = search()[0];
    if (first) select(first.kind, first.i);
    event.preventDefault();
  });
  return h("div", { class: "graph-search" }, h("label", { for: id }, "Find a department or function "), input, status, results);
}
