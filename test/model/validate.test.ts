import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryModel, arbitraryShuffledModel } from "../arbitraries.js";
import { formatIssues, GovGraphError, parseModel, validateModel } from "../../src/index.js";

const fixtures = join(import.meta.dirname, "../fixtures");
const corpus = join(fixtures, "invalid");
const read = (file: string) => readFileSync(join(corpus, file), "utf8");


describe("validateModel", () => {
  it("messages name the record, the field and the fix; formatIssues prints them like zod's prettifyError", () => {
    const { issues } = validateModel({
      schemaVersion: 1,
      regions: [{ id: "county", name: "County", mayor: "Li" }],
      departments: [{ id: "gov", name: "Government", regionId: "nowhere" }],
      services: [{ id: "s1", name: "Service", departmentId: "gov" }],
    });
    expect(formatIssues(issues)).toMatchInlineSnapshot(`
      "✖ Unknown field "mayor" on region "county". Fix the field name, or put your own data in "attributes" (for example "attributes": {"mayor": ...}).
        → at regions[0].mayor
      ✖ Department "gov" refers to region "nowhere" in regionId, but there is no such region in regions. Add it to regions or fix the id.
        → at departments[0].regionId
      ⚠ Service "s1" has no channel, so no one can obtain it. Add at least one channel (in_person, online, phone, mail, mobile, kiosk or outreach).
        → at services[0].channels"
    `);
  });

  it("reports references of valid records even when other records fail the schema (every problem at once)", () => {
    const { ok, issues } = validateModel({
      schemaVersion: 1,
      regions: [{ id: "county", name: "" }],
      departments: [{ id: "gov", name: "Government", regionId: "nowhere" }],
    });
    expect(ok).toBe(false);
    expect(issues.map((i) => `${i.code} ${i.pointer}`)).toEqual(["too_small /regions/0/name", "unknown_reference /departments/0/regionId"]);
    expect(issues[1]!.message).toContain('"nowhere"');
    expect(issues[1]!.message).toContain("regions");
  });

  it("never throws, whatever it is given", () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const cyclic: Record<string, unknown> = { id: "a", name: "A" };
    cyclic.attributes = { self: cyclic };
    const hostile = {
      schemaVersion: 1,
      get regions(): never {
        throw new Error("boom");
      },
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const inputs: unknown[] = [undefined, null, 0, "", "{}", [], deep, { schemaVersion: 1, regions: deep }, { schemaVersion: 1, regions: [cyclic] }, hostile, revoked.proxy, Symbol("x"), () => 1, new Map(), new Date(0), Object.create(null)];
    for (const input of inputs) {
      const result = validateModel(input);
      expect(result.ok).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) expect(issue.severity).toBe("error");
    }
    expect(validateModel(hostile).issues[0]).toMatchObject({ code: "invalid_input", pointer: "" });
  });

  it("NaN, Infinity and negative numbers (reachable from JS values, not from JSON) are invalid_type / too_small", () => {
    const { issues } = validateModel({
      schemaVersion: 1,
      regions: [
        { id: "a", name: "A", population: Number.NaN },
        { id: "b", name: "B", population: Number.POSITIVE_INFINITY },
        { id: "c", name: "C", population: -1, attributes: { score: Number.NaN } },
      ],
    });
    expect(issues.map((i) => `${i.code} ${i.pointer}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "invalid_type /regions/0/population: Region "a": "population" must be a number, not NaN.",
        "invalid_type /regions/1/population: Region "b": "population" must be a number, not Infinity.",
        "too_small /regions/2/population: Region "c": "population" must be at least 0.",
        "invalid_union /regions/2/attributes/score: Region "c": "attributes.score" must be a string, a number, a boolean or null.",
      ]
    `);
  });

  it("a 1 MB name is valid and kept whole", () => {
    const name = "x".repeat(1 << 20);
    const result = validateModel({ schemaVersion: 1, regions: [{ id: "big", name }] });
    expect(result.ok).toBe(true);
    expect(result.model?.regions[0]?.name.length).toBe(1 << 20);
  });

  it("an unknown key of 1 MB is reported with a shortened name", () => {
    const key = "k".repeat(1 << 20);
    const { issues } = validateModel({ schemaVersion: 1, regions: [{ id: "a", name: "A", [key]: 1 }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.length).toBeLessThan(400);
  });

  it("ids such as __proto__, constructor and toString are ordinary ids (test/fixtures/prototype-ids.json)", () => {
    const input = JSON.parse(readFileSync(join(fixtures, "prototype-ids.json"), "utf8"));
    const result = validateModel(input);
    expect(result.issues).toEqual([]);
    const model = result.model!;
    expect(model.regions.map((r) => r.id)).toEqual(["__proto__", "constructor", "toString"]);
    expect(model.services.map((s) => s.id)).toEqual(["__proto__", "toString"]);
    const township = model.regions[2]!;
    expect(Object.getPrototypeOf(township.attributes)).toBe(Object.prototype);
    expect(Object.keys(township.attributes!).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getOwnPropertyDescriptor(township.attributes, "__proto__")?.value).toBe("kept as an ordinary key");
    expect(Object.getOwnPropertyDescriptor(model.services[0]!.channels[0]!.attributes, "__proto__")?.value).toBe(1);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it("a dangling reference to a __proto__ id is still dangling", () => {
    const { issues } = validateModel({ schemaVersion: 1, departments: [{ id: "d", name: "D", regionId: "__proto__" }] });
    expect(issues.map((i) => i.code)).toEqual(["unknown_reference"]);
  });

  it("returns the model in canonical order, deep-frozen, without touching the input", () => {
    const input = {
      schemaVersion: 1,
      regions: [{ id: "b", name: "B" }, { id: "a", name: "A", location: { lat: 1, lon: 2 } }],
      assignments: [],
      travelCosts: [],
    };
    const before = structuredClone(input);
    const { model } = validateModel(input);
    expect(input).toEqual(before);
    expect(model!.regions.map((r) => r.id)).toEqual(["a", "b"]);
    expect(model!.services).toEqual([]);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model!.regions)).toBe(true);
    expect(Object.isFrozen(model!.regions[0]!.location)).toBe(true);
    expect(() => {
      (model!.regions[0] as { name: string }).name = "changed";
    }).toThrow(TypeError);
  });

  it("parseModel throws invalid_model carrying every issue", () => {
    const input = JSON.parse(read("dangling-references.json"));
    const error = (() => {
      try {
        parseModel(input);
      } catch (e) {
        return e as GovGraphError;
      }
    })();
    expect(error).toBeInstanceOf(GovGraphError);
    expect(error!.code).toBe("invalid_model");
    expect(error!.issues).toHaveLength(validateModel(input).issues.length);
    expect(error!.message).toMatch(/^parseModel: the model has 22 errors \(all listed in issues\), the first at \/regions\/0\/parentId: /);
  });

  it("random valid models validate without any issue, in canonical order", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const result = validateModel(input);
        expect(result.issues).toEqual([]);
        const ids = result.model!.services.map((s) => s.id);
        expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { numRuns: 150 },
    );
  });

  it("checks the references the model holds, even when a getter answers a second read differently", () => {
    let reads = 0;
    const region: Record<string, unknown> = { id: "r2", name: "Two" };
    Object.defineProperty(region, "parentId", { enumerable: true, get: () => (reads++ === 0 ? "r1" : "ghost") });
    const result = validateModel({ schemaVersion: 1, regions: [{ id: "r1", name: "One" }, region] });
    const parent = result.model?.regions[1]?.parentId;
    expect(result.ok && parent !== undefined && result.model!.regions.some((r) => r.id === parent)).toBe(true);
  });

  it("record order in the input does not change the validated model", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        expect(validateModel(b).model).toEqual(validateModel(a).model);
      }),
      { numRuns: 100 },
    );
  });
});

