// Whole-file checks on the Kenya eCitizen dataset under ../shared/data (run by `npm run test:real` when that folder exists).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDuplication, fromKenyaEcitizen, validateModel } from "../../src/index.js";

const dir = join(import.meta.dirname, "..", "..", "..", "shared", "data", "kenya-ecitizen");
const files = Object.fromEntries(["ministries.csv", "departments.csv", "agencies.csv", "services.csv"].map((f) => [f, readFileSync(join(dir, f), "utf8")]));

describe("Kenya eCitizen, 2026-02 snapshot (kenya-ecitizen/*.csv)", () => {
  const { model, issues } = fromKenyaEcitizen(files);
  const report = findDuplication(model);
  const holders = new Map<string, Set<string>>();
  for (const a of model.assignments) (holders.get(a.functionId) ?? holders.set(a.functionId, new Set()).get(a.functionId)!).add(a.departmentId);

  it("maps every row: 27 ministries, 54 departments, 286 agencies, 5,489 services, no issue", () => {
    expect(validateModel(model).ok).toBe(true);
    expect(issues).toEqual([]);
    const count = (kind: string) => model.departments.filter((d) => d.kind === kind).length;
    expect([count("ministry"), count("department"), count("agency"), model.services.length]).toEqual([27, 54, 286, 5489]);
    expect(model.functions).toHaveLength(5305);
    // Two departments list no agency: they map, as leaves of the tree.
    const parents = new Set(model.departments.map((d) => d.parentId));
    expect(model.departments.filter((d) => d.kind === "department" && !parents.has(d.id))).toHaveLength(2);
  });

  it("finds 123 service names offered by several agencies (307 services), 89 spelled exactly alike, 32 across ministries", () => {
    const repeated = report.duplication.filter((d) => d.kind === "function");
    expect(repeated).toHaveLength(123);
    expect(report.summary.duplicatedServices).toBe(307);
    // docs/real-data.md's table: the ten names offered by the most agencies.
    const ranked = [...repeated].sort((a, b) => b.departmentIds.length - a.departmentIds.length || (a.id < b.id ? -1 : 1));
    expect(ranked.slice(0, 10).map((d) => `${d.id.slice("service-name:".length)} ${d.departmentIds.length}`)).toEqual([
      "student-portal 17",
      "library-services 12",
      "digital-repository 5",
      "e-learning 5",
      "student-clearance 5",
      "accommodation-services 4",
      "complaints 4",
      "lecturer-evaluation 4",
      "new-student-application 4",
      "admission-for-new-students-postgraduate-admission 3",
    ]);
    const parent = new Map(model.departments.map((d) => [d.id as string, d.parentId as string | undefined]));
    const ministry = (id: string): string => (parent.get(id) === undefined ? id : ministry(parent.get(id)!));
    expect(repeated.filter((d) => new Set(d.departmentIds.map(ministry)).size > 1)).toHaveLength(32);
    const bySpelling = new Map<string, Set<string>>();
    for (const s of model.services) (bySpelling.get(s.name) ?? bySpelling.set(s.name, new Set()).get(s.name)!).add(s.departmentId);
    expect([...bySpelling.values()].filter((agencies) => agencies.size > 1)).toHaveLength(89);
  });

  it("finds 950 pairs of near-duplicate names, 32 of them offered by agencies with nothing in common", () => {
    expect(report.nearDuplicateFunctions).toHaveLength(950);
    const apart = report.nearDuplicateFunctions.filter(({ functionIds: [a, b] }) => ![...holders.get(a)!].some((x) => holders.get(b)!.has(x)));
    expect(apart).toHaveLength(32);
    // docs/real-data.md's table: the ten most similar of them.
    const ranked = [...apart].sort((a, b) => b.similarity - a.similarity || (a.functionIds[0] < b.functionIds[0] ? -1 : 1));
    expect(ranked.slice(0, 10).map((n) => `${n.functionIds[0].slice(13)} ~ ${n.functionIds[1].slice(13)} ${n.similarity.toFixed(2)}`)).toEqual([
      "kuccps-students-admission ~ students-admission-kuccps 0.92",
      "teaching-and-e-learning-service ~ teaching-and-e-learning-services 0.90",
      "fines-and-surcharges ~ surcharges-and-fines 0.90",
      "police-clearance-certificate ~ police-clearance-certificates 0.89",
      "re-registration-fee ~ registration-fee 0.89",
      "new-students-application ~ new-students-applications 0.88",
      "application-of-inter-faculty-transfer ~ application-of-inter-intra-faculty-transfer 0.88",
      "hire-of-conference-facilities ~ hire-of-facilities-conference 0.87",
      "votes-and-proceeding ~ votes-and-proceedings 0.86",
      "new-student-application ~ new-student-application-phd 0.85",
    ]);
  });
});
