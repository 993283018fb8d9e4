import { fromHsds } from "./src/formats/hsds/from-hsds.js";
import { toHsds } from "./src/formats/hsds/to-hsds.js";
import { exampleCounty, generateModel } from "./src/index.js";
const sort = (a?: readonly string[]) => a ? [...a].sort() : undefined;
function view(m: any) {
  return {
    departments: m.departments.map((d: any) => ({ id: d.id, name: d.name, parentId: d.parentId, identifiers: d.identifiers })),
    services: m.services.map((s: any) => ({ id: s.id, name: s.name, description: s.description, departmentId: s.departmentId, functionIds: sort(s.functionIds), segmentIds: sort(s.segmentIds), evidence: s.evidence ? [...s.evidence].sort((a: any, b: any) => a.evidenceId < b.evidenceId ? -1 : 1) : undefined, fee: s.fee, status: s.status ?? "active", regionIds: sort(s.regionIds) })),
    points: m.servicePoints.map((p: any) => ({ id: p.id, name: p.name, location: p.location, serviceIds: sort(p.serviceIds) })),
    evidence: m.evidence.map((e: any) => ({ id: e.id, name: e.name })),
    functions: m.functions.map((f: any) => ({ id: f.id, name: f.name, description: f.description })),
    segments: m.segments.map((f: any) => ({ id: f.id, name: f.name, description: f.description })),
    assignments: m.assignments,
  };
}
for (const m of [exampleCounty, generateModel({ size: "county", seed: 5 }).model]) for (const format of ["json", "csv"] as const) {
  const back = fromHsds(toHsds(m, { format } as any) as any).model;
  const a = view(m), b = view(back);
  for (const k of Object.keys(a) as (keyof typeof a)[]) {
    const x = JSON.stringify(a[k]), y = JSON.stringify(b[k]);
    if (x !== y) { 
      const xa = a[k] as any[], ya = b[k] as any[];
      const i = xa.findIndex((r, j) => JSON.stringify(r) !== JSON.stringify(ya[j]));
      console.log(format, k, "DIFF at", i, JSON.stringify(xa[i]).slice(0, 300), "\n   vs", JSON.stringify(ya[i]).slice(0, 300));
    } else console.log(format, k, "ok", (a[k] as any[]).length);
  }
}
