import { toJsonSchemas } from "../../index.js";
import { defineCommand, UsageError } from "../command.js";
import { renderJson } from "../render.js";

/** `govgraph schema [entity]`: prints a JSON Schema 2020-12 document (default `model`). @internal */
export const schema = defineCommand({
  name: "schema",
  summary: "Print the JSON Schema (2020-12) of the model or of one entity",
  args: [{ name: "entity", description: "model (default), service, region, need, channel... (`--list` names them all)" }],
  options: { list: { type: "boolean", description: "List the entity names and their $id" } },
  formats: ["json", "text"],
  examples: ["> model.schema.json", "service", "--list"],
  run({ positionals, values }) {
    const schemas = toJsonSchemas();
    const names = Object.keys(schemas).map((file) => file.replace(/\.json$/, ""));
    if (values.list) return { output: names.map((n) => `${n.padEnd(22)} ${String(schemas[n + ".json"]!.$id)}\n`).join("") };
    const wanted = (positionals[0] ?? "model").toLowerCase().replace(/\.json$/, "");
    // Accept the file name (service-point), the type name (ServicePoint) and the registry id (govgraph.ServicePoint).
    const name = names.find((n) => n === wanted || n === "gov-" + wanted || n.replace(/-/g, "") === wanted.replace(/^govgraph\./, ""));
    if (!name) throw new UsageError(`schema: unknown entity "${positionals[0]}". Known entities: ${names.join(", ")}.`, schema);
    return { output: renderJson(schemas[name + ".json"]) };
  },
});
