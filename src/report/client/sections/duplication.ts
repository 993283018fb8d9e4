import type { DuplicationRow, FragmentationRow, NearDuplicateRow, OverlapRow, ReportData } from "../../data/types.js";
import { block, h } from "../dom.js";
import { fixed, number, percent } from "../format.js";
import { FindingIndex } from "../graph-model.js";
import { mountGraph, type GraphHandle } from "../graph-view.js";
import type { Names } from "../names.js";
import { dataTable } from "../table.js";

const SCOPES = ["horizontal", "vertical"];
const BASES = ["functions", "needs", "segments"];

/** The duplication section: the graph, then findings ranked in tables. */
export function mountDuplication(root: HTMLElement, data: ReportData, names: Names): GraphHandle {
  const d = data.duplication;
  const s = d.summary;
  root.append(
    h("p", { class: "headline" },
      `${number(s.duplicatedFunctions)} of ${number(s.heldFunctions)} held functions are duplicated (${percent(s.duplicatedShare)}) and ${number(s.fragmentedFunctions)} fragmented (${percent(s.fragmentedShare)}); `,
      `${number(s.duplicatedServices)} services repeat another department's.`),
  );
  const graphBox = h("div", { class: "graph" });
  root.append(graphBox);
  const handle = mountGraph(graphBox, new FindingIndex(d, data.functions.ids.length), names);
  const depts = (list: number[]) => names.list(list, (x) => names.department(x));
  root.append(
    block("Duplication", "The same function held as lead by departments whose jurisdictions overlap, and services of different departments doing the same work for the same people in the same places.",
      dataTable<DuplicationRow>({
        caption: "Duplication findings",
        columns: [
          { label: "Function or services", value: (r) => (r[0] === 0 ? names.function(r[1][0]!) : names.list(r[1], (x) => names.service(x))) },
          { label: "Kind", value: (r) => (r[0] === 0 ? "function" : "services") },
          { label: "Departments", value: (r) => r[2].length, show: (r) => depts(r[2]), numeric: false },
          { label: "Scope", value: (r) => SCOPES[r[3]]! },
          { label: "Regions", value: (r) => names.list(r[4], (x) => names.region(x)) },
          { label: "Shared functions and audience", value: (r) => (r[0] === 0 ? "" : `${names.list(r[5], (x) => names.function(x))}; for ${r[6].length ? names.list(r[6], (x) => names.segment(x)) : "everyone"}`) },
        ],
        rows: d.duplication,
        empty: "No duplication found.",
      })),
    block("Fragmentation, ranked", "Work on one function or need split over departments of one jurisdiction. HHI is the Herfindahl-Hirschman index of the departments' shares (by yearly volume, else equal): 1 means one department, 0.5 two equal ones; the effective number is 1 / HHI. The most split come first.",
      dataTable<FragmentationRow>({
        caption: "Fragmentation findings, most split first",
        columns: [
          { label: "Function or need", value: (r) => (r[0] === 0 ? names.function(r[1]) : names.need(r[1])) },
          { label: "Kind", value: (r) => (r[0] === 0 ? "function" : "need") },
          { label: "Jurisdiction", value: (r) => names.region(r[2]) },
          { label: "Departments", value: (r) => r[5].length, show: (r) => `${number(r[5].length)}: ${depts(r[5])}` },
          { label: "HHI", value: (r) => r[3], show: (r) => fixed(r[3], 3), numeric: true },
          { label: "Effective number", value: (r) => r[4], show: (r) => fixed(r[4], 2), numeric: true },
        ],
        rows: d.fragmentation,
        sort: { column: 5, descending: true },
        empty: "No fragmentation found.",
      })),
    block("Overlap", "Department pairs in overlapping jurisdictions whose functions, needs or audiences are alike (Jaccard similarity at or above the threshold) without being duplicates.",
      dataTable<OverlapRow>({
        caption: "Overlapping department pairs, most alike first",
        columns: [
          { label: "Department", value: (r) => names.department(r[0]) },
          { label: "and department", value: (r) => names.department(r[1]) },
          { label: "Alike in", value: (r) => BASES[r[3]]! },
          { label: "Similarity", value: (r) => r[2], show: (r) => fixed(r[2], 2), numeric: true },
          { label: "Shared", value: (r) => r[4], show: (r) => `${number(r[4])}: ${r[5].join(", ")}${r[4] > r[5].length ? ", ..." : ""}` },
        ],
        rows: d.overlap,
        sort: { column: 3, descending: true },
        empty: "No overlap found.",
      })),
    block("Near-identical function names", "Functions with different ids whose names and keywords are almost the same: perhaps one function recorded twice.",
      dataTable<NearDuplicateRow>({
        caption: "Functions with near-identical names",
        columns: [
          { label: "Function", value: (r) => names.function(r[0]) },
          { label: "and function", value: (r) => names.function(r[1]) },
          { label: "Similarity", value: (r) => r[2], show: (r) => fixed(r[2], 2), numeric: true },
        ],
        rows: d.nearDuplicates,
        sort: { column: 2, descending: true },
        empty: "No near-identical names found.",
      })),
  );
  return handle;
}
