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

  it("finds 123 service names offered by several agencies (307 services), 89 of them spelled exactly alike", () => {
    const repeated = report.duplication.filter((d) => d.kind === "function");
    expect(repeated).toHaveLength(123);
    expect(report.summary.duplicatedServices).toBe(307);
    const widest = [...repeated].sort((a, b) => b.departmentIds.length - a.departmentIds.length)[0]!;
    expect([widest.id, widest.departmentIds.length]).toEqual(["service-name:student-portal", 17]);
    const bySpelling = new Map<string, Set<string>>();
    for (const s of model.services) (bySpelling.get(s.name) ?? bySpelling.set(s.name, new Set()).get(s.name)!).add(s.departmentId);
    expect([...bySpelling.values()].filter((agencies) => agencies.size > 1)).toHaveLength(89);
  });

  it("finds 950 pairs of near-duplicate names, 32 of them offered by agencies with nothing in common", () => {
    expect(report.nearDuplicateFunctions).toHaveLength(950);
    const apart = report.nearDuplicateFunctions.filter(({ functionIds: [a, b] }) => ![...holders.get(a)!].some((x) => holders.get(b)!.has(x)));
    expect(apart).toHaveLength(32);
    expect(apart).toContainEqual({ functionIds: ["service-name:police-clearance-certificate", "service-name:police-clearance-certificates"], similarity: 0.892857 });
  });
});
