import type { Model } from "../schemas/model.js";
import type { Csr } from "./csr.js";
import { fill, lookup, unknownId, type IdTable } from "./id-table.js";
import { int32s, uint32s, uint8s } from "../typed-arrays.js";

/** The source code, in `ModelIndex.serviceEvidenceSources`, of evidence the citizen supplies. */
export const EVIDENCE_CITIZEN = 0;
/** The source code, in `ModelIndex.serviceEvidenceSources`, of evidence reused from its issuer (once-only). */
export const EVIDENCE_REUSED = 1;

/** The relations of each service, row by row in service order. @internal */
export interface ServiceRelations {
  serviceDepartment: Int32Array;
  servicePartners: Csr;
  serviceFunctions: Csr;
  serviceNeeds: Csr;
  serviceSegments: Csr;
  serviceRegions: Csr;
  serviceEvidence: Csr;
  serviceEvidenceSources: Uint8Array;
}

/** The id tables a service refers to. @internal */
export interface ServiceTargets {
  departments: IdTable;
  functions: IdTable;
  needs: IdTable;
  segments: IdTable;
  regions: IdTable;
  evidence: IdTable;
}

type Offsets = Record<"partners" | "functions" | "needs" | "segments" | "regions" | "evidence", Uint32Array>;

/**
 * The services whose relations can be copied from a base index: for each service, the position of the same record
 * in the base model's services when its rows there still hold (its department kept as the same record, every
 * partner still there), else -1; with the base's relations and each base department's position now. @internal
 */
export interface KeptServices {
  keptFrom: Int32Array;
  relations: ServiceRelations;
  departmentTo: Int32Array;
}

/**
 * Every service relation in two passes over the services (count, then fill): services are large records spread
 * over the heap, and walking them once per relation costs more in memory traffic than the lookups themselves.
 * A service without `regionIds` serves its department's jurisdiction region (`departmentRegion`). The rows of
 * services in `kept` are copied from the base's relations without reading the records.
 * @internal
 */
export function serviceRelations(model: Model, tables: ServiceTargets, departmentRegion: Int32Array, kept?: KeptServices): ServiceRelations {
  const offsets = countTargets(model.services, kept);
  const n = model.services.length;
  const targets = (o: Uint32Array) => uint32s(o[n]!);
  const out: ServiceRelations = {
    serviceDepartment: int32s(n),
    servicePartners: { offsets: offsets.partners, targets: targets(offsets.partners) },
    serviceFunctions: { offsets: offsets.functions, targets: targets(offsets.functions) },
    serviceNeeds: { offsets: offsets.needs, targets: targets(offsets.needs) },
    serviceSegments: { offsets: offsets.segments, targets: targets(offsets.segments) },
    serviceRegions: { offsets: offsets.regions, targets: targets(offsets.regions) },
    serviceEvidence: { offsets: offsets.evidence, targets: targets(offsets.evidence) },
    serviceEvidenceSources: uint8s(offsets.evidence[n]!),
  };
  for (let i = 0; i < n; i++) {
    const b = kept ? kept.keptFrom[i]! : -1;
    if (b >= 0) copyRows(kept!, b, out, i);
    else fillRows(model, tables, departmentRegion, out, i);
  }
  return out;
}

/** The relations of service `i` from its record. */
function fillRows(model: Model, tables: ServiceTargets, departmentRegion: Int32Array, out: ServiceRelations, i: number): void {
  const s = model.services[i]!;
  const at = (csr: Csr) => csr.offsets[i]!;
  const d = lookup(tables.departments, s.departmentId, "services", i, "departmentId");
  out.serviceDepartment[i] = d;
  if (s.partnerIds !== undefined) fill(s.partnerIds, tables.departments, out.servicePartners.targets, at(out.servicePartners), "services", i, "partnerIds");
  fill(s.functionIds, tables.functions, out.serviceFunctions.targets, at(out.serviceFunctions), "services", i, "functionIds");
  fill(s.needIds, tables.needs, out.serviceNeeds.targets, at(out.serviceNeeds), "services", i, "needIds");
  fill(s.segmentIds, tables.segments, out.serviceSegments.targets, at(out.serviceSegments), "services", i, "segmentIds");
  if (s.regionIds === undefined) out.serviceRegions.targets[at(out.serviceRegions)] = departmentRegion[d]!;
  else fill(s.regionIds, tables.regions, out.serviceRegions.targets, at(out.serviceRegions), "services", i, "regionIds");
  const list = s.evidence;
  if (list === undefined) return;
  for (let k = 0, e = at(out.serviceEvidence); k < list.length; k++, e++) {
    const t = tables.evidence.of.get(list[k]!.evidenceId);
    out.serviceEvidence.targets[e] = t === undefined ? unknownId(list[k]!.evidenceId, "services", i, "evidence", k, ".evidenceId") : t;
    out.serviceEvidenceSources[e] = list[k]!.source === "reused" ? EVIDENCE_REUSED : EVIDENCE_CITIZEN;
  }
}

