import { describe, expect, it } from "vitest";
import { Names } from "../../../src/cli/names.js";
import { summarize } from "../../../src/cli/sections/summary.js";
import { parseModel, type Model } from "../../../src/index.js";

type Channel = Model["services"][number]["channels"][number];

const model = (channels: Channel[][], status: (i: number) => "active" | "planned" = () => "active") =>
  parseModel({
    schemaVersion: 1,
    regions: [{ id: "county", name: "County" }],
    departments: [{ id: "d", name: "Department", regionId: "county" }],
    services: channels.map((c, i) => ({ id: `s${i}`, name: `Service ${i}`, departmentId: "d", channels: c, status: status(i) })),
  });

describe("the summary's channel mix", () => {
  it("counts a service once per channel kind, end to end when any channel of that kind is", () => {
    const m = model([
      [{ kind: "online" }, { kind: "in_person" }, { kind: "online", endToEnd: true }],
      [{ kind: "online" }, { kind: "online" }],
      [{ kind: "phone", endToEnd: true }, { kind: "in_person" }, { kind: "phone" }],
      [{ kind: "online", endToEnd: true }],
    ]);
    expect(summarize(m).channelMix).toEqual([
      { kind: "in_person", services: 2, share: 0.5, endToEnd: 0 },
      { kind: "online", services: 3, share: 0.75, endToEnd: 2 },
      { kind: "phone", services: 1, share: 0.25, endToEnd: 1 },
    ]);
  });

  it("leaves out services that are not active", () => {
    const m = model([[{ kind: "online" }], [{ kind: "online" }, { kind: "phone" }]], (i) => (i === 1 ? "planned" : "active"));
    expect(summarize(m).channelMix).toEqual([{ kind: "online", services: 1, share: 1, endToEnd: 0 }]);
  });
});

describe("names in tables", () => {
  const before = model([[{ kind: "online" }], [{ kind: "phone" }]]);
  const after = parseModel({ ...before, services: [{ ...before.services[0]!, name: "Renamed" }] });

  it.each([false, true])("come from the first model that has the record, then the next (from the index: %s)", (indexed) => {
    const names = new Names([after, before], indexed);
    expect(names.of("service", "s0")).toBe("Renamed");
    expect(names.of("service", "s1")).toBe("Service 1");
    expect(names.of("service", "nowhere")).toBeUndefined();
    expect(names.label("department", "d")).toBe("Department");
    expect(names.label("region", "gone")).toBe("gone");
  });

  it("from the index, are right for a frozen model govgraph did not validate (indexed as a sorted copy)", () => {
    const copy = structuredClone(before) as { services: Model["services"][number][] } & Model;
    copy.services.reverse();
    const frozen = Object.freeze(copy);
    expect(new Names([frozen], true).of("service", "s0")).toBe("Service 0");
    expect(new Names([frozen], true).of("service", "s1")).toBe("Service 1");
  });

  it("are found in a model that is not frozen too, which has no cached index", () => {
    const plain = structuredClone(before) as Model;
    expect(Object.isFrozen(plain)).toBe(false);
    expect(new Names([plain], true).of("service", "s1")).toBe("Service 1");
  });
});
