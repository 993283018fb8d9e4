import { iriTail } from "./graph.js";
import { nodeIssue } from "./issues.js";
import type { Draft, ReadContext } from "./read-context.js";
import { readAssignments, readNeed, readTravelCost } from "./read-needs.js";
import { legalBasisOf, readDepartment, readEvidence, readFunction, readRegion, readSegment, readServicePoint } from "./read-records.js";
import { legalResourcesOf, readService, type ServiceLinks } from "./read-services.js";
import { T } from "./vocabulary.js";

/** The collections a catalogue maps to, before validation. @internal */
export type CatalogueInput = Record<string, unknown[]>;

const UNKNOWN_REGION = "unknown-region";
const MISSING_AUTHORITY = "unknown-authority";

/** Reads a document govgraph wrote: every record from its own node, nothing guessed. @internal */
export function readOwnCatalogue(ctx: ReadContext): CatalogueInput {
  const { graph } = ctx;
  const inScheme = (scheme: string) => graph.ofType(T.Concept).filter((c) => graph.nodes(c, T.inScheme).includes(`${ctx.base}${scheme}`));
  for (const node of graph.ofType(T.Location)) readRegion(ctx, node);
  for (const node of inScheme("segments")) readSegment(ctx, node);
  const links = serviceLinks(ctx);
  for (const node of graph.ofType(T.PublicOrganisation)) links.department(node);
  for (const node of inScheme("functions")) readFunction(ctx, node);
  for (const node of graph.ofType(T.Evidence)) links.evidence(node);
  for (const node of eventNodes(ctx)) links.need(node);
  for (const node of graph.ofType(T.PublicService)) readService(ctx, node, links);
  for (const node of graph.ofType(T.ServicePoint)) readServicePoint(ctx, node, (n) => (n === undefined ? unknownRegion(ctx) : links.region(n)), (n) => ctx.get("services", n)?.id ?? n);
  const travelCosts = graph.ofType(T.TravelCost).flatMap((node) => readTravelCost(ctx, node) ?? []);
  return collections(ctx, readAssignments(ctx), travelCosts);
}

/**
 * Reads another catalogue: services with what they point to; the concepts that classify a service become the
 * functions it performs, holding its legal resources (a function named after the service when it has none), and
 * its competent authority leads them.
 * @internal
 */
export function readOtherCatalogue(ctx: ReadContext): CatalogueInput {
  const { graph } = ctx;
  for (const node of graph.ofType(T.Location)) readRegion(ctx, node);
  const links = serviceLinks(ctx);
  for (const node of graph.ofType(T.PublicOrganisation)) links.department(node);
  for (const node of graph.ofType(T.Evidence)) links.evidence(node);
  for (const node of eventNodes(ctx)) links.need(node);
  const assignments = new Map<string, Record<string, unknown>>();
  for (const node of graph.ofType(T.PublicService)) {
    const service = readService(ctx, node, links);
    const laws = legalResourcesOf(ctx, node).map((law) => legalBasisOf(ctx, law));
    if (laws.length > 0 && (service.functionIds as string[]).length === 0) {
      const own = ctx.add("functions", `${node}#function`, { name: service.name, category: "public_service" });
      service.functionIds = [own.id];
    }
    for (const functionId of service.functionIds as string[]) {
      const fn = ctx.byId("functions", functionId)!;
      const legalBasis = (fn.legalBasis ??= []) as { title: string; uri?: string }[];
      for (const law of laws) if (!legalBasis.some((l) => l.title === law.title && l.uri === law.uri)) legalBasis.push(law);
      const key = `${service.departmentId as string}\u0000${functionId}`;
      if (!assignments.has(key)) assignments.set(key, { departmentId: service.departmentId, functionId, role: "lead" });
    }
  }
  return collections(ctx, [...assignments.values()], []);
}

function eventNodes(ctx: ReadContext): string[] {
  const { graph } = ctx;
  return [...new Set([...graph.ofType(T.Event), ...graph.ofType(T.LifeEvent), ...graph.ofType(T.BusinessEvent)])];
}

function unknownRegion(ctx: ReadContext): string {
  return ctx.get("regions", UNKNOWN_REGION)?.id ?? ctx.add("regions", UNKNOWN_REGION, { name: "Unknown region" }).id;
}

/** Turns the nodes a service points to into record ids, adding the records (or placeholders) on first sight. */
function serviceLinks(ctx: ReadContext): ServiceLinks {
  const { graph, fn } = ctx;
  const region = (node: string) => readRegion(ctx, node).id;
  const regionOf = (node: string) => {
    const spatial = graph.node(node, T.spatial);
    return spatial === undefined ? unknownRegion(ctx) : region(spatial);
  };
  const department = (node: string) => (graph.has(node) ? readDepartment(ctx, node, regionOf).id : undefined);
  const events = new Map<string, string[]>();
  if (!ctx.own) {
    for (const event of eventNodes(ctx)) {
      for (const service of graph.nodes(event, T.hasRelatedService, T.relation)) events.get(service)?.push(event) ?? events.set(service, [event]);
    }
  }
  return {
    region,
    department,
    authority(service, node) {
      const described = node === undefined ? undefined : department(node);
      if (described !== undefined) return described;
      const what = node === undefined ? "has no competent authority" : `names the competent authority <${node}>, which the document does not describe`;
      ctx.issues.push(nodeIssue(node === undefined ? "missing_authority" : "external_authority", service, `${fn}: service ${ctx.label(service)} ${what}; a placeholder department stands for it`));
      const key = node ?? MISSING_AUTHORITY;
      const placeholder = ctx.get("departments", key);
      if (placeholder) return placeholder.id;
      const name = node === undefined ? "Unknown competent authority" : iriTail(node);
      const attributes = node === undefined ? { placeholder: "missing" } : { placeholder: "external", iri: node };
      return ctx.add("departments", key, { name, regionId: unknownRegion(ctx), kind: "placeholder", attributes }).id;
    },
    fn: (node) => readFunction(ctx, node).id,
    need: (node) => readNeed(ctx, node, (n) => readSegment(ctx, n).id).id,
    segment: (node) => readSegment(ctx, node).id,
    evidence: (node) => readEvidence(ctx, node, (n) => (graph.is(n, T.PublicOrganisation) ? department(n) : undefined)).id,
    eventsOf: (service) => events.get(service) ?? [],
  };
}

/** The collections, with any cycle in the region or department tree broken (and reported). */
function collections(ctx: ReadContext, assignments: unknown[], travelCosts: unknown[]): CatalogueInput {
  const regions = ctx.all("regions");
  const departments = ctx.all("departments");
  breakCycles(ctx, regions, "regions");
  breakCycles(ctx, departments, "departments");
  return {
    regions,
    segments: ctx.all("segments"),
    departments,
    functions: ctx.all("functions"),
    assignments,
    services: ctx.all("services"),
    needs: ctx.all("needs"),
    evidence: ctx.all("evidence"),
    servicePoints: ctx.all("servicePoints"),
    travelCosts,
  };
}

function breakCycles(ctx: ReadContext, records: Draft[], collection: string): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  const done = new Set<string>();
  for (const start of records) {
    const path = new Set<string>();
    for (let r: Draft | undefined = start; r !== undefined && !done.has(r.id); r = byId.get(r.parentId as string)) {
      if (path.has(r.id)) {
        ctx.issues.push(nodeIssue("cycle", r.id, `${ctx.fn}: the ${collection} tree has a cycle through "${r.id}"; its parent "${String(r.parentId)}" is left out`));
        delete r.parentId;
        break;
      }
      path.add(r.id);
    }
    for (const id of path) done.add(id);
  }
}
