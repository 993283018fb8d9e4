import { z } from "zod";
import { Assignment } from "./assignment.js";
import { Department } from "./department.js";
import { EvidenceType } from "./evidence.js";
import { GovFunction } from "./function.js";
import { Need } from "./need.js";
import { Region } from "./region.js";
import { govgraphRegistry } from "./registry.js";
import { Segment } from "./segment.js";
import { ServicePoint } from "./service-point.js";
import { Service } from "./service.js";
import { TravelCost } from "./travel-cost.js";

/** Where a model comes from. */
export const ModelMeta = z
  .strictObject({
    name: z.string(),
    description: z.string().optional(),
    source: z.string().optional(),
    license: z.string().optional(),
  })
  .register(govgraphRegistry, { id: "govgraph.ModelMeta", description: "Name, description, source and licence of a model" });
export type ModelMeta = z.infer<typeof ModelMeta>;

/** The names of a model's collections, in the order they are written. */
export const COLLECTIONS = [
  "regions",
  "segments",
  "departments",
  "functions",
  "assignments",
  "services",
  "needs",
  "evidence",
  "servicePoints",
  "travelCosts",
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** A government: one JSON document, every collection an array of records. */
export const Model = z
  .strictObject({
    schemaVersion: z.literal(1),
    meta: ModelMeta.optional(),
    regions: z.array(Region).default([]),
    segments: z.array(Segment).default([]),
    departments: z.array(Department).default([]),
    functions: z.array(GovFunction).default([]),
    assignments: z.array(Assignment).default([]),
    services: z.array(Service).default([]),
    needs: z.array(Need).default([]),
    evidence: z.array(EvidenceType).default([]),
    servicePoints: z.array(ServicePoint).default([]),
    travelCosts: z.array(TravelCost).default([]),
  })
  .register(govgraphRegistry, {
    id: "govgraph.Model",
    description: "A government as a typed graph: regions, segments, departments, functions, assignments, services, needs, evidence types, service points and travel costs",
  });
/** A validated model (ids branded, defaults filled). */
export type Model = z.infer<typeof Model>;
/** What a model looks like as JSON before validation (plain string ids, collections optional). */
export type ModelInput = z.input<typeof Model>;

/** The record type of each collection. */
export type RecordOf<C extends CollectionName> = Model[C][number];
