import { z } from "zod";
import * as entities from "../schemas/index.js";
import { govgraphRegistry } from "../schemas/registry.js";
import { compareIds } from "../model/records.js";
import { checkArgument, isString } from "../guard.js";

// Schemas join the registry when their module runs; touching every export of src/schemas keeps each of those
// modules in any bundle. A schema registered elsewhere (a scenario's operations) is picked up once its module loads.
const entityCount = Object.keys(entities).length;

/** Where govgraph's JSON Schemas live: every `$id` is this base plus a file name (`service.json`). */
export const SCHEMA_BASE_URI = "https://govgraph.dev/schemas/1/";

/** A JSON Schema document (2020-12) as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The file name of a registered schema: the id without its `govgraph.` namespace, in kebab case.
 * @example schemaFileName("govgraph.ServicePoint") // "service-point.json"
 */
export function schemaFileName(id: string): string {
  checkArgument("schemaFileName", "id", id, isString, 'Pass a schema id such as "govgraph.ServicePoint"');
  const name = id.startsWith("govgraph.") ? id.slice("govgraph.".length) : id;
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase() + ".json";
}

/**
 * JSON Schema 2020-12 documents for every schema in {@link govgraphRegistry}, keyed by file name (`model.json`,
 * `service.json`, `channel.json`...), in file-name order. Each has an absolute `$id` under {@link SCHEMA_BASE_URI}
 * and refers to the others by `$ref`. They describe the JSON users write (zod's input side), so fields with a
 * default, such as a model's collections, are optional. Referential rules (unique ids, known references, acyclic
 * trees) are beyond JSON Schema: only {@link validateModel} checks them.
 * @example
 * const schemas = toJsonSchemas();
 * schemas["model.json"].$id // "https://govgraph.dev/schemas/1/model.json"
 */
export function toJsonSchemas(): Record<string, JsonSchema> {
  if (entityCount === 0) return {};
  const { schemas } = z.toJSONSchema(govgraphRegistry, {
    target: "draft-2020-12",
    io: "input",
    metadata: govgraphRegistry,
    uri: (id) => SCHEMA_BASE_URI + schemaFileName(id),
  });
  const out: Record<string, JsonSchema> = {};
  for (const id of Object.keys(schemas).sort((a, b) => compareIds(schemaFileName(a), schemaFileName(b)))) {
    // Drop zod's non-enumerable "~standard" helper so the document is plain JSON.
    out[schemaFileName(id)] = JSON.parse(JSON.stringify(schemas[id])) as JsonSchema;
  }
  return out;
}
