import { z } from "zod";

/** Metadata every govgraph schema carries in {@link govgraphRegistry}. */
export interface SchemaMeta {
  /** Namespaced id, such as `govgraph.Service`; also the JSON Schema file name. */
  id: string;
  description: string;
}

/** The registry of govgraph's own schemas (not zod's global one), from which `schemas/*.json` are generated. */
export const govgraphRegistry = z.registry<SchemaMeta>();
