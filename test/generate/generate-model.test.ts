import { describe, expect, it } from "vitest";
import {
  canonicalize,
  generateModel,
  GovGraphError,
  modelJsonChunks,
  stringifyModel,
  validateModel,
  writeModelStream,
  type GeneratedModel,
  type Model,
} from "../../src/index.js";

const county = generateModel({ size: "county", seed: 1 });
const province = generateModel({ size: "province", seed: 3 });
const tiers: [string, GeneratedModel][] = [
  ["county", county],
  ["province", province],
];

// ---- brute-force oracles, written from DESIGN's definitions, independent of the generator ----

function regionParents(model: Model): Map<string, string | undefined> {
  return new Map(model.regions.map((r) => [r.id as string, r.parentId as string | undefined]));
}

function ancestorsOrSelf(parents: Map<string, string | undefined>, id: string): string[] {
  const out: string[] = [];
  for (let at: string | undefined = id; at !== undefined; at = parents.get(at)) out.push(at);
  return out;
}

/** Every function led by 2+ departments whose regions are equal or nested, with every lead holder in such a pair. */
function duplicationOracle(model: Model): { functionId: string; departmentIds: string[] }[] {
  const parents = regionParents(model);
  const regionOf = new Map(model.departments.map((d) => [d.id as string, d.regionId as string]));
  const leads = new Map<string, string[]>();
  for (const a of model.assignments) {
    if (a.role !== "lead") continue;
    leads.set(a.functionId, [...(leads.get(a.functionId) ?? []), a.departmentId]);
  }
  const up = new Map<string, Set<string>>();
  const above = (r: string) => up.get(r) ?? (up.set(r, new Set(ancestorsOrSelf(parents, r))), up.get(r)!);
  const out: { functionId: string; departmentIds: string[] }[] = [];
  for (const [functionId, holders] of leads) {
    const involved = new Set<string>();
    for (let i = 0; i < holders.length; i++) {
      for (let j = i + 1; j < holders.length; j++) {
        const a = regionOf.get(holders[i]!)!;
        const b = regionOf.get(holders[j]!)!;
        if (above(a).has(b) || above(b).has(a)) {
          involved.add(holders[i]!);
          involved.add(holders[j]!);
        }
      }
    }
    if (involved.size > 0) out.push({ functionId, departmentIds: [...involved].sort() });
  }
  return out.sort((x, y) => (x.functionId < y.functionId ? -1 : 1));
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** DESIGN section 3 Coverage, cell by cell: (need, leaf region) pairs with demand that no service reaches. */
function coverageOracle(model: Model): { needId: string; regionId: string }[] {
  const parents = regionParents(model);
  const region = new Map(model.regions.map((r) => [r.id as string, r]));
  const hasChild = new Set(model.regions.map((r) => r.parentId as string | undefined));
  const regionOf = new Map(model.departments.map((d) => [d.id as string, d.regionId as string]));
  const pointsOf = new Map<string, { lat: number; lon: number }[]>();
  for (const p of model.servicePoints) for (const s of p.serviceIds) pointsOf.set(s, [...(pointsOf.get(s) ?? []), p.location!]);
  const out: { needId: string; regionId: string }[] = [];
  for (const need of model.needs) {
    const meeting = model.services.filter((s) => s.needIds.includes(need.id) && (s.status ?? "active") === "active");
    const cells = need.demand
      ? need.demand.filter((d) => d.volume > 0).map((d) => [d.regionId as string, d.segmentId as string | undefined] as const)
      : model.regions.filter((r) => !hasChild.has(r.id) && (r.population ?? 0) > 0).flatMap((r) => need.segmentIds.map((s) => [r.id as string, s as string] as const));
    const gaps = new Set<string>();
    for (const [regionId, segmentId] of cells) {
      const up = ancestorsOrSelf(parents, regionId);
      const reached = meeting.some((s) => {
        if (segmentId !== undefined && s.segmentIds.length > 0 && !s.segmentIds.includes(segmentId as never)) return false;
        const served = s.regionIds ?? [regionOf.get(s.departmentId)!];
        if (!served.some((r) => up.includes(r))) return false;
        if (s.channels.some((c) => ["online", "phone", "mail", "mobile"].includes(c.kind))) return true;
        return (pointsOf.get(s.id) ?? []).some((p) => km(region.get(regionId)!.location!, p) <= 30);
      });
      if (!reached) gaps.add(regionId);
    }
    for (const regionId of [...gaps].sort()) out.push({ needId: need.id, regionId });
  }
  return out;
}

/** Character shingles as the duplication analysis takes them: Latin trigrams padded with spaces, CJK bigrams. */
function shingles(text: string): Set<string> {
  const out = new Set<string>();
  const clean = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  for (const part of clean.split(/(\p{Script=Han}+)/u)) {
    if (!part.trim()) continue;
    if (/\p{Script=Han}/u.test(part)) for (let i = 0; i + 1 < part.length; i++) out.add(part.slice(i, i + 2));
    else {
      const padded = ` ${part.trim()} `;
      for (let i = 0; i + 2 < padded.length; i++) out.add(padded.slice(i, i + 3));
    }
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

// ---- tests ----

describe("generateModel", () => {
  it("gives the same bytes for the same seed and a different model for another seed", () => {
    const again = generateModel({ size: "county", seed: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(county));
    expect(JSON.stringify(generateModel({ size: "county", seed: 2 }).model)).not.toBe(JSON.stringify(county.model));
  });

  it("builds tiers of the sizes DESIGN section 6 gives", () => {
    const size = (m: Model) => ({
      regions: m.regions.length,
      departments: m.departments.length,
      assignments: m.assignments.length,
      services: m.services.length,
      needs: m.needs.length,
      points: m.servicePoints.length,
    });
    const within = (actual: number, target: number) => actual >= target * 0.6 && actual <= target * 1.4;
    const targets = {
      county: { regions: 12, departments: 40, assignments: 2_000, services: 300, needs: 60, points: 30 },
      province: { regions: 1_200, departments: 4_000, assignments: 200_000, services: 30_000, needs: 200, points: 2_000 },
    };
    for (const [tier, { model }] of tiers) {
      const got = size(model);
      for (const [key, target] of Object.entries(targets[tier as keyof typeof targets])) {
        expect(within(got[key as keyof typeof got], target), `${tier} ${key}: ${got[key as keyof typeof got]} vs ~${target}`).toBe(true);
      }
    }
  });

  it.each(tiers)("returns a %s model that validateModel accepts without any issue, already in canonical order", (_, { model }) => {
    const result = validateModel(JSON.parse(JSON.stringify(model)));
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    const canonical = canonicalize(model);
    for (const key of ["regions", "departments", "assignments", "services", "servicePoints"] as const) expect(canonical[key]).toBe(model[key]);
  });

  it.each(tiers)("plants on %s exactly the duplicated functions a brute-force oracle finds", (tier, { model, truth }) => {
    // planted: county 4 pairs, 1 triple, 3 township; province 10 pairs, 2 triples, 6 township, 6 provincial
    expect(truth.duplicatedFunctions).toHaveLength(tier === "county" ? 8 : 24);
    expect(duplicationOracle(model)).toEqual(truth.duplicatedFunctions);
  });

  it.each(tiers)("plants on %s near-duplicate names that stand out from every ordinary pair", (tier, { model, truth }) => {
    const text = (f: Model["functions"][number], withKeywords: boolean) => (withKeywords ? [f.name, ...(f.keywords ?? [])].join(" ") : f.name);
    const planted = new Set(truth.nearDuplicateFunctions.map(([a, b]) => `${a}|${b}`));
    const byId = new Map(model.functions.map((f) => [f.id as string, f]));
    expect(truth.nearDuplicateFunctions.length).toBeGreaterThanOrEqual(9);
    expect(truth.nearDuplicateFunctions.filter(([a]) => /\p{Script=Han}/u.test(byId.get(a)!.name)).length).toBeGreaterThanOrEqual(3);
    for (const withKeywords of [false, true]) {
      for (const [a, b] of truth.nearDuplicateFunctions) {
        expect(jaccard(shingles(text(byId.get(a)!, withKeywords)), shingles(text(byId.get(b)!, withKeywords)))).toBeGreaterThanOrEqual(0.8);
      }
      if (tier !== "province") continue; // the province's functions include the county catalogue
      const vocabulary = new Map<string, number>();
      const sets = model.functions.map((f) =>
        Int32Array.from([...shingles(text(f, withKeywords))].map((x) => vocabulary.get(x) ?? (vocabulary.set(x, vocabulary.size), vocabulary.size - 1))).sort(),
      );
      let worst = 0;
      let worstPair = "";
      for (let i = 0; i < sets.length; i++) {
        const a = sets[i]!;
        for (let j = i + 1; j < sets.length; j++) {
          const b = sets[j]!;
          let shared = 0;
          for (let x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] === b[y]) {
              shared++;
              x++;
              y++;
            } else if (a[x]! < b[y]!) x++;
            else y++;
          }
          const sim = shared / (a.length + b.length - shared);
          if (sim > worst && !planted.has(`${model.functions[i]!.id}|${model.functions[j]!.id}`)) [worst, worstPair] = [sim, `${model.functions[i]!.name} | ${model.functions[j]!.name}`];
        }
      }
      expect(worst, `most similar ordinary pair: ${worstPair}`).toBeLessThan(0.75);
    }
    // every copy is a real function: some department leads it
    const led = new Set(model.assignments.filter((a) => a.role === "lead").map((a) => a.functionId as string));
    for (const pair of truth.nearDuplicateFunctions) for (const id of pair) expect(led.has(id)).toBe(true);
  });

  it.each(tiers)("lists on %s exactly the need and region cells that no service reaches", (_, { model, truth }) => {
    expect(truth.uncoveredNeeds.length).toBeGreaterThan(0);
    expect(coverageOracle(model)).toEqual(truth.uncoveredNeeds);
    const cells = model.needs.length * model.regions.filter((r) => r.level === "township").length;
    expect(truth.uncoveredNeeds.length).toBeLessThan(cells * 0.03);
  });

  it("gives services only functions their department holds, and every service a channel", () => {
    for (const { model } of [county, province]) {
      const holds = new Set(model.assignments.map((a) => `${a.departmentId}|${a.functionId}`));
      for (const s of model.services) {
        expect(s.channels.length).toBeGreaterThan(0);
        for (const f of s.functionIds) expect(holds.has(`${s.departmentId}|${f}`), `${s.id} performs ${f}`).toBe(true);
      }
    }
  });

  it("refuses an unknown size or a seed that is not a number, naming the option", () => {
    expect(() => generateModel({ size: "city" as never })).toThrow(GovGraphError);
    expect(() => generateModel({ size: "city" as never })).toThrow('generateModel: option size must be one of county, province, nation, got "city". Fix the options and try again.');
    expect(() => generateModel({ seed: Number.NaN })).toThrow(/^generateModel: option seed must be a finite number, got NaN/);
    expect(() => generateModel({ sized: "county" } as never)).toThrow(/^generateModel: unknown option "sized"/);
  });

  it("takes the default for options given as undefined", () => {
    expect(stringifyModel(generateModel({ size: undefined, seed: undefined }).model)).toBe(stringifyModel(county.model));
  });
});

describe("writeModelStream", () => {
  it.each(tiers)("writes the %s model as the same bytes as stringifyModel, in chunks", (_, { model }) => {
    const chunks: string[] = [];
    writeModelStream(model, (chunk) => chunks.push(chunk), { chunkSize: 1 << 16 });
    expect(chunks.length).toBeGreaterThan(1);
    const text = chunks.join("");
    expect(text).toBe(stringifyModel(model));
    if (model.regions.length < 100) expect(text).toBe(JSON.stringify(model, null, 2));
  });

  it("matches stringifyModel on one line and for a model with records out of order and keys out of schema order", () => {
    const messy = {
      ...county.model,
      meta: { license: "CC0-1.0", name: "messy" },
      regions: [...county.model.regions].reverse().map((r, i) => (i === 0 ? { ...r, attributes: { z: 1, a: null }, name: r.name } : r)),
      segments: [...county.model.segments].reverse(),
    } as unknown as Model;
    for (const indent of [0, 2, 4]) {
      let text = "";
      writeModelStream(messy, (chunk) => (text += chunk), { indent, chunkSize: 100 });
      expect(text).toBe(stringifyModel(messy, { indent }));
    }
  });

  it("hands out chunks lazily, each a piece of the same text", () => {
    const full = stringifyModel(county.model);
    const chunks = modelJsonChunks(county.model, { chunkSize: 4096 });
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(full.startsWith(first.value as string)).toBe(true);
    expect((first.value as string).length).toBeLessThan(full.length / 10);
    expect((first.value as string) + [...chunks].join("")).toBe(full);
  });
});
