/**
 * The duplication graph drawn with sigma (WebGL) at the positions laid out when the report was written: hover for
 * a summary, click or search for the details, keyboard to pan and zoom. In departments mode (big models) one
 * department at a time can show its functions.
 */
import Sigma from "sigma";
import type { Names } from "./names.js";
import { button, freshId, h } from "./dom.js";
import { number, plural } from "./format.js";
import { departmentDetails, functionDetails, type DetailActions } from "./graph-details.js";
import { buildGraph, collapse, expand, type DuplicationGraph, type EdgeAttributes, type FindingIndex, type NodeAttributes } from "./graph-model.js";
import { COLORS } from "./palette.js";
import { graphSearch } from "./graph-search.js";

/** The graph, its renderer and selection, for scripts run in the browser's console. */
export interface GraphHandle {
  graph: DuplicationGraph;
  renderer: Sigma<NodeAttributes, EdgeAttributes> | null;
  select(kind: "d" | "f", index: number): void;
}

/** Mounts the graph view into `root` (already in the document, so sigma can measure it). */
export function mountGraph(root: HTMLElement, index: FindingIndex, names: Names): GraphHandle {
  const graph = buildGraph(index, names);
  const departmentsMode = index.data.graph.mode === "departments";
  const details = h("div", { class: "graph-details", "aria-live": "polite" }, h("p", { class: "note" }, "Click a node, or find one by name, to see who holds what and the evidence."));
  const hoverLine = h("p", { class: "hover-line note" }, "\u00a0");
  const helpId = freshId("graph-help");
  const canvas = h("div", { class: "graph-canvas", tabindex: 0, role: "application", "aria-roledescription": "graph", "aria-label": "Graph of departments and the functions they hold", "aria-describedby": helpId });
  let selected: string | null = null;
  let focus: Set<string> | null = null;
  let onlyFindings = false;
  let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;

  const actions: DetailActions = {
    department: (d) => select("d", d),
    function: (f) => select("f", f),
    toggleExpand: departmentsMode ? (d) => toggle(d) : undefined,
    expanded: null,
  };

  function show(kind: "d" | "f", i: number): void {
    details.replaceChildren(...(kind === "d" ? departmentDetails(i, index, names, actions) : functionDetails(i, index, names, actions)).filter((c) => c !== null && c !== undefined && c !== false) as (Node | string)[]);
  }

  function select(kind: "d" | "f", i: number): void {
    const key = `${kind}${i}`;
    show(kind, i);
    if (graph.hasNode(key)) {
      selected = key;
      focus = new Set([key, ...graph.neighbors(key)]);
      const at = renderer?.getNodeDisplayData(key);
      if (at) void renderer!.getCamera().animate({ x: at.x, y: at.y, ratio: Math.min(renderer!.getCamera().ratio, 0.5) }, { duration: 300 });
    } else {
      // A function not drawn (departments mode): light up the departments that hold it.
      selected = null;
      focus = new Set(index.holders[i]!.map((x) => `d${x >> 1}`));
    }
    renderer?.refresh({ skipIndexation: true });
  }

  function clear(): void {
    selected = null;
    focus = null;
    details.replaceChildren(h("p", { class: "note" }, "Nothing selected."));
    renderer?.refresh({ skipIndexation: true });
  }

  function toggle(d: number): void {
    if (actions.expanded === d) {
      collapse(graph);
      actions.expanded = null;
    } else {
      expand(graph, index, names, d);
      actions.expanded = d;
    }
    select("d", d);
  }

  const tools = h(
    "div",
    { class: "graph-tools" },
    graphSearch(index, names, select),
    h("div", { class: "graph-buttons" },
      button("Zoom in", () => void renderer?.getCamera().animatedZoom(1.5)),
      button("Zoom out", () => void renderer?.getCamera().animatedUnzoom(1.5)),
      button("Reset view", () => void renderer?.getCamera().animatedReset()),
      button("Clear selection", clear),
      departmentsMode ? null : onlyFindingsBox(),
    ),
  );

  function onlyFindingsBox(): HTMLElement {
    const id = freshId("only-findings");
    const box = h("input", { type: "checkbox", id });
    box.addEventListener("change", () => {
      onlyFindings = box.checked;
      renderer?.refresh({ skipIndexation: true });
    });
    return h("span", { class: "check" }, box, h("label", { for: id }, "Only duplicated or fragmented functions"));
  }

  const help = h("p", { id: helpId, class: "note" },
    departmentsMode
      ? `${number(graph.order)} departments; too many nodes to draw every function, so departments sit near their jurisdiction and near the departments they share duplicated or fragmented functions with (orange lines). Select a department to see whom it supervises and is supervised by (grey lines), and to show its functions. `
      : `${number(graph.order)} nodes and ${number(graph.size)} links: each line joins a department to a function it holds. `,
    "Keyboard: arrow keys pan, + and − zoom, 0 resets, Escape clears the selection; the search box and the tables below reach every node.");
  root.append(tools, h("div", { class: "graph-main" }, canvas, details), hoverLine, help, legend(departmentsMode));

  try {
    renderer = new Sigma(graph, canvas, {
      zIndex: true,
      labelRenderedSizeThreshold: departmentsMode ? 7 : 5,
      labelFont: "system-ui, sans-serif",
      nodeReducer: (key, a) => {
        const out: Partial<NodeAttributes & { hidden: boolean; highlighted: boolean; zIndex: number; forceLabel: boolean }> = { ...a };
        if (onlyFindings && a.kind === "f" && a.finding === 0) out.hidden = true;
        if (focus && !focus.has(key)) Object.assign(out, { color: COLORS.faded, label: "", zIndex: 0 });
        else if (focus) Object.assign(out, { zIndex: 1, forceLabel: focus.size <= 40 });
        if (key === selected) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
        return out;
      },
      edgeReducer: (key, a) => {
        // Supervision lines cross the whole graph: drawn only for the selected department.
        if (!focus) return a.kind === 0 ? { ...a, hidden: true } : a;
        const [s, t] = graph.extremities(key);
        return selected !== null && (s === selected || t === selected) ? a : { ...a, hidden: true };
      },
    });
    renderer.on("clickNode", ({ node }) => select(graph.getNodeAttribute(node, "kind"), graph.getNodeAttribute(node, "index")));
    renderer.on("clickStage", clear);
    renderer.on("enterNode", ({ node }) => (hoverLine.textContent = summary(graph.getNodeAttributes(node), index)));
    renderer.on("leaveNode", () => (hoverLine.textContent = "\u00a0"));
    canvas.addEventListener("keydown", (event) => keys(event, renderer!, clear));
    window.addEventListener("beforeprint", () => snapshot(renderer!, canvas));
  } catch (error) {
    canvas.replaceChildren(h("p", { class: "note" }, `This browser cannot draw the graph (${error instanceof Error ? error.message : String(error)}). The search box and the tables below list the same findings.`));
  }
  return { graph, renderer, select };
}

