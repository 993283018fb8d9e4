import { z } from "zod";

const id = <B extends string>(brand: B, what: string) =>
  z.string().min(1, { error: `${what} id must be a non-empty string` }).brand<B>();

export const RegionId = id("RegionId", "Region");
export type RegionId = z.infer<typeof RegionId>;
export const SegmentId = id("SegmentId", "Segment");
export type SegmentId = z.infer<typeof SegmentId>;
export const DepartmentId = id("DepartmentId", "Department");
export type DepartmentId = z.infer<typeof DepartmentId>;
export const FunctionId = id("FunctionId", "Function");
export type FunctionId = z.infer<typeof FunctionId>;
export const ServiceId = id("ServiceId", "Service");
export type ServiceId = z.infer<typeof ServiceId>;
export const NeedId = id("NeedId", "Need");
export type NeedId = z.infer<typeof NeedId>;
export const EvidenceId = id("EvidenceId", "Evidence type");
export type EvidenceId = z.infer<typeof EvidenceId>;
export const PointId = id("PointId", "Service point");
export type PointId = z.infer<typeof PointId>;
