import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseModel, scoreTransparency, type ModelInput } from "../../src/index.js";
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

describe("scoreTransparency", () => {
  const report = scoreTransparency(parseModel(input));

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
    // d1: (6 + 2) / (6 + 4) = 0.8; d2: 1 / 6. Overall 9 / 16.
    expect(report.departments.map((d) => [d.departmentId, d.published, d.applicable, d.share])).toEqual([
      ["d1", 8, 10, 0.8],
      ["d2", 1, 6, 1 / 6],
    ]);
    expect(report.departments[1]!.missing).toEqual({ guide: 1, legalBasis: 0, fee: 1, processingTime: 1, channels: 1, contact: 1 });
    expect(report.overall).toMatchObject({ applicable: 16, published: 9, share: 9 / 16, services: 3, fullyPublished: 1 });
    // Legal basis applies to s-a and s-c, both publish it; fee applies to s-a and s-c, only s-a publishes it.
    expect(report.overall.byItem.legalBasis).toEqual({ applicable: 2, published: 2, share: 1 });
    expect(report.overall.byItem.fee).toEqual({ applicable: 2, published: 1, share: 0.5 });
  });

  it("keeps every share in [0, 1] and ignores record order on random models", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(), ([a, b]) => {
        const r = scoreTransparency(parseModel(a));
        expect(scoreTransparency(parseModel(b))).toEqual(r);
        for (const x of [r.overall, ...r.departments, ...r.services]) expect(x.share >= 0 && x.share <= 1).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