/** Copies row `b` of csr `from` into row `i` of `to`, each target through `map` when given. */
function copyRow(from: Csr, b: number, to: Csr, i: number, map?: Int32Array): void {
  const start = from.offsets[b]!;
  const length = from.offsets[b + 1]! - start;
  const at = to.offsets[i]!;
  for (let k = 0; k < length; k++) to.targets[at + k] = map ? map[from.targets[start + k]!]! : from.targets[start + k]!;
}

/** The relations of service `i` copied from those of base service `b` (departments renumbered). */
function copyRows(kept: KeptServices, b: number, out: ServiceRelations, i: number): void {
  const base = kept.relations;
  out.serviceDepartment[i] = kept.departmentTo[base.serviceDepartment[b]!]!;
  copyRow(base.servicePartners, b, out.servicePartners, i, kept.departmentTo);
  copyRow(base.serviceFunctions, b, out.serviceFunctions, i);
  copyRow(base.serviceNeeds, b, out.serviceNeeds, i);
  copyRow(base.serviceSegments, b, out.serviceSegments, i);
  copyRow(base.serviceRegions, b, out.serviceRegions, i);
  copyRow(base.serviceEvidence, b, out.serviceEvidence, i);
  const from = base.serviceEvidence.offsets[b]!;
  const at = out.serviceEvidence.offsets[i]!;
  for (let k = 0; k < base.serviceEvidence.offsets[b + 1]! - from; k++) out.serviceEvidenceSources[at + k] = base.serviceEvidenceSources[from + k]!;
}

/** The row offsets of each service relation, from the lengths of the services' lists (of the base's rows for kept ones). */
function countTargets(services: Model["services"], kept: KeptServices | undefined): Offsets {
  const n = services.length;
  const o: Offsets = {
    partners: uint32s(n + 1),
    functions: uint32s(n + 1),
    needs: uint32s(n + 1),
    segments: uint32s(n + 1),
    regions: uint32s(n + 1),
    evidence: uint32s(n + 1),
  };
  const r = kept?.relations;
  const length = (csr: Csr, b: number) => csr.offsets[b + 1]! - csr.offsets[b]!;
  for (let i = 0; i < n; i++) {
    const b = kept ? kept.keptFrom[i]! : -1;
    if (r && b >= 0) {
      o.partners[i + 1] = o.partners[i]! + length(r.servicePartners, b);
      o.functions[i + 1] = o.functions[i]! + length(r.serviceFunctions, b);
      o.needs[i + 1] = o.needs[i]! + length(r.serviceNeeds, b);
      o.segments[i + 1] = o.segments[i]! + length(r.serviceSegments, b);
      o.regions[i + 1] = o.regions[i]! + length(r.serviceRegions, b);
      o.evidence[i + 1] = o.evidence[i]! + length(r.serviceEvidence, b);
      continue;
    }
    const s = services[i]!;
    o.partners[i + 1] = o.partners[i]! + (s.partnerIds?.length ?? 0);
    o.functions[i + 1] = o.functions[i]! + s.functionIds.length;
    o.needs[i + 1] = o.needs[i]! + s.needIds.length;
    o.segments[i + 1] = o.segments[i]! + s.segmentIds.length;
    o.regions[i + 1] = o.regions[i]! + (s.regionIds?.length ?? 1);
    o.evidence[i + 1] = o.evidence[i]! + (s.evidence?.length ?? 0);
  }
  return o;
}
