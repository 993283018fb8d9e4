import { z } from "zod";

const id = <B extends string>(brand: B, what: string) =>
  z.string().min(1, { error: `${what} id must be a non-empty string` }).brand<B>();

/** Branded ids, one per collection keyed by id: a `ServiceId` cannot stand where a `DepartmentId` is expected. */
export const RegionId = id("RegionId", "Region");
export const SegmentId = id("SegmentId", "Segment");
export const DepartmentId = id("DepartmentId", "Department");
export const FunctionId = id("FunctionId", "Function");
export const ServiceId = id("ServiceId", "Service");
export const NeedId = id("NeedId", "Need");
export const EvidenceId = id("EvidenceId", "Evidence type");
export const PointId = id("PointId", "Service point");

export type RegionId = z.infer<typeof RegionId>;
export type SegmentId = z.infer<typeof SegmentId>;
export type DepartmentId = z.infer<typeof DepartmentId>;
export type FunctionId = z.infer<typeof FunctionId>;
export type ServiceId = z.infer<typeof ServiceId>;
export type NeedId = z.infer<typeof NeedId>;
export type EvidenceId = z.infer<typeof EvidenceId>;
export type PointId = z.infer<typeof PointId>;
