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

type Renderer = Sigma<NodeAttributes, EdgeAttributes>;
/** A node as drawn: its attributes and the reducer's overrides. */
type NodeView = Partial<NodeAttributes & { hidden: boolean; highlighted: boolean; zIndex: number; forceLabel: boolean }>;

/** The graph, its renderer and selection, for scripts run in the browser's console. */
export interface GraphHandle {
  graph: DuplicationGraph;
  renderer: Renderer | null;
  select(kind: "d" | "f", index: number): void;
}

/** What the view shows at the moment, read by the renderer's reducers. */
interface ViewState {
  graph: DuplicationGraph;
  index: FindingIndex;
  names: Names;
  departmentsMode: boolean;
  /** The selected node's key, when it is drawn. */
  selected: string | null;
  /** The nodes lit up (the selection and its neighbours); null when nothing is selected. */
  focus: Set<string> | null;
  onlyFindings: boolean;
  renderer: Renderer | null;
}

/** The selection's actions, shared by the details panel, the search box, the buttons and the renderer's events. */
interface Selection {
  select(kind: "d" | "f", i: number): void;
  clear(): void;
}

/** Mounts the graph view into `root` (already in the document, so sigma can measure it). */
export function mountGraph(root: HTMLElement, index: FindingIndex, names: Names): GraphHandle {
  const graph = buildGraph(index, names);
  const state: ViewState = { graph, index, names, departmentsMode: index.data.graph.mode === "departments", selected: null, focus: null, onlyFindings: false, renderer: null };
  const details = h("div", { class: "graph-details", "aria-live": "polite" }, h("p", { class: "note" }, "Click a node, or find one by name, to see who holds what and the evidence."));
  const hoverLine = h("p", { class: "hover-line note" }, "\u00a0");
  const helpId = freshId("graph-help");
  const canvas = h("div", { class: "graph-canvas", tabindex: 0, role: "application", "aria-roledescription": "graph", "aria-label": "Graph of departments and the functions they hold", "aria-describedby": helpId });
  const selection = selectionOf(state, details);
  root.append(graphTools(state, selection), h("div", { class: "graph-main" }, canvas, details), hoverLine, help(state, helpId), legend(state.departmentsMode));
  try {
    state.renderer = startRenderer(state, canvas, hoverLine, selection);
  } catch (error) {
    canvas.replaceChildren(h("p", { class: "note" }, `This browser cannot draw the graph (${error instanceof Error ? error.message : String(error)}). The search box and the tables below list the same findings.`));
  }
  return { graph, renderer: state.renderer, select: selection.select };
}