describe("validateModel options", () => {
  const text = JSON.stringify({
    schemaVersion: 1,
    regions: [{ id: "r", name: "R" }],
    departments: [{ id: "d", name: "D", regionId: "r" }],
    services: [{ id: "s", name: "S", departmentId: "d", channels: [{ kind: "online" }] }],
  });

  it("adopt: true keeps the caller's parsed objects, defaults filled and frozen in place, instead of copying them", () => {
    const input = JSON.parse(text);
    const adopted = validateModel(input, { adopt: true }).model!;
    expect(adopted).toEqual(validateModel(JSON.parse(text)).model);
    expect(adopted.services[0]).toBe(input.services[0]);
    expect(input.services[0]).toMatchObject({ functionIds: [], needIds: [], segmentIds: [] });
    expect(Object.isFrozen(input.services[0])).toBe(true);
  });

  it("copies by default, leaving the input as it was", () => {
    const input = JSON.parse(text);
    const copied = validateModel(input).model!;
    expect(copied.services[0]).not.toBe(input.services[0]);
    expect(input).toEqual(JSON.parse(text));
    expect(Object.isFrozen(input.services[0])).toBe(false);
  });

  it("takes undefined as the default and throws invalid_input naming a bad option", () => {
    expect(validateModel(JSON.parse(text), { adopt: undefined }).ok).toBe(true);
    expect(() => validateModel(JSON.parse(text), { adopt: "yes" } as never)).toThrow(
      'validateModel: option adopt must be true or false, got "yes". Fix the options and try again.',
    );
    expect(() => validateModel(JSON.parse(text), { adpot: true } as never)).toThrow(/^validateModel: unknown option "adpot"\. Options: adopt/);
  });
});
