/**
 * Model to HSDS rows
 * ==================
 * Writes a model as HSDS rows: departments as organizations, functions and segments as taxonomy terms,
 * assignments and what services do as attributes, services with their areas, required documents and cost
 * options, service points as locations offering their services. Ids that are not UUIDs are written as name-based
 * UUIDs and carried in a `govgraph id` attribute. Mapping and losses: docs/hsds.md.
 * @module
 */
import type { Model } from "../../schemas/model.js";
import { writeServices } from "./from-model-services.js";
import { AUDIENCES_TAXONOMY, FUNCTIONS_TAXONOMY, hsdsId, ID_TERM, nameUuid, RECORD_KEYS_TAXONOMY, REUSED_TERM } from "./ids.js";
import type { HsdsTables } from "./tables.js";
import { attach, carryId, kept, link, put, type WriteContext } from "./write-context.js";

/** The HSDS rows of a valid model. @internal */
export function modelToTables(fn: string, model: Model): HsdsTables {
  const ctx: WriteContext = { fn, model, tables: new Map(), issues: [], functionTerms: new Map(), used: new Set() };
  writeTerms(ctx);
  const holdings = new Map<string, Model["assignments"][number][]>();
  for (const a of model.assignments) holdings.get(a.departmentId)?.push(a) ?? holdings.set(a.departmentId, [a]);
  for (const d of model.departments) {
    const id = hsdsId("organization", d.id);
    const data = kept(ctx, "organization", `department "${d.id}"`, d.attributes);
    const fields: Record<string, unknown> = { ...data.fields, id, name: d.name };
    fields.description ??= d.name; // required by HSDS
    if (d.parentId !== undefined) fields.parent_organization_id = hsdsId("organization", d.parentId);
    put(ctx, "organization", { ...fields, ...attach(ctx, { table: "organization", id }, data, ["departments", d.id]) });
    carryId(ctx, "organization", id, d.id, id);
    for (const identifier of d.identifiers ?? []) {
      const row = { id: nameUuid("organization_identifier", d.id, identifier.scheme, identifier.id), organization_id: id };
      put(ctx, "organization_identifier", { ...row, identifier_scheme: identifier.scheme, identifier_type: identifier.scheme, identifier: identifier.id });
    }
    for (const a of holdings.get(d.id) ?? []) link(ctx, "organization", id, ctx.functionTerms.get(a.functionId)!, ["function", a.functionId], a.role);
  }
  writeServices(ctx);
  for (const p of model.servicePoints) {
    const id = hsdsId("location", p.id);
    const data = kept(ctx, "location", `service point "${p.id}"`, p.attributes);
    const fields: Record<string, unknown> = { ...data.fields, id, name: p.name };
    fields.location_type ??= "physical"; // required by HSDS
    if (p.location) Object.assign(fields, { latitude: p.location.lat, longitude: p.location.lon });
    put(ctx, "location", { ...fields, ...attach(ctx, { table: "location", id }, data, ["servicePoints", p.id]) });
    carryId(ctx, "location", id, p.id, id);
  }
  writeTaxonomies(ctx);
  return ctx.tables;
}

/** Functions as terms (of their own taxonomy when they came from one, else of govgraph's), segments as audience terms. */
function writeTerms(ctx: WriteContext): void {
  for (const f of ctx.model.functions) {
    const id = hsdsId("taxonomy_term", f.id);
    ctx.functionTerms.set(f.id, id);
    const data = kept(ctx, "taxonomy_term", `function "${f.id}"`, f.attributes);
    const own = Object.keys(data.fields).length === 0 && data.nested.length === 0;
    const fields = own ? { code: f.id, taxonomy: FUNCTIONS_TAXONOMY.name, taxonomy_id: FUNCTIONS_TAXONOMY.id } : data.fields;
    put(ctx, "taxonomy_term", { ...fields, id, name: f.name, description: f.description ?? f.name, ...attach(ctx, { table: "taxonomy_term", id }, data, ["functions", f.id]) });
  }
  for (const s of ctx.model.segments) {
    const term = { id: nameUuid("taxonomy_term", "audience", s.id), code: s.id, name: s.name, description: s.description ?? s.name };
    put(ctx, "taxonomy_term", { ...term, taxonomy: AUDIENCES_TAXONOMY.name, taxonomy_id: AUDIENCES_TAXONOMY.id });
  }
}

const DESCRIPTIONS: Record<string, string> = {
  [FUNCTIONS_TAXONOMY.id]: "The functions (responsibilities) of government that services carry out and departments hold; a term's code is the govgraph function id.",
  [AUDIENCES_TAXONOMY.id]: "The audiences (segments) services are meant for; a term's code is the govgraph segment id.",
  [RECORD_KEYS_TAXONOMY.id]: "What HSDS has no field for: a record's govgraph id, and evidence the government reuses.",
};

/** The rows of govgraph's taxonomies (and of its two record-key terms) that some term uses. */
function writeTaxonomies(ctx: WriteContext): void {
  for (const term of [ID_TERM, REUSED_TERM]) {
    if (!ctx.used.has(term.id)) continue;
    put(ctx, "taxonomy_term", { ...term, description: term.id === ID_TERM.id ? "The record's id in the govgraph model." : "Evidence the government reuses from its own records: the applicant need not bring it.", taxonomy: RECORD_KEYS_TAXONOMY.name, taxonomy_id: RECORD_KEYS_TAXONOMY.id });
  }
  const usedTaxonomies = new Set([...(ctx.tables.get("taxonomy_term")?.values() ?? [])].map((t) => t.fields.taxonomy_id));
  for (const taxonomy of [FUNCTIONS_TAXONOMY, AUDIENCES_TAXONOMY, RECORD_KEYS_TAXONOMY]) {
    if (usedTaxonomies.has(taxonomy.id)) put(ctx, "taxonomy", { ...taxonomy, description: DESCRIPTIONS[taxonomy.id] });
  }
}
