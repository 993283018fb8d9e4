import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GovGraphError, OPENNESS_ITEMS, parseModel, scoreOpenness, scoreTransparency, TRANSPARENCY_ITEMS, type ModelInput } from "../../src/index.js";
import { arbitraryShuffledModel } from "../arbitraries.js";

const all = { guide: true, legalBasis: true, fee: true, processingTime: true, channels: true, contact: true };
const input: ModelInput = {
  schemaVersion: 1,
  regions: [{ id: "r", name: "County" }],
  departments: [
    { id: "d1", name: "Civil Affairs", regionId: "r" },
    { id: "d2", name: "Housing", regionId: "r" },
  ],
  functions: [
    { id: "f-law", name: "Marriage registration", legalBasis: [{ title: "Marriage Registration Regulations" }] },
    { id: "f-none", name: "Advice" },
  ],
  services: [
    { id: "s-a", name: "Register a marriage", departmentId: "d1", functionIds: ["f-law"], fee: 10, channels: [{ kind: "in_person" }], published: all },
    { id: "s-b", name: "Family advice", departmentId: "d1", functionIds: ["f-none"], channels: [{ kind: "phone" }], published: { guide: true, channels: true } },
    { id: "s-c", name: "Housing permit", departmentId: "d2", functionIds: ["f-law"], channels: [{ kind: "in_person", fee: 0 }], published: { fee: false, legalBasis: true } },
    { id: "s-d", name: "Old permit", departmentId: "d2", functionIds: ["f-law"], status: "retired", channels: [{ kind: "in_person" }] },
  ],
};

