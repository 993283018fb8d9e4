import { z } from "zod";
import { Amount } from "./common.js";
import { Department } from "./department.js";
import { DepartmentId, EvidenceId, FunctionId, PointId, ServiceId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";
import { Channel, Service } from "./service.js";

/** A new department a merger creates: a department record whose `regionId` may be left out when the merged departments share one. */
export const MergedDepartment = Department.partial({ regionId: true }).register(govgraphRegistry, {
  id: "govgraph.MergedDepartment",
  description: "The new department of a merger: a department record whose regionId may be left out when the merged departments share one region",
});

/**
 * Merges departments into one of them (`into` an id among `ids`) or into a new department (`into` a record; without
 * `regionId` it takes the region the merged departments share, and is refused when they are in different regions).
 */
export const MergeDepartments = z.strictObject({
  op: z.literal("mergeDepartments"),
  ids: z.array(DepartmentId).min(2),
  into: z.union([DepartmentId, MergedDepartment]),
});
/** One new department split off, with the functions, services and evidence it takes. */
export const SplitPart = z.strictObject({
  department: Department,
  functionIds: z.array(FunctionId).default([]),
  serviceIds: z.array(ServiceId).default([]),
  evidenceIds: z.array(EvidenceId).default([]),
});
/** Splits new departments off `id`, which keeps whatever is not listed; staff given to a part leaves `id`. */
export const SplitDepartment = z.strictObject({ op: z.literal("splitDepartment"), id: DepartmentId, into: z.array(SplitPart).min(1) });
/** Moves a function (and, unless `services: false`, the services of `from` performing it) to another department. */
export const TransferFunction = z.strictObject({
  op: z.literal("transferFunction"),
  functionId: FunctionId,
  from: DepartmentId,
  to: DepartmentId,
  services: z.boolean().default(true),
});
/** Abolishes a function: its record, its assignments and its mentions in services. */
export const RemoveFunction = z.strictObject({ op: z.literal("removeFunction"), functionId: FunctionId });
/** Adds a new service. */
export const AddService = z.strictObject({ op: z.literal("addService"), service: Service });
/** Marks a service retired. */
export const RetireService = z.strictObject({ op: z.literal("retireService"), serviceId: ServiceId });
/** Adds a channel to a service, replacing its channel of the same kind if any. */
export const AddChannel = z.strictObject({ op: z.literal("addChannel"), serviceId: ServiceId, channel: Channel });
/** Makes a service available online end to end (an online channel, `endToEnd: true`, no visit). */
export const DigitizeService = z.strictObject({ op: z.literal("digitizeService"), serviceId: ServiceId });
/** Makes every service reuse an evidence type instead of asking the citizen for it (once-only). */
export const ReuseEvidence = z.strictObject({ op: z.literal("reuseEvidence"), evidenceId: EvidenceId });
/** Closes a service point, with its travel costs. */
export const CloseServicePoint = z.strictObject({ op: z.literal("closeServicePoint"), pointId: PointId });
/** Sets a department's staff in post and/or authorized posts. */
export const SetStaff = z.strictObject({
  op: z.literal("setStaff"),
  departmentId: DepartmentId,
  actual: Amount.optional(),
  authorized: Amount.optional(),
});

/** One change to a model, applied by `applyScenario`. */
export const ScenarioOperation = z.discriminatedUnion("op", [
  MergeDepartments,
  SplitDepartment,
  TransferFunction,
  RemoveFunction,
  AddService,
  RetireService,
  AddChannel,
  DigitizeService,
  ReuseEvidence,
  CloseServicePoint,
  SetStaff,
]);
export type ScenarioOperation = z.infer<typeof ScenarioOperation>;
/** An operation as written in JSON (defaults not yet filled). */
export type ScenarioOperationInput = z.input<typeof ScenarioOperation>;

/** A scenario: operations applied in order. */
export const Scenario = z.array(ScenarioOperation).register(govgraphRegistry, {
  id: "govgraph.Scenario",
  description:
    "A what-if scenario: operations applied in order (mergeDepartments, splitDepartment, transferFunction, removeFunction, addService, retireService, addChannel, digitizeService, reuseEvidence, closeServicePoint, setStaff), each with an `op` field",
});
export type Scenario = z.infer<typeof Scenario>;
