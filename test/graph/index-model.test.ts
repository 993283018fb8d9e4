import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EVIDENCE_REUSED,
  GovGraphError,
  ROLE_SUPPORT,
  degree,
  getDegree,
  getRow,
  indexModel,
  parseModelJson,
  row,
  validateModel,
  type Csr,
  type IdTable,
  type Model,
  type ModelIndex,
} from "../../src/index.js";
import { arbitraryModel } from "../arbitraries.js";
import { county } from "./fixtures.js";

/** Row `i` of a relation as ids of the target table. */
const ids = (csr: Csr, i: number, table: IdTable) => [...getRow(csr, i)].map((t) => table.ids[t]);
/** The relation as `{ sourceId: targetIds }`, one entry per source row. */
const relation = (csr: Csr, from: IdTable, to: IdTable) => Object.fromEntries(from.ids.map((id, i) => [id, ids(csr, i, to)]));

describe("indexModel on a hand-built county", () => {
  const x = indexModel(county);

  it("maps ids to dense integers in canonical order", () => {
    expect(x.regions.ids).toEqual(["county", "east", "west"]);
    expect(x.functions.ids).toEqual(["f-licence", "f-school"]);
    expect(x.departments.of.get("market")).toBe(2);
    expect(x.points.ids).toEqual(["p-east"]);
  });

  it("indexes who holds which function, with roles aligned on both sides", () => {
    expect(relation(x.departmentFunctions, x.departments, x.functions)).toEqual({ edu: ["f-school"], "edu-east": ["f-school"], market: ["f-licence"] });
    expect(relation(x.functionDepartments, x.functions, x.departments)).toEqual({ "f-licence": ["market"], "f-school": ["edu", "edu-east"] });
    const school = x.functions.of.get("f-school")!;
    const roles = [...x.functionDepartmentRoles.subarray(x.functionDepartments.offsets[school]!, x.functionDepartments.offsets[school + 1]!)];
    expect(roles).toEqual([0, ROLE_SUPPORT]);
    const eduEast = x.departments.of.get("edu-east")!;
    expect(x.departmentFunctionRoles[x.departmentFunctions.offsets[eduEast]!]).toBe(ROLE_SUPPORT);
  });

  it("indexes services: competent and partner departments, functions, needs, segments, evidence", () => {
    expect([...x.serviceDepartment].map((d) => x.departments.ids[d])).toEqual(["edu-east", "market"]);
    expect(relation(x.departmentServices, x.departments, x.services)).toEqual({ edu: [], "edu-east": ["s-enrol"], market: ["s-licence"] });
    expect(relation(x.servicePartners, x.services, x.departments)).toEqual({ "s-enrol": [], "s-licence": ["edu"] });
    expect(relation(x.departmentPartnerServices, x.departments, x.services)).toEqual({ edu: ["s-licence"], "edu-east": [], market: [] });
    expect(relation(x.serviceFunctions, x.services, x.functions)).toEqual({ "s-enrol": ["f-school"], "s-licence": ["f-licence"] });
    expect(relation(x.functionServices, x.functions, x.services)).toEqual({ "f-licence": ["s-licence"], "f-school": ["s-enrol"] });
    expect(relation(x.needServices, x.needs, x.services)).toEqual({ "n-baby": ["s-enrol"], "n-start": ["s-licence"] });
    expect(relation(x.segmentServices, x.segments, x.services)).toEqual({ families: ["s-enrol"], firms: ["s-licence"] });
    expect(relation(x.serviceEvidence, x.services, x.evidence)).toEqual({ "s-enrol": ["e-birth"], "s-licence": ["e-id"] });
    expect([...x.serviceEvidenceSources]).toEqual([0, EVIDENCE_REUSED]);
    expect([...x.evidenceServiceSources]).toEqual([0, EVIDENCE_REUSED]);
    expect([...x.evidenceIssuer]).toEqual([-1, x.departments.of.get("market")]);
    expect(relation(x.departmentEvidence, x.departments, x.evidence)).toEqual({ edu: [], "edu-east": [], market: ["e-id"] });
  });

  it("gives a service without regionIds its department's jurisdiction", () => {
    expect(relation(x.serviceRegions, x.services, x.regions)).toEqual({ "s-enrol": ["east"], "s-licence": ["east", "west"] });
    expect(relation(x.regionServices, x.regions, x.services)).toEqual({ county: [], east: ["s-enrol", "s-licence"], west: ["s-licence"] });
    expect([...x.departmentRegion].map((r) => x.regions.ids[r])).toEqual(["county", "east", "county"]);
    expect(relation(x.regionDepartments, x.regions, x.departments)).toEqual({ county: ["edu", "market"], east: ["edu-east"], west: [] });
  });

  it("indexes service points, their services and regions", () => {
    expect(relation(x.pointServices, x.points, x.services)).toEqual({ "p-east": ["s-enrol", "s-licence"] });
    expect(relation(x.servicePoints, x.services, x.points)).toEqual({ "s-enrol": ["p-east"], "s-licence": ["p-east"] });
    expect([...x.pointRegion]).toEqual([x.regions.of.get("east")]);
    expect(relation(x.regionPoints, x.regions, x.points)).toEqual({ county: [], east: ["p-east"], west: [] });
  });

  it("answers ancestor tests on the region and department trees", () => {
    const r = (id: string) => x.regions.of.get(id)!;
    expect(x.regionTree.isAncestorOrSelf(r("county"), r("east"))).toBe(true);
    expect(x.regionTree.isAncestorOrSelf(r("east"), r("east"))).toBe(true);
    expect(x.regionTree.isAncestorOrSelf(r("east"), r("county"))).toBe(false);
    expect(x.regionTree.isAncestorOrSelf(r("east"), r("west"))).toBe(false);
    expect([...x.regionTree.depth]).toEqual([0, 1, 1]);
    expect(ids(x.regionTree.children, r("county"), x.regions)).toEqual(["east", "west"]);
    const d = (id: string) => x.departments.of.get(id)!;
    expect(x.departmentTree.isAncestorOrSelf(d("edu"), d("edu-east"))).toBe(true);
    expect(x.departmentTree.isAncestorOrSelf(d("market"), d("edu-east"))).toBe(false);
    expect([...x.departmentTree.parent]).toEqual([-1, d("edu"), -1]);
  });
});