/** Selecting a node (details, focus, camera), clearing the selection and, in departments mode, showing a department's functions. */
function selectionOf(state: ViewState, details: HTMLElement): Selection {
  const { graph, index, names } = state;
  const actions: DetailActions = {
    department: (d) => select("d", d),
    function: (f) => select("f", f),
    toggleExpand: state.departmentsMode ? (d) => toggle(d) : undefined,
    expanded: null,
  };

  function show(kind: "d" | "f", i: number): void {
    details.replaceChildren(...(kind === "d" ? departmentDetails(i, index, names, actions) : functionDetails(i, index, names, actions)).filter((c) => c !== null && c !== undefined && c !== false) as (Node | string)[]);
  }

  function select(kind: "d" | "f", i: number): void {
    const key = `${kind}${i}`;
    show(kind, i);
    const renderer = state.renderer;
    if (graph.hasNode(key)) {
      state.selected = key;
      state.focus = new Set([key, ...graph.neighbors(key)]);
      const at = renderer?.getNodeDisplayData(key);
      if (at) void renderer!.getCamera().animate({ x: at.x, y: at.y, ratio: Math.min(renderer!.getCamera().ratio, 0.5) }, { duration: 300 });
    } else {
      // A function not drawn (departments mode): light up the departments that hold it.
      state.selected = null;
      state.focus = new Set(index.holders[i]!.map((x) => `d${x >> 1}`));
    }
    renderer?.refresh({ skipIndexation: true });
  }

  function clear(): void {
    state.selected = null;
    state.focus = null;
    details.replaceChildren(h("p", { class: "note" }, "Nothing selected."));
    state.renderer?.refresh({ skipIndexation: true });
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

  return { select, clear };
}

/** The search box, the camera buttons and, when every function is drawn, the "only findings" box. */
function graphTools(state: ViewState, selection: Selection): HTMLElement {
  const camera = () => state.renderer?.getCamera();
  return h(
    "div",
    { class: "graph-tools" },
    graphSearch(state.index, state.names, selection.select),
    h("div", { class: "graph-buttons" },
      button("Zoom in", () => void camera()?.animatedZoom(1.5)),
      button("Zoom out", () => void camera()?.animatedUnzoom(1.5)),
      button("Reset view", () => void camera()?.animatedReset()),
      button("Clear selection", selection.clear),
      state.departmentsMode ? null : onlyFindingsBox(state),
    ),
  );
}

function onlyFindingsBox(state: ViewState): HTMLElement {
  const id = freshId("only-findings");
  const box = h("input", { type: "checkbox", id });
  box.addEventListener("change", () => {
    state.onlyFindings = box.checked;
    state.renderer?.refresh({ skipIndexation: true });
  });
  return h("span", { class: "check" }, box, h("label", { for: id }, "Only duplicated or fragmented functions"));
}

function help(state: ViewState, id: string): HTMLElement {
  const { graph } = state;
  return h("p", { id, class: "note" },
    state.departmentsMode
      ? `${number(graph.order)} departments; too many nodes to draw every function, so departments sit near their jurisdiction and near the departments they share duplicated or fragmented functions with (orange lines). Select a department to see whom it supervises and is supervised by (grey lines), and to show its functions. `
      : `${number(graph.order)} nodes and ${number(graph.size)} links: each line joins a department to a function it holds. `,
    "Keyboard: arrow keys pan, + and − zoom, 0 resets, Escape clears the selection; the search box and the tables below reach every node.");
}

/** Draws the graph in `canvas` and wires the mouse, the keyboard and printing; throws where WebGL is missing. */
function startRenderer(state: ViewState, canvas: HTMLElement, hoverLine: HTMLElement, selection: Selection): Renderer {
  const { graph, index } = state;
  const renderer: Renderer = new Sigma(graph, canvas, {
    zIndex: true,
    labelRenderedSizeThreshold: state.departmentsMode ? 7 : 5,
    labelFont: "system-ui, sans-serif",
    nodeReducer: (key, a) => reduceNode(state, key, a),
    edgeReducer: (key, a) => reduceEdge(state, key, a),
  });
  renderer.on("clickNode", ({ node }) => selection.select(graph.getNodeAttribute(node, "kind"), graph.getNodeAttribute(node, "index")));
  renderer.on("clickStage", selection.clear);
  renderer.on("enterNode", ({ node }) => (hoverLine.textContent = summary(graph.getNodeAttributes(node), index)));
  renderer.on("leaveNode", () => (hoverLine.textContent = "\u00a0"));
  canvas.addEventListener("keydown", (event) => keys(event, renderer, selection.clear));
  window.addEventListener("beforeprint", () => snapshot(renderer, canvas));
  return renderer;
}

function reduceNode(state: ViewState, key: string, a: NodeAttributes): NodeView {
  const { focus } = state;
  const out: NodeView = { ...a };
  if (state.onlyFindings && a.kind === "f" && a.finding === 0) out.hidden = true;
  if (focus && !focus.has(key)) Object.assign(out, { color: COLORS.faded, label: "", zIndex: 0 });
  else if (focus) Object.assign(out, { zIndex: 1, forceLabel: focus.size <= 40 });
  if (key === state.selected) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
  return out;
}

function reduceEdge(state: ViewState, key: string, a: EdgeAttributes): Partial<EdgeAttributes & { hidden: boolean }> {
  // Supervision lines cross the whole graph: drawn only for the selected department.
  if (!state.focus) return a.kind === 0 ? { ...a, hidden: true } : a;
  const [s, t] = state.graph.extremities(key);
  return state.selected !== null && (s === state.selected || t === state.selected) ? a : { ...a, hidden: true };
}

function summary(a: NodeAttributes, index: FindingIndex): string {
  if (a.kind === "f") {
    const what = ["", ", fragmented", ", duplicated"][a.finding];
    return `${a.label}: function held by ${plural(index.holders[a.index]!.length, "department")}${what}. Click for the details.`;
  }
  return `${a.label}: department holding ${plural(index.data.graph.holdings[a.index]!.length, "function")}. Click for the details.`;
}

function keys(event: KeyboardEvent, renderer: Renderer, clear: () => void): void {
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
function snapshot(renderer: Renderer, canvas: HTMLElement): void {
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
