import { compareNodes } from "./read-order.js";
import { parseWktPoint } from "./literals.js";
import { readUserData, setDefined, type Draft, type ReadContext } from "./read-context.js";
import { T } from "./vocabulary.js";

/** The model node's meta (a document govgraph wrote). @internal */
export function readMeta(ctx: ReadContext): Record<string, string> | undefined {
  const node = ctx.graph.ofType(T.Model)[0];
  if (node === undefined) return undefined;
  const name = ctx.graph.value(node, T.title);
  if (name === undefined) return undefined;
  const meta: Record<string, string> = { name };
  for (const [key, predicate] of [["description", T.description], ["source", T.source], ["license", T.license]] as const) {
    const value = ctx.graph.value(node, predicate);
    if (value !== undefined) meta[key] = value;
  }
  return meta;
}

/** A region (a `dct:Location`, or a place only named by an IRI). @internal */
export function readRegion(ctx: ReadContext, node: string): Draft {
  const existing = ctx.get("regions", node);
  if (existing) return existing;
  const { graph } = ctx;
  const region = ctx.add("regions", node, { name: ctx.name(node, T.title, T.geographicName) });
  const parent = graph.node(node, T.isPartOf);
  if (parent !== undefined && (ctx.own || graph.is(parent, T.Location))) region.parentId = readRegion(ctx, parent).id;
  setDefined(region, "level", graph.value(node, T.level));
  setDefined(region, "population", ctx.amount(node, T.population));
  const wkt = graph.value(node, T.geometry);
  const location = wkt === undefined ? undefined : parseWktPoint(wkt);
  if (location) region.location = location;
  readUserData(ctx, node, region, ctx.hints(node));
  return region;
}

/** A segment (an audience concept). @internal */
export function readSegment(ctx: ReadContext, node: string): Draft {
  const existing = ctx.get("segments", node);
  if (existing) return existing;
  const segment = ctx.add("segments", node, { name: ctx.name(node) });
  setDefined(segment, "description", ctx.graph.text(node, T.definition));
  readUserData(ctx, node, segment, ctx.hints(node));
  return segment;
}

/** A department (a `cv:PublicOrganisation`), with the functions it holds in a document govgraph wrote. @internal */
export function readDepartment(ctx: ReadContext, node: string, regionOf: (node: string) => string): Draft {
  const existing = ctx.get("departments", node);
  if (existing) return existing;
  const { graph } = ctx;
  const department = ctx.add("departments", node, { name: ctx.name(node, T.prefLabel, T.title), regionId: "" });
  department.regionId = regionOf(node);
  const parent = graph.node(node, T.subOrganizationOf);
  if (parent !== undefined && graph.is(parent, T.PublicOrganisation)) department.parentId = readDepartment(ctx, parent, regionOf).id;
  for (const [key, predicate] of [["level", T.level], ["kind", T.kind]] as const) {
    const value = graph.value(node, predicate);
    if (value !== undefined) department[key] = value;
  }
  setDefined(department, "staff", ctx.json(node, T.staff));
  setDefined(department, "budget", ctx.amount(node, T.budget));
  const hints = ctx.hints(node);
  const identifiers = graph.nodes(node, T.admsIdentifier).sort(compareNodes).flatMap((id) => {
    const value = graph.value(id, T.notation) ?? graph.value(id, T.identifier);
    const scheme = graph.value(id, T.schemeAgency) ?? graph.node(id, T.source) ?? "unknown";
    return value === undefined || value === "" || scheme === "" ? [] : [{ scheme, id: value }];
  });
  if (identifiers.length > 0 || hints.identifiers !== undefined) department.identifiers = identifiers;
  readUserData(ctx, node, department, hints);
  return department;
}

/** A function (a concept of the function scheme, or a concept a service is classified by). @internal */
export function readFunction(ctx: ReadContext, node: string): Draft {
  const existing = ctx.get("functions", node);
  if (existing) return existing;
  const { graph } = ctx;
  const fn = ctx.add("functions", node, { name: ctx.name(node) });
  setDefined(fn, "description", graph.text(node, T.definition, T.description));
  setDefined(fn, "category", graph.value(node, T.category));
  setDefined(fn, "domain", graph.value(node, T.domain) ?? (ctx.own ? undefined : cofogCode(graph.value(node, T.notation) ?? fn.name as string)));
  const hints = ctx.hints(node);
  const laws = graph.nodes(node, T.legalBasis).sort(compareNodes);
  if (laws.length > 0 || hints.legalBasis !== undefined) fn.legalBasis = laws.map((law) => legalBasisOf(ctx, law));
  setDefined(fn, "keywords", ctx.ordered(node, graph.texts(node, T.altLabel), hints, "keywords", true));
  readUserData(ctx, node, fn, hints);
  return fn;
}

/** A COFOG code at the start of a concept's label or notation (`"10.4.0 - Family and children"` -> `"10.4.0"`). */
function cofogCode(text: string): string | undefined {
  return /^\s*(\d{2}(?:\.\d){0,2})(?:\s|$|-)/.exec(text)?.[1];
}

/** A legal basis entry of a legal resource: its title, and its IRI (or the identifier govgraph wrote) as `uri`. @internal */
export function legalBasisOf(ctx: ReadContext, law: string): { title: string; uri?: string } {
  const { graph } = ctx;
  const title = graph.text(law, T.title, T.eliTitle, T.description) ?? ctx.name(law);
  if (ctx.own) {
    const uri = graph.value(law, T.identifier);
    return uri === undefined ? { title } : { title, uri };
  }
  return law.startsWith("_:") ? { title } : { title, uri: law };
}

/** An evidence type (a `cv:Evidence`, or a `cv:EvidenceType` a service asks for). @internal */
export function readEvidence(ctx: ReadContext, node: string, departmentOf: (node: string) => string | undefined): Draft {
  const existing = ctx.get("evidence", node);
  if (existing) return existing;
  const evidence = ctx.add("evidence", node, { name: ctx.name(node, T.title, T.description) });
  const issuer = ctx.graph.node(node, T.publisher);
  setDefined(evidence, "issuerId", issuer === undefined ? undefined : departmentOf(issuer));
  readUserData(ctx, node, evidence, ctx.hints(node));
  return evidence;
}

/** A service point (`gg:ServicePoint`). @internal */
export function readServicePoint(ctx: ReadContext, node: string, regionOf: (node: string | undefined) => string, serviceOf: (node: string) => string): Draft {
  const { graph } = ctx;
  const hints = ctx.hints(node);
  const point = ctx.add("servicePoints", node, { name: ctx.name(node, T.title), regionId: regionOf(graph.node(node, T.spatial)) });
  const wkt = graph.value(node, T.geometry);
  const location = wkt === undefined ? undefined : parseWktPoint(wkt);
  if (location) point.location = location;
  point.serviceIds = ctx.ordered(node, graph.nodes(node, T.offers).map(serviceOf), hints, "serviceIds", false);
  setDefined(point, "capacity", ctx.amount(node, T.capacity));
  setDefined(point, "kind", graph.value(node, T.kind));
  readUserData(ctx, node, point, hints);
  return point;
}