describe("indexModel on deep trees", () => {
  it("handles a 100,000-deep region chain and department chain without overflowing the stack", () => {
    const n = 100_000;
    const pad = (i: number) => String(i).padStart(6, "0");
    const regions = Array.from({ length: n }, (_, i) => (i === 0 ? { id: `r${pad(i)}`, name: "R" } : { id: `r${pad(i)}`, name: "R", parentId: `r${pad(i - 1)}` }));
    const departments = Array.from({ length: n }, (_, i) =>
      i === 0 ? { id: `d${pad(i)}`, name: "D", regionId: `r${pad(i)}` } : { id: `d${pad(i)}`, name: "D", regionId: `r${pad(i)}`, parentId: `d${pad(i - 1)}` },
    );
    const model = { schemaVersion: 1, regions, segments: [], departments, functions: [], assignments: [], services: [], needs: [], evidence: [], servicePoints: [], travelCosts: [] } as unknown as Model;
    const x = indexModel(model);
    expect(x.regionTree.depth[n - 1]).toBe(n - 1);
    expect(x.regionTree.isAncestorOrSelf(0, n - 1)).toBe(true);
    expect(x.regionTree.isAncestorOrSelf(n - 1, 0)).toBe(false);
    expect(x.regionTree.isAncestorOrSelf(n / 2, n / 2 + 1)).toBe(true);
    expect(x.departmentTree.isAncestorOrSelf(1, n - 1)).toBe(true);
    expect(x.departmentTree.isAncestorOrSelf(n - 2, 1)).toBe(false);
  });
});

/** The error `run` throws (the test fails when it throws none). */
function errorOf(run: () => unknown): GovGraphError {
  try {
    run();
  } catch (error) {
    return error as GovGraphError;
  }
  throw new Error("expected an error");
}

describe("indexModel on bad models", () => {
  it("validates a model govgraph has not, naming the record and field of a dangling reference", () => {
    const bad = { ...county, services: [{ ...county.services[0]!, functionIds: ["f-school", "f-gone"] }] } as unknown as Model;
    const error = errorOf(() => indexModel(bad));
    expect(error).toBeInstanceOf(GovGraphError);
    expect(error.code).toBe("invalid_model");
    expect(error.message).toMatch(/^indexModel: the model has \d+ errors? \(all listed in issues\)/);
    const pointers = (input: unknown) => errorOf(() => indexModel(input as Model)).issues.filter((i) => i.code === "unknown_reference").map((i) => i.pointer);
    expect(pointers(bad)).toContain("/services/0/functionIds/1");
    expect(pointers({ ...county, services: [{ ...county.services[0]!, evidence: [{ evidenceId: "e-gone", source: "citizen" }] }] })).toContain("/services/0/evidence/0/evidenceId");
    expect(pointers({ ...county, services: [{ ...county.services[1]!, regionIds: ["nowhere"] }] })).toContain("/services/0/regionIds/0");
    expect(pointers({ ...county, assignments: [{ departmentId: "nobody", functionId: "f-school", role: "lead" }] })).toContain("/assignments/0/departmentId");
  });

  it("rejects a parentId cycle", () => {
    const cyclic = {
      ...county,
      regions: [
        { id: "a", name: "A", parentId: "b" },
        { id: "b", name: "B", parentId: "a" },
      ],
      departments: [],
      services: [],
      assignments: [],
      servicePoints: [],
      evidence: [],
    } as unknown as Model;
    expect(errorOf(() => indexModel(cyclic)).issues.map((i) => i.code)).toContain("cycle");
  });
});

