import type { Model } from "../schemas/model.js";
import type { Csr } from "./csr.js";
import { fill, lookup, unknownId, type IdTable } from "./id-table.js";

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
 * Every service relation in two passes over the services (count, then fill): services are large records spread
 * over the heap, and walking them once per relation costs more in memory traffic than the lookups themselves.
 * A service without `regionIds` serves its department's jurisdiction region (`departmentRegion`).
 * @internal
 */
export function serviceRelations(model: Model, tables: ServiceTargets, departmentRegion: Int32Array): ServiceRelations {
  const offsets = countTargets(model.services);
  const n = model.services.length;
  const targets = (o: Uint32Array) => new Uint32Array(o[n]!);
  const partners = targets(offsets.partners);
  const functions = targets(offsets.functions);
  const needs = targets(offsets.needs);
  const segments = targets(offsets.segments);
  const regions = targets(offsets.regions);
  const evidence = targets(offsets.evidence);
  const sources = new Uint8Array(evidence.length);
  const serviceDepartment = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = model.services[i]!;
    const d = lookup(tables.departments, s.departmentId, "services", i, "departmentId");
    serviceDepartment[i] = d;
    if (s.partnerIds !== undefined) fill(s.partnerIds, tables.departments, partners, offsets.partners[i]!, "services", i, "partnerIds");
    fill(s.functionIds, tables.functions, functions, offsets.functions[i]!, "services", i, "functionIds");
    fill(s.needIds, tables.needs, needs, offsets.needs[i]!, "services", i, "needIds");
    fill(s.segmentIds, tables.segments, segments, offsets.segments[i]!, "services", i, "segmentIds");
    if (s.regionIds === undefined) regions[offsets.regions[i]!] = departmentRegion[d]!;
    else fill(s.regionIds, tables.regions, regions, offsets.regions[i]!, "services", i, "regionIds");
    const list = s.evidence;
    if (list === undefined) continue;
    for (let k = 0, at = offsets.evidence[i]!; k < list.length; k++, at++) {
      const e = list[k]!;
      const t = tables.evidence.of.get(e.evidenceId);
      evidence[at] = t === undefined ? unknownId(e.evidenceId, "services", i, "evidence", k, ".evidenceId") : t;
      sources[at] = e.source === "reused" ? EVIDENCE_REUSED : EVIDENCE_CITIZEN;
    }
  }
  return {
    serviceDepartment,
    servicePartners: { offsets: offsets.partners, targets: partners },
    serviceFunctions: { offsets: offsets.functions, targets: functions },
    serviceNeeds: { offsets: offsets.needs, targets: needs },
    serviceSegments: { offsets: offsets.segments, targets: segments },
    serviceRegions: { offsets: offsets.regions, targets: regions },
    serviceEvidence: { offsets: offsets.evidence, targets: evidence },
    serviceEvidenceSources: sources,
  };
}

/** The row offsets of each service relation, from the lengths of the services' lists. */
function countTargets(services: Model["services"]): Offsets {
  const n = services.length;
  const o: Offsets = {
    partners: new Uint32Array(n + 1),
    functions: new Uint32Array(n + 1),
    needs: new Uint32Array(n + 1),
    segments: new Uint32Array(n + 1),
    regions: new Uint32Array(n + 1),
    evidence: new Uint32Array(n + 1),
  };
  for (let i = 0; i < n; i++) {
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