describe("scoreOpenness", () => {
  const report = scoreOpenness(parseModel(input));

  it("counts each item only where it applies", () => {
    // s-a: all six apply (legal basis via f-law, fee field) and all are published: 6 / 6.
    // s-b: no legal basis (f-none has none) and no fee field: guide, processingTime, channels, contact apply; 2 published.
    // s-c: the channel's fee of 0 makes the fee apply; only the legal basis is published: 1 / 6.
    // s-d is retired and left out.
    expect(report.services).toMatchInlineSnapshot(`
      [
        {
          "applicable": [
            "guide",
            "legalBasis",
            "fee",
            "processingTime",
            "channels",
            "contact",
          ],
          "departmentId": "d1",
          "missing": [],
          "published": 6,
          "serviceId": "s-a",
          "share": 1,
        },
        {
          "applicable": [
            "guide",
            "processingTime",
            "channels",
            "contact",
          ],
          "departmentId": "d1",
          "missing": [
            "processingTime",
            "contact",
          ],
          "published": 2,
          "serviceId": "s-b",
          "share": 0.5,
        },
        {
          "applicable": [
            "guide",
            "legalBasis",
            "fee",
            "processingTime",
            "channels",
            "contact",
          ],
          "departmentId": "d2",
          "missing": [
            "guide",
            "fee",
            "processingTime",
            "channels",
            "contact",
          ],
          "published": 1,
          "serviceId": "s-c",
          "share": 0.16666666666666666,
        },
      ]
    `);
  });

  it("pools items per department and overall", () => {
    // d1: (6 + 2) / (6 + 4) = 0.8; d2: 1 / 6. Overall 9 / 16, over the 3 active services.
    expect(report.departments.map((d) => [d.departmentId, d.published, d.applicable, d.share])).toEqual([
      ["d1", 8, 10, 0.8],
      ["d2", 1, 6, 1 / 6],
    ]);
    expect(report.departments[1]!.missing).toEqual({ guide: 1, legalBasis: 0, fee: 1, processingTime: 1, channels: 1, contact: 1 });
    expect(report.overall.share).toEqual({ value: 9 / 16, numerator: 9, denominator: 16, unit: "items", known: 3, total: 3, records: "services" });
    expect([report.overall.services, report.overall.fullyPublished]).toEqual([3, 1]);
    // Legal basis applies to s-a and s-c, both publish it; fee applies to s-a and s-c, only s-a publishes it.
    const item = (published: number, applicable: number) => ({ value: published / applicable, numerator: published, denominator: applicable, unit: "services", known: applicable, total: 3, records: "services" });
    expect(report.overall.byItem.legalBasis).toEqual(item(2, 2));
    expect(report.overall.byItem.fee).toEqual(item(1, 2));
  });

  it("counts a legal basis that a service states, true or false, as applicable (a law to cite) without one on its functions", () => {
    // The US inventory's case: programs list their authorizations or not; no category carries a law.
    const model = parseModel({
      ...input,
      functions: [{ id: "f-none", name: "Advice" }],
      services: [
        { id: "p1", name: "Program 1", departmentId: "d1", functionIds: ["f-none"], channels: [], published: { legalBasis: true } },
        { id: "p2", name: "Program 2", departmentId: "d1", functionIds: ["f-none"], channels: [], published: { legalBasis: true } },
        { id: "p3", name: "Program 3", departmentId: "d2", functionIds: ["f-none"], channels: [], published: { legalBasis: false } },
      ],
    });
    const r = scoreOpenness(model);
    expect(r.overall.byItem.legalBasis).toEqual({ value: 2 / 3, numerator: 2, denominator: 3, unit: "services", known: 3, total: 3, records: "services" });
    // The legal basis is the only item the model records: the overall share stands on it alone.
    expect(r.overall.share.value).toBe(2 / 3);
    expect(r.services.map((x) => [x.serviceId, x.applicable, x.share])).toEqual([
      ["p1", ["legalBasis"], 1],
      ["p2", ["legalBasis"], 1],
      ["p3", ["legalBasis"], 0],
    ]);
  });

  it("leaves an item no service states out everywhere (no_data), rather than counting it unpublished", () => {
    const model = parseModel({
      ...input,
      services: [
        { id: "s1", name: "One", departmentId: "d1", functionIds: ["f-law"], fee: 5, channels: [], published: { guide: true } },
        { id: "s2", name: "Two", departmentId: "d1", functionIds: ["f-none"], channels: [] },
      ],
    });
    const r = scoreOpenness(model);
    // Only the guide is recorded: s1 publishes it, s2 (which states nothing) does not.
    expect(r.services.map((x) => [x.serviceId, x.applicable, x.missing])).toEqual([
      ["s1", ["guide"], []],
      ["s2", ["guide"], ["guide"]],
    ]);
    // Rows with the same items share one frozen list: a report of half a million services holds 64 lists at most.
    expect(r.services[0]!.applicable).toBe(r.services[1]!.applicable);
    expect(Object.isFrozen(r.services[0]!.applicable) && Object.isFrozen(r.services[1]!.missing)).toBe(true);
    expect(r.overall.share.value).toBe(0.5);
    for (const item of ["legalBasis", "fee", "processingTime", "channels", "contact"] as const) {
      expect([item, r.overall.byItem[item].value, r.overall.byItem[item].reason]).toEqual([item, null, "no_data"]);
    }
  });

  it("says an item applies nowhere (not_applicable) when the model records it but no service charges a fee", () => {
    const model = parseModel({ ...input, services: [{ id: "s1", name: "One", departmentId: "d1", functionIds: ["f-none"], channels: [], published: { guide: true, fee: false } }] });
    expect(scoreOpenness(model).overall.byItem.fee).toMatchObject({ value: null, denominator: 0, reason: "not_applicable" });
  });

  it("gives a share of null, not 1, when nothing applies: no service records any item", () => {
    const model = parseModel({ ...input, services: [{ id: "s1", name: "One", departmentId: "d1", functionIds: ["f-law"], channels: [] }] });
    const r = scoreOpenness(model);
    expect(r.services).toEqual([{ serviceId: "s1", departmentId: "d1", applicable: [], published: 0, share: null, missing: [] }]);
    expect(r.departments.map((d) => [d.departmentId, d.applicable, d.share])).toEqual([["d1", 0, null]]);
    expect(r.overall.share).toEqual({ value: null, numerator: 0, denominator: 0, unit: "items", known: 0, total: 1, records: "services", reason: "no_data" });
    expect(r.overall.fullyPublished).toBe(0);
  });

  it("pools the same counts at every level and ignores record order on random models", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        const r = scoreOpenness(parseModel(a));
        expect(scoreOpenness(parseModel(b))).toEqual(r);
        // The services' counts add up to each department's and to the overall share's numerator and denominator.
        const sum = (xs: { applicable: readonly unknown[] | number; published: number }[]) =>
          xs.reduce((acc, x) => [acc[0]! + (typeof x.applicable === "number" ? x.applicable : x.applicable.length), acc[1]! + x.published], [0, 0]);
        expect([r.overall.share.denominator, r.overall.share.numerator]).toEqual(sum(r.services));
        expect(sum(r.departments)).toEqual(sum(r.services));
        const byItem = Object.values(r.overall.byItem);
        expect([byItem.reduce((t, m) => t + m.denominator, 0), byItem.reduce((t, m) => t + m.numerator, 0)]).toEqual(sum(r.services));
      }),
      { numRuns: 50 },
    );
  });
});

describe("the deprecated transparency names", () => {
  it("give the same report and items, and name themselves in their errors", () => {
    const model = parseModel(input);
    expect(scoreTransparency(model)).toEqual(scoreOpenness(model));
    expect(TRANSPARENCY_ITEMS).toBe(OPENNESS_ITEMS);
    expect(() => scoreTransparency(null as never)).toThrow(GovGraphError);
    expect(() => scoreTransparency(null as never)).toThrow(/^scoreTransparency: the model has 1 error/);
  });
});