/** A brute-force oracle: every relation of the index recomputed with Maps from the records. */
function oracle(m: Model) {
  const group = <R>(records: readonly R[], key: (r: R) => readonly string[]) => new Map(records.map((r) => [(r as { id: string }).id, [...key(r)]]));
  const invert = (forward: Map<string, string[]>, targets: readonly { id: string }[]) => {
    const out = new Map<string, string[]>(targets.map((t) => [t.id, []]));
    for (const [from, tos] of forward) for (const to of tos) out.get(to)!.push(from);
    return out;
  };
  const departmentById = new Map(m.departments.map((d) => [d.id, d]));
  const serviceRegions = group(m.services, (s) => s.regionIds ?? [departmentById.get(s.departmentId)!.regionId]);
  const serviceFunctions = group(m.services, (s) => s.functionIds);
  const servicePartners = group(m.services, (s) => s.partnerIds ?? []);
  const serviceEvidence = group(m.services, (s) => (s.evidence ?? []).map((e) => e.evidenceId));
  const pointServices = group(m.servicePoints, (p) => p.serviceIds);
  const departmentFunctions = new Map(m.departments.map((d) => [d.id, [] as string[]]));
  const functionDepartments = new Map(m.functions.map((f) => [f.id, [] as string[]]));
  for (const a of m.assignments) {
    departmentFunctions.get(a.departmentId)!.push(`${a.functionId}/${a.role}`);
    functionDepartments.get(a.functionId)!.push(`${a.departmentId}/${a.role}`);
  }
  const regionParent = new Map(m.regions.map((r) => [r.id, r.parentId]));
  const ancestorOrSelf = (parents: Map<string, string | undefined>, a: string, b: string) => {
    for (let at: string | undefined = b; at !== undefined; at = parents.get(at)) if (at === a) return true;
    return false;
  };
  return {
    departmentFunctions,
    functionDepartments,
    servicePartners,
    departmentPartnerServices: invert(servicePartners, m.departments),
    serviceFunctions,
    functionServices: invert(serviceFunctions, m.functions),
    serviceNeeds: group(m.services, (s) => s.needIds),
    serviceSegments: group(m.services, (s) => s.segmentIds),
    serviceRegions,
    regionServices: invert(serviceRegions, m.regions),
    serviceEvidence,
    evidenceServices: invert(serviceEvidence, m.evidence),
    departmentServices: invert(group(m.services, (s) => [s.departmentId]), m.departments),
    departmentEvidence: invert(group(m.evidence, (e) => (e.issuerId === undefined ? [] : [e.issuerId])), m.departments),
    pointServices,
    servicePoints: invert(pointServices, m.services),
    regionPoints: invert(group(m.servicePoints, (p) => [p.regionId]), m.regions),
    regionDepartments: invert(group(m.departments, (d) => [d.regionId]), m.regions),
    regionAncestor: (a: string, b: string) => ancestorOrSelf(regionParent, a, b),
    departmentAncestor: (a: string, b: string) => ancestorOrSelf(new Map(m.departments.map((d) => [d.id, d.parentId])), a, b),
  };
}

/** A relation of the index as a Map from source id to target ids (optionally suffixed with a role). */
function asMap(csr: Csr, from: IdTable, to: IdTable, roles?: Uint8Array): Map<string, string[]> {
  return new Map(
    from.ids.map((id, i) => {
      const targets: string[] = [];
      for (let k = csr.offsets[i]!; k < csr.offsets[i + 1]!; k++) {
        targets.push(to.ids[csr.targets[k]!]! + (roles ? `/${roles[k] === ROLE_SUPPORT ? "support" : "lead"}` : ""));
      }
      return [id, targets];
    }),
  );
}

