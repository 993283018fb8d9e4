import { z } from "zod";
import { Amount } from "./common.js";
import { DepartmentId, EvidenceId, FunctionId, NeedId, RegionId, SegmentId, ServiceId } from "./ids.js";
import { govgraphRegistry } from "./registry.js";
import { userRecord } from "./user-record.js";
import { checkArgument, describeArgument, type ArgumentRule } from "../guard.js";

/** How a service is delivered. `online`, `phone`, `mail` and `mobile` are remote. */
export const ChannelKind = z.enum(["in_person", "online", "phone", "mail", "mobile", "kiosk", "outreach"]);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** One way to obtain a service, with what it costs the citizen. */
export const Channel = userRecord("Channel", "A way to obtain a service: endToEnd (completed wholly through this channel), visits (in-person visits it needs), processingDays, fee, capacity (cases a year; remote channels without one are unlimited)", {
  kind: ChannelKind,
  endToEnd: z.boolean().optional(),
  visits: z.number().int().nonnegative().optional(),
  processingDays: Amount.optional(),
  fee: Amount.optional(),
  capacity: Amount.optional(),
});
export type Channel = z.infer<typeof Channel>;

/** A piece of evidence a service asks for, and whether the citizen supplies it or the government reuses it. */
export const EvidenceRequirement = z
  .strictObject({ evidenceId: EvidenceId, source: z.enum(["citizen", "reused"]) })
  .register(govgraphRegistry, {
    id: "govgraph.EvidenceRequirement",
    description: "Evidence a service requires: supplied by the citizen, or reused from the government's own records (once-only)",
  });
export type EvidenceRequirement = z.infer<typeof EvidenceRequirement>;

/** Which parts of a service's description are published. */
export const Published = z
  .strictObject({
    guide: z.boolean().optional(),
    legalBasis: z.boolean().optional(),
    fee: z.boolean().optional(),
    processingTime: z.boolean().optional(),
    channels: z.boolean().optional(),
    contact: z.boolean().optional(),
  })
  .register(govgraphRegistry, { id: "govgraph.Published", description: "Which parts of a service's description are published" });
export type Published = z.infer<typeof Published>;

/** Measured quality of a service, as shares in [0, 1]. */
export const Quality = z
  .strictObject({ satisfaction: z.number().min(0).max(1).optional(), onTimeRate: z.number().min(0).max(1).optional() })
  .register(govgraphRegistry, { id: "govgraph.Quality", description: "Measured quality, shares in [0, 1]" });
export type Quality = z.infer<typeof Quality>;

export const ServiceStatus = z.enum(["active", "planned", "retired"]);
export type ServiceStatus = z.infer<typeof ServiceStatus>;

const isServiceWithStatus: ArgumentRule = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return `must be a service record, got ${describeArgument(v)}`;
  const status: unknown = (v as { status?: unknown }).status;
  return status === undefined || ServiceStatus.options.includes(status as ServiceStatus) ? undefined : `has status ${describeArgument(status)}, not one of ${ServiceStatus.options.join(", ")}`;
};

/**
 * Whether a service is delivered today: its `status` is `active`, or absent (the default). Every analysis counts
 * only active services unless its options say otherwise.
 * @example
 * model.services.filter(isActiveService).length
 */
export function isActiveService(service: { readonly status?: ServiceStatus | undefined }): boolean {
  checkArgument("isActiveService", "service", service, isServiceWithStatus, "Pass a service record");
  return service.status === undefined || service.status === "active";
}

/** A public service delivered to citizens or businesses. */
export const Service = userRecord("Service", "A public service: departmentId is the competent authority; segmentIds empty means everyone; regionIds absent means the department's jurisdiction and its sub-regions; status absent means active", {
  id: ServiceId,
  name: z.string().min(1),
  description: z.string().optional(),
  departmentId: DepartmentId,
  partnerIds: z.array(DepartmentId).optional(),
  functionIds: z.array(FunctionId).default([]),
  needIds: z.array(NeedId).default([]),
  segmentIds: z.array(SegmentId).default([]),
  regionIds: z.array(RegionId).optional(),
  channels: z.array(Channel).default([]),
  evidence: z.array(EvidenceRequirement).optional(),
  processingDays: Amount.optional(),
  fee: Amount.optional(),
  annualVolume: Amount.optional(),
  status: ServiceStatus.optional(),
  published: Published.optional(),
  quality: Quality.optional(),
});
export type Service = z.infer<typeof Service>;
