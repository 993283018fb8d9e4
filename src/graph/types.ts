import type { MultiDirectedGraph } from "graphology";
import type { Role } from "../schemas/assignment.js";
import type { NeedKind } from "../schemas/need.js";
import type { ServiceStatus } from "../schemas/service.js";

// Attribute shapes are type aliases, not interfaces: graphology's `Attributes` is an index signature,
// which interfaces do not satisfy.

/** The kinds of node in {@link GovGraph}, one per model collection that has ids. */
export const NODE_KINDS = ["region", "segment", "department", "function", "service", "need", "evidence", "point"] as const;
/** A node kind: the prefix of a node key (`department:edu`). */
export type NodeKind = (typeof NODE_KINDS)[number];

/** The kinds of edge in {@link GovGraph}, in the order docs/graph.md lists them. */
export const EDGE_KINDS = [
  "contains",
  "jurisdiction",
  "supervises",
  "holds",
  "provides",
  "partners",
  "performs",
  "meets",
  "targets",
  "requires",
  "issues",
  "offers",
  "located",
] as const;
/** An edge kind. */
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Attributes every node carries: its kind, its model id and its name as `label`. */
export type BaseNodeAttributes<K extends NodeKind> = { kind: K; id: string; label: string };

/** Where a located node stands: `lat`/`lon` come from the record's `location`. */
export type LocatedNodeAttributes = { lat?: number; lon?: number };

/** A region node. */
export type RegionNodeAttributes = BaseNodeAttributes<"region"> & LocatedNodeAttributes & { level?: string; population?: number };
/** A segment (audience) node. */
export type SegmentNodeAttributes = BaseNodeAttributes<"segment">;
/** A department node; `departmentKind` is the department's own `kind` field. */
export type DepartmentNodeAttributes = BaseNodeAttributes<"department"> & {
  level?: string;
  departmentKind?: string;
  staffAuthorized?: number;
  staffActual?: number;
  budget?: number;
};
/** A government function node. */
export type FunctionNodeAttributes = BaseNodeAttributes<"function"> & { category?: string; domain?: string };
/** A service node; `status` is filled with `active` when the model leaves it out. */
export type ServiceNodeAttributes = BaseNodeAttributes<"service"> & {
  status: ServiceStatus;
  annualVolume?: number;
  processingDays?: number;
  fee?: number;
};
/** A need node; `weight` is filled with 1 when the model leaves it out. */
export type NeedNodeAttributes = BaseNodeAttributes<"need"> & { needKind: NeedKind; weight: number };
/** An evidence type node. */
export type EvidenceNodeAttributes = BaseNodeAttributes<"evidence">;
/** A service point node; `pointKind` is the point's own `kind` field. */
export type PointNodeAttributes = BaseNodeAttributes<"point"> & LocatedNodeAttributes & { pointKind?: string; capacity?: number };

/** The attributes of any node of {@link GovGraph}; narrow on `kind`. */
export type NodeAttributes =
  | RegionNodeAttributes
  | SegmentNodeAttributes
  | DepartmentNodeAttributes
  | FunctionNodeAttributes
  | ServiceNodeAttributes
  | NeedNodeAttributes
  | EvidenceNodeAttributes
  | PointNodeAttributes;

/** A `holds` edge (department -> function) with the assignment's role. */
export type HoldsEdgeAttributes = { kind: "holds"; role: Role };
/** A `requires` edge (service -> evidence) with who supplies the evidence. */
export type RequiresEdgeAttributes = { kind: "requires"; source: "citizen" | "reused" };
/** Any other edge: only its kind. */
export type PlainEdgeAttributes = { kind: Exclude<EdgeKind, "holds" | "requires"> };
/** The attributes of any edge of {@link GovGraph}; narrow on `kind`. */
export type EdgeAttributes = HoldsEdgeAttributes | RequiresEdgeAttributes | PlainEdgeAttributes;

/** Graph-level attributes: the model's `meta.name` when it has one. */
export type GraphAttributes = { name?: string };

/** The graph {@link toGraph} returns. */
export type GovGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