describe("indexModel agrees with a brute-force oracle", () => {
  it("on every relation and every ancestor pair of small random models", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const m = validateModel(input).model!;
        const x: ModelIndex = indexModel(m);
        const o = oracle(m);
        expect(asMap(x.departmentFunctions, x.departments, x.functions, x.departmentFunctionRoles)).toEqual(o.departmentFunctions);
        expect(asMap(x.functionDepartments, x.functions, x.departments, x.functionDepartmentRoles)).toEqual(o.functionDepartments);
        expect(asMap(x.servicePartners, x.services, x.departments)).toEqual(o.servicePartners);
        expect(asMap(x.departmentPartnerServices, x.departments, x.services)).toEqual(o.departmentPartnerServices);
        expect(asMap(x.serviceFunctions, x.services, x.functions)).toEqual(o.serviceFunctions);
        expect(asMap(x.functionServices, x.functions, x.services)).toEqual(o.functionServices);
        expect(asMap(x.serviceNeeds, x.services, x.needs)).toEqual(o.serviceNeeds);
        expect(asMap(x.serviceSegments, x.services, x.segments)).toEqual(o.serviceSegments);
        expect(asMap(x.serviceRegions, x.services, x.regions)).toEqual(o.serviceRegions);
        expect(asMap(x.regionServices, x.regions, x.services)).toEqual(o.regionServices);
        expect(asMap(x.serviceEvidence, x.services, x.evidence)).toEqual(o.serviceEvidence);
        expect(asMap(x.evidenceServices, x.evidence, x.services)).toEqual(o.evidenceServices);
        expect(asMap(x.departmentServices, x.departments, x.services)).toEqual(o.departmentServices);
        expect(asMap(x.departmentEvidence, x.departments, x.evidence)).toEqual(o.departmentEvidence);
        expect(asMap(x.pointServices, x.points, x.services)).toEqual(o.pointServices);
        expect(asMap(x.servicePoints, x.services, x.points)).toEqual(o.servicePoints);
        expect(asMap(x.regionPoints, x.regions, x.points)).toEqual(o.regionPoints);
        expect(asMap(x.regionDepartments, x.regions, x.departments)).toEqual(o.regionDepartments);
        const sources = m.services.flatMap((s) => (s.evidence ?? []).map((e) => (e.source === "reused" ? EVIDENCE_REUSED : 0)));
        expect([...x.serviceEvidenceSources]).toEqual(sources);
        for (const a of x.regions.ids) {
          for (const b of x.regions.ids) {
            expect(x.regionTree.isAncestorOrSelf(x.regions.of.get(a)!, x.regions.of.get(b)!)).toBe(o.regionAncestor(a, b));
          }
        }
        for (const a of x.departments.ids) {
          for (const b of x.departments.ids) {
            expect(x.departmentTree.isAncestorOrSelf(x.departments.of.get(a)!, x.departments.of.get(b)!)).toBe(o.departmentAncestor(a, b));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("indexModel's id tables", () => {
  const tablesOf = (x: ModelIndex) => [x.regions, x.segments, x.departments, x.functions, x.services, x.needs, x.evidence, x.points];
  const collectionsOf = (m: Model) => [m.regions, m.segments, m.departments, m.functions, m.services, m.needs, m.evidence, m.servicePoints];

  it("map each id to its record's position, whether validation read the records in order (and lent its tables) or not", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.boolean(), (input, shuffle) => {
        const given = shuffle ? { ...input, regions: [...(input.regions ?? [])].reverse(), services: [...(input.services ?? [])].reverse() } : input;
        const validated = validateModel(given).model;
        if (validated === undefined) return;
        for (const m of [validated, parseModelJson(JSON.stringify(given))]) {
          const x = indexModel(m);
          collectionsOf(m).forEach((records, c) => {
            const table = tablesOf(x)[c]!;
            expect(table.ids).toEqual(records.map((r) => r.id));
            expect(table.of.size).toBe(records.length);
            records.forEach((r, i) => expect(table.of.get(r.id)).toBe(i));
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("the CSR accessors", () => {
  const csr: Csr = { offsets: Uint32Array.of(0, 2, 2, 3), targets: Uint32Array.of(4, 5, 6) };

  it("getRow gives a row's targets as a view and getDegree their number, an empty row included", () => {
    expect([...getRow(csr, 0)]).toEqual([4, 5]);
    expect([...getRow(csr, 1)]).toEqual([]);
    expect([getDegree(csr, 0), getDegree(csr, 1), getDegree(csr, 2)]).toEqual([2, 0, 1]);
    expect(getRow(csr, 2).buffer).toBe(csr.targets.buffer);
  });

  it("keeps row and degree as deprecated aliases that give the same results and name themselves in errors", () => {
    const index = indexModel(county);
    for (let d = 0; d < index.departments.ids.length; d++) {
      expect(row(index.departmentFunctions, d)).toEqual(getRow(index.departmentFunctions, d));
      expect(degree(index.departmentFunctions, d)).toBe(getDegree(index.departmentFunctions, d));
    }
    expect(() => row(index.departmentFunctions, -1)).toThrow(/^row: argument i must be an integer/);
    expect(() => getDegree(index.departmentFunctions, index.departments.ids.length)).toThrow(/^getDegree: argument i must be an integer/);
  });
});
