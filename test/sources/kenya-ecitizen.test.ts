import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDuplication, fromKenyaEcitizen, GovGraphError, validateModel, type CsvIssue } from "../../src/index.js";

// Excerpt of the Kenya eCitizen dataset (CC BY 4.0): see test/fixtures/real/kenya-ecitizen/README.md.
const read = (name: string) => readFileSync(new URL(`../fixtures/real/kenya-ecitizen/${name}`, import.meta.url), "utf8");
const files = Object.fromEntries(["ministries.csv", "departments.csv", "agencies.csv", "services.csv"].map((name) => [name, read(name)]));

describe("fromKenyaEcitizen", () => {
  it("maps ministries, departments and agencies as one tree, and each service under its agency", () => {
    const { model, issues } = fromKenyaEcitizen(files);
    expect(issues).toEqual([]);
    expect(validateModel(model).ok).toBe(true);
    const count = (kind: string) => model.departments.filter((d) => d.kind === kind).length;
    expect([count("ministry"), count("department"), count("agency"), model.services.length]).toEqual([3, 3, 6, 19]);
    const ku = model.departments.find((d) => d.name === "Kenyatta University")!;
    expect(ku).toMatchObject({ id: "agency:ec4592c7d985", parentId: "department:5f7ffbe4ce0e", regionId: "ke", kind: "agency" });
    expect(model.departments.find((d) => d.id === ku.parentId)!.parentId).toBe("ministry:21513791e78a");
    expect(model.services.find((s) => s.id === "service:aa72849daf67")).toEqual({
      id: "service:aa72849daf67",
      name: "Student Portal",
      departmentId: "agency:ec4592c7d985",
      functionIds: ["service-name:student-portal"],
      needIds: [],
      segmentIds: [],
      channels: [{ kind: "online" }],
      attributes: { url: "https://portal.ku.ac.ke" },
    });
    expect(model.meta).toMatchObject({ license: "CC BY 4.0" });
  });

  it("lets findDuplication see service names repeated across agencies, and nearly repeated", () => {
    const { model } = fromKenyaEcitizen(files);
    const report = findDuplication(model);
    const repeated = report.duplication.filter((d) => d.kind === "function").map((d) => [d.id, d.departmentIds.length]);
    expect(repeated).toEqual([
      ["service-name:library-services", 4],
      ["service-name:student-portal", 3],
      ["service-name:students-portal", 2],
    ]);
    // "Student Portal" and "Students Portal" share 71% of their character trigrams: below the default 0.8.
    expect(report.nearDuplicateFunctions).toEqual([]);
    const near = findDuplication(model, { nearDuplicateThreshold: 0.7, include: ["nearDuplicateFunctions"] }).nearDuplicateFunctions;
    expect(near.map((n) => [...n.functionIds, n.similarity])).toEqual([
      ["service-name:admission-for-new-students-postgraduate-admission", "service-name:admission-for-new-students-undergraduate-admission", 0.723404],
      ["service-name:student-portal", "service-name:students-portal", 0.705882],
    ]);
    expect(fromKenyaEcitizen(files, { functions: "none" }).model.functions).toEqual([]);
  });

  it("reports rows it cannot map at their file, line and column; strict refuses, { strict: false } maps the rest", () => {
    const broken = {
      ...files,
      "departments.csv": files["departments.csv"]! + "deadbeef0000,nosuchministry,Ghost Department,0,0,\n",
      "services.csv": files["services.csv"]! + "aa72849daf67,ec4592c7d985,5f7ffbe4ce0e,21513791e78a,Student Portal again,,,\nfeedface0000,ec4592c7d985,5f7ffbe4ce0e,wrongministry,,,,\n",
    };
    let error: unknown;
    try {
      fromKenyaEcitizen(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GovGraphError);
    const issues = (error as GovGraphError).issues as CsvIssue[];
    expect(issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ["departments.csv", 5, "ministry_id", "unknown_reference"],
      ["services.csv", 21, "service_id", "duplicate_id"],
      ["services.csv", 22, "service_name", "missing_value"],
    ]);
    expect((error as GovGraphError).message).toMatch(/^fromKenyaEcitizen: 3 problem\(s\) in the files .* first departments.csv line 5, column "ministry_id": ministry_id "nosuchministry" is not in ministries.csv/);
    const { model } = fromKenyaEcitizen(broken, { strict: false });
    expect(model.services).toHaveLength(19);
    expect(model.departments).toHaveLength(12);
  });

  it("names a missing file or column, and warns about agencies filed under another ministry", () => {
    const { "agencies.csv": _agencies, ...three } = files;
    expect(() => fromKenyaEcitizen(three)).toThrow(/fromKenyaEcitizen: no file "agencies.csv"/);
    expect(() => fromKenyaEcitizen({ ...files, "ministries.csv": "ministry_id,ministry_name\n", "services.csv": "service_id,agency_id\n" })).toThrow(
      /^fromKenyaEcitizen: services.csv line 1, column "department_id": the header has no column "department_id" \(and 2 more, listed in issues\)/,
    );
    const moved = files["agencies.csv"]!.replace("4b74fb754850,287c9376c647,16190641f2b5", "4b74fb754850,287c9376c647,21513791e78a");
    expect(moved).not.toBe(files["agencies.csv"]);
    const { issues } = fromKenyaEcitizen({ ...files, "agencies.csv": moved });
    expect(issues.map((i) => [i.file, i.line, i.column, i.code, i.severity])).toEqual([
      ["agencies.csv", 7, "ministry_id", "inconsistent_parent", "warning"],
      ["services.csv", 18, "ministry_id", "inconsistent_parent", "warning"],
      ["services.csv", 19, "ministry_id", "inconsistent_parent", "warning"],
      ["services.csv", 20, "ministry_id", "inconsistent_parent", "warning"],
    ]);
  });
});
