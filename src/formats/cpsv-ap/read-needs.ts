import { readUserData, setDefined, type Draft, type ReadContext } from "./read-context.js";
import { T } from "./vocabulary.js";

/** A need (a `cv:Event`; a `cv:LifeEvent` or `cv:BusinessEvent` says its kind). @internal */
export function readNeed(ctx: ReadContext, node: string, segmentOf: (node: string) => string): Draft {
  const existing = ctx.get("needs", node);
  if (existing) return existing;
  const { graph } = ctx;
  const hints = ctx.hints(node);
  const kind = graph.is(node, T.LifeEvent) ? "life_event" : graph.is(node, T.BusinessEvent) ? "business_event" : "need";
  const need = ctx.add("needs", node, { name: ctx.name(node, T.title), kind });
  need.segmentIds = ctx.ordered(node, graph.nodes(node, T.audience).map(segmentOf), hints, "segmentIds", false);
  setDefined(need, "demand", ctx.json(node, T.demand));
  setDefined(need, "weight", ctx.amount(node, T.weight));
  setDefined(need, "journey", ctx.json(node, T.journey));
  readUserData(ctx, node, need, hints);
  return need;
}

/** A travel cost (`gg:TravelCost`); `undefined` when it names no region or point. @internal */
export function readTravelCost(ctx: ReadContext, node: string): Record<string, unknown> | undefined {
  const { graph } = ctx;
  const region = graph.node(node, T.region);
  const point = graph.node(node, T.point);
  const regionId = region === undefined ? undefined : ctx.get("regions", region)?.id;
  const pointId = point === undefined ? undefined : ctx.get("servicePoints", point)?.id;
  const cost = ctx.amount(node, T.cost);
  if (regionId === undefined || pointId === undefined || cost === undefined) return undefined;
  const travelCost: Record<string, unknown> = { regionId, pointId, cost };
  readUserData(ctx, node, travelCost as Draft, ctx.hints(node));
  return travelCost;
}

/** The assignments of a document govgraph wrote: `gg:leads` / `gg:supports`, with `gg:Assignment` details. @internal */
export function readAssignments(ctx: ReadContext): Record<string, unknown>[] {
  const { graph } = ctx;
  const details = new Map<string, string>();
  for (const node of graph.ofType(T.Assignment)) {
    const d = graph.node(node, T.assignmentOf);
    const f = graph.node(node, T.assignedFunction);
    if (d !== undefined && f !== undefined) details.set(`${d}\u0000${f}`, node);
  }
  const out: Record<string, unknown>[] = [];
  for (const d of graph.ofType(T.PublicOrganisation)) {
    const departmentId = ctx.get("departments", d)?.id;
    if (departmentId === undefined) continue;
    for (const [predicate, role] of [[T.leads, "lead"], [T.supports, "support"]] as const) {
      for (const f of graph.nodes(d, predicate)) {
        const functionId = ctx.get("functions", f)?.id;
        if (functionId === undefined) continue;
        const assignment: Record<string, unknown> = { departmentId, functionId, role };
        const detail = details.get(`${d}\u0000${f}`);
        if (detail !== undefined) readUserData(ctx, detail, assignment as Draft, ctx.hints(detail));
        out.push(assignment);
      }
    }
  }
  return out;
}
