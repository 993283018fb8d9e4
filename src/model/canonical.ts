import type { Model } from "../schemas/model.js";

/** Orders ids by UTF-16 code units, the same in every locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedBy<T>(records: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < records.length; i++) {
    if (compare(records[i - 1]!, records[i]!) > 0) return [...records].sort(compare);
  }
  return records;
}

const byId = (a: { id: string }, b: { id: string }) => compareIds(a.id, b.id);

/**
 * The model with every collection in canonical order: by `id`; assignments by (departmentId, functionId);
 * travel costs by (regionId, pointId). Collections already in order are kept as they are (no copy).
 */
export function canonicalize(model: Model): Model {
  return {
    ...model,
    regions: sortedBy(model.regions, byId) as Model["regions"],
    segments: sortedBy(model.segments, byId) as Model["segments"],
    departments: sortedBy(model.departments, byId) as Model["departments"],
    functions: sortedBy(model.functions, byId) as Model["functions"],
    assignments: sortedBy(
      model.assignments,
      (a, b) => compareIds(a.departmentId, b.departmentId) || compareIds(a.functionId, b.functionId),
    ) as Model["assignments"],
    services: sortedBy(model.services, byId) as Model["services"],
    needs: sortedBy(model.needs, byId) as Model["needs"],
    evidence: sortedBy(model.evidence, byId) as Model["evidence"],
    servicePoints: sortedBy(model.servicePoints, byId) as Model["servicePoints"],
    travelCosts: sortedBy(
      model.travelCosts,
      (a, b) => compareIds(a.regionId, b.regionId) || compareIds(a.pointId, b.pointId),
    ) as Model["travelCosts"],
  };
}
