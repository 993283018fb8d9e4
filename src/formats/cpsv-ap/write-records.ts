import type { Model } from "../../schemas/model.js";
import { T, XSD } from "./vocabulary.js";
import { writeConcept, writeGeometry, writeJson, writeNumber, writeString, writeTextList, writeTitled, writeUserData, type Hints, type WriteContext } from "./write-context.js";

/** The model node (`gg:Model`, with the model's meta) and the two concept schemes. @internal */
export function writeModelNode(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  const s = iris.model;
  sink.iri(s, T.type, T.Model);
  sink.lit(s, T.schemaVersion, String(model.schemaVersion), XSD.integer);
  if (model.meta) {
    sink.lit(s, T.title, model.meta.name);
    writeString(ctx, s, T.description, model.meta.description);
    writeString(ctx, s, T.source, model.meta.source);
    writeString(ctx, s, T.license, model.meta.license);
  }
  for (const name of ["functions", "segments"] as const) {
    sink.iri(iris.scheme(name), T.type, T.ConceptScheme);
    sink.lit(iris.scheme(name), T.title, name === "functions" ? "Functions of government" : "Audiences");
  }
}

/** Regions as `dct:Location`s. @internal */
export function writeRegions(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  for (const region of model.regions) {
    const s = iris.of("regions", region.id);
    writeTitled(ctx, s, T.Location, region.id, region.name);
    if (region.parentId !== undefined) sink.iri(s, T.isPartOf, iris.of("regions", region.parentId));
    writeString(ctx, s, T.level, region.level);
    writeNumber(ctx, s, T.population, region.population);
    writeGeometry(ctx, s, region.location);
    writeUserData(ctx, s, region, {});
  }
}

/** Segments as concepts of the audience scheme (a service's `dct:audience`). @internal */
export function writeSegments(ctx: WriteContext, model: Model): void {
  const { iris } = ctx;
  for (const segment of model.segments) {
    const s = iris.of("segments", segment.id);
    writeConcept(ctx, s, iris.scheme("segments"), segment);
    writeUserData(ctx, s, segment, {});
  }
}

/** Departments as `cv:PublicOrganisation`s, with their supervision tree and the functions they hold. @internal */
export function writeDepartments(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  const held = new Map<string, Model["assignments"][number][]>();
  for (const a of model.assignments) held.get(a.departmentId)?.push(a) ?? held.set(a.departmentId, [a]);
  for (const department of model.departments) {
    const s = iris.of("departments", department.id);
    sink.iri(s, T.type, T.PublicOrganisation);
    const partner = ctx.partners.has(department.id);
    if (partner) sink.iri(s, T.type, T.Agent);
    sink.lit(s, T.identifier, department.id);
    sink.text(s, T.prefLabel, department.name);
    if (partner) sink.text(s, T.title, department.name);
    sink.iri(s, T.spatial, iris.of("regions", department.regionId));
    if (department.parentId !== undefined) sink.iri(s, T.subOrganizationOf, iris.of("departments", department.parentId));
    writeString(ctx, s, T.level, department.level);
    writeString(ctx, s, T.kind, department.kind);
    writeJson(ctx, s, T.staff, department.staff);
    writeNumber(ctx, s, T.budget, department.budget);
    const hints: Hints = {};
    if (department.identifiers !== undefined) {
      if (department.identifiers.length === 0) hints.identifiers = [];
      department.identifiers.forEach((identifier, i) => {
        const node = subNode(s, "identifier", i);
        sink.iri(s, T.admsIdentifier, node);
        sink.iri(node, T.type, T.Identifier);
        sink.lit(node, T.notation, identifier.id);
        sink.lit(node, T.schemeAgency, identifier.scheme);
      });
    }
    for (const a of held.get(department.id) ?? []) sink.iri(s, a.role === "support" ? T.supports : T.leads, iris.of("functions", a.functionId));
    writeUserData(ctx, s, department, hints);
  }
  writeAssignmentDetails(ctx, model);
}

/** Assignments with their own data get a `gg:Assignment` node; the others are only `gg:leads` / `gg:supports`. */
function writeAssignmentDetails(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  for (const a of model.assignments) {
    if (a.tags === undefined && a.attributes === undefined) continue;
    const s = iris.pair("assignments", a.departmentId, a.functionId);
    sink.iri(s, T.type, T.Assignment);
    sink.iri(s, T.assignmentOf, iris.of("departments", a.departmentId));
    sink.iri(s, T.assignedFunction, iris.of("functions", a.functionId));
    writeUserData(ctx, s, a, {});
  }
}

/** Functions as concepts of govgraph's function scheme, with their legal basis as `eli:LegalResource`s. @internal */
export function writeFunctions(ctx: WriteContext, model: Model): void {
  const { sink, iris } = ctx;
  for (const fn of model.functions) {
    const s = iris.of("functions", fn.id);
    writeConcept(ctx, s, iris.scheme("functions"), fn);
    writeString(ctx, s, T.category, fn.category);
    writeString(ctx, s, T.domain, fn.domain);
    const hints: Hints = {};
    writeTextList(ctx, s, T.altLabel, fn.keywords, hints, "keywords", true);
    if (fn.legalBasis !== undefined) {
      if (fn.legalBasis.length === 0) hints.legalBasis = [];
      fn.legalBasis.forEach((law, i) => {
        const node = legalIri(s, i);
        sink.iri(s, T.legalBasis, node);
        sink.iri(node, T.type, T.LegalResource);
        sink.text(node, T.title, law.title);
        if (law.uri !== undefined) sink.lit(node, T.identifier, law.uri);
      });
    }
    writeUserData(ctx, s, fn, hints);
  }
}

/**
 * The IRI of a record's sub-node (`<record>:channel:0`): `:` never occurs in an encoded id, so it cannot meet
 * another record's IRI, and Turtle can still write it as a prefixed name (`service:x:channel:0`).
 * @internal
 */
export function subNode(recordIri: string, kind: string, i?: number): string {
  return i === undefined ? `${recordIri}:${kind}` : `${recordIri}:${kind}:${i}`;
}

/** The IRI of a function's i-th legal basis. @internal */
export function legalIri(functionIri: string, i: number): string {
  return subNode(functionIri, "legal", i);
}

/** The concepts the document pointed to, each with its type, label and scheme (SHACL wants them typed). @internal */
export function writeConcepts(ctx: WriteContext): void {
  const { sink } = ctx;
  for (const iri of [...ctx.concepts.keys()].sort()) {
    const concept = ctx.concepts.get(iri)!;
    sink.iri(iri, T.type, T.Concept);
    sink.lit(iri, T.prefLabel, concept.label);
    if (concept.notation !== undefined) sink.lit(iri, T.notation, concept.notation);
    if (concept.scheme !== undefined) sink.iri(iri, T.inScheme, concept.scheme);
  }
}
