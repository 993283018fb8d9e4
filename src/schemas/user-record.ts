import { z } from "zod";
import { userData } from "./common.js";
import { govgraphRegistry } from "./registry.js";

/**
 * A record's schema: a strict object (any unknown field is an error) with the user's own `tags` and `attributes`,
 * registered as `govgraph.<name>` with its description for the JSON Schema files. @internal
 */
export function userRecord<Shape extends z.ZodRawShape>(name: string, description: string, shape: Shape) {
  return z.strictObject({ ...shape, ...userData }).register(govgraphRegistry, { id: `govgraph.${name}`, description });
}
