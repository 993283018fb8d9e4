import { toJsonSchemas } from "../../index.js";
import { defineCommand, UsageError } from "../command.js";
import { documentResult } from "../output.js";
import { table } from "../render/document.js";
import { renderJson } from "../render/json.js";

/** `govgraph schema [entity]`: prints a JSON Schema 2020-12 document (default `model`), or `--list`s them. @internal */
export const schema = defineCommand({
  name: "schema",
  summary: "Print the JSON Schema (2020-12) of the model or of one entity",
  args: [{ name: "entity", description: "model (default), service, region, need, channel... (`--list` names them all)" }],
  options: { list: { type: "boolean", description: "List the entity names and their $id (as text unless --format says otherwise)" } },
  formats: ["json", "text", "md", "csv"],
  examples: ["> model.schema.json", "service", "--list", "--list --format json"],
  run(ctx) {
    const { positionals, values } = ctx;
    const schemas = toJsonSchemas();
    const names = Object.keys(schemas).map((file) => file.replace(/\.json$/, ""));
    if (values.list) {
      const format = values.format === undefined ? "text" : ctx.format;
      const rows = names.map((n) => [n, String(schemas[n + ".json"]!.$id)]);
      return documentResult({ ...ctx, format }, { blocks: [table("schemas", ["entity", "$id"], rows)], json: () => Object.fromEntries(rows) });
    }
    if (ctx.format !== "json") throw new UsageError(`schema prints JSON Schema: --format ${ctx.format} goes with --list only.`, schema);
    const wanted = (positionals[0] ?? "model").toLowerCase().replace(/\.json$/, "");
    // Accept the file name (service-point), the type name (ServicePoint) and the registry id (govgraph.ServicePoint).
    const name = names.find((n) => n === wanted || n === "gov-" + wanted || n.replace(/-/g, "") === wanted.replace(/^govgraph\./, ""));
    if (!name) throw new UsageError(`schema: unknown entity "${positionals[0]}". Known entities: ${names.join(", ")}.`, schema);
    return { output: renderJson(schemas[name + ".json"]) };
  },
});