function summary(a: NodeAttributes, index: FindingIndex): string {
  if (a.kind === "f") {
    const what = ["", ", fragmented", ", duplicated"][a.finding];
    return `${a.label}: function held by ${plural(index.holders[a.index]!.length, "department")}${what}. Click for the details.`;
  }
  return `${a.label}: department holding ${plural(index.data.graph.holdings[a.index]!.length, "function")}. Click for the details.`;
}

function keys(event: KeyboardEvent, renderer: Sigma<NodeAttributes, EdgeAttributes>, clear: () => void): void {
  const camera = renderer.getCamera();
  const step = 0.1 * camera.ratio;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  const move = moves[event.key];
  if (move) void camera.animate({ x: camera.x + move[0], y: camera.y + move[1] }, { duration: 100 });
  else if (event.key === "+" || event.key === "=") void camera.animatedZoom(1.5);
  else if (event.key === "-") void camera.animatedUnzoom(1.5);
  else if (event.key === "0") void camera.animatedReset();
  else if (event.key === "Escape") clear();
  else return;
  event.preventDefault();
}

/** Before printing, a picture of the graph's layers: WebGL canvases are read right after a synchronous render. */
function snapshot(renderer: Sigma<NodeAttributes, EdgeAttributes>, canvas: HTMLElement): void {
  renderer.refresh();
  const layers = renderer.getCanvases();
  const { width, height } = renderer.getDimensions();
  const out = document.createElement("canvas");
  out.width = width;
  out.height = height;
  const context = out.getContext("2d")!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  for (const name of ["edges", "nodes", "edgeLabels", "labels"]) if (layers[name]) context.drawImage(layers[name]!, 0, 0, width, height);
  canvas.parentElement!.querySelector("img.graph-print")?.remove();
  canvas.after(h("img", { class: "graph-print", alt: "The graph as it was on screen", src: out.toDataURL("image/png") }));
}

function legend(departmentsMode: boolean): HTMLElement {
  const item = (cls: string, text: string) => h("li", {}, h("span", { class: `swatch ${cls}`, "aria-hidden": "true" }), text);
  return h("ul", { class: "legend", "aria-label": "Legend" },
    ...(departmentsMode
      ? [item("sw-department", "department"), item("sw-duplicated", "department in a duplication finding"), item("sw-fragmented", "department in a fragmentation finding"), item("sw-function", "function (when a department's functions are shown)")]
      : [item("sw-department", "department"), item("sw-duplicated", "duplicated function"), item("sw-fragmented", "fragmented function"), item("sw-function", "function without a finding")]),
  );
}
