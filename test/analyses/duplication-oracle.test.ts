import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDuplication, indexModel, parseModel, row, type DuplicationOptions, type Model } from "../../src/index.js";
import { arbitraryModel, arbitraryShuffledModel } from "../arbitraries.js";

const small = { maxRegions: 6, maxDepartments: 7, maxFunctions: 5, maxServices: 8, maxNeeds: 3, trickyIds: true };

/** Shingles as docs/duplication.md defines them: Latin trigrams padded with spaces, CJK bigrams, after normalising. */
function shingleSet(text: string): Set<string> {
  const clean = text.normalize("NFKC").toLowerCase().normalize("NFD").replace(/(\p{Script=Latin})\p{M}+/gu, "$1").normalize("NFC").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const out = new Set<string>();
  for (const part of clean.split(/(\p{Script=Han}+)/u)) {
    if (part.trim() === "") continue;
    const chars = [...(/\p{Script=Han}/u.test(part) ? part : ` ${part.trim()} `)];
    const n = /\p{Script=Han}/u.test(part) ? 2 : 3;
    if (chars.length < n) out.add(chars.join(""));
    for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(""));
  }
  return out;
}

/** The definitions of docs/duplication.md, transcribed as all-pairs loops. */
function oracle(model: Model, options: { overlapThreshold: number; roles: ("lead" | "support")[] }) {
  const index = indexModel(model);
  const D = model.departments.map((d) => d.id as string);
  const regionOf = (d: number) => index.departmentRegion[d]!;
  const anc = (a: number, b: number) => index.regionTree.isAncestorOrSelf(a, b);
  const overlapping = (a: number, b: number) => anc(regionOf(a), regionOf(b)) || anc(regionOf(b), regionOf(a));
  const active = (s: number) => model.services[s]!.status !== "retired";
  const involvedIn = (isHolder: (d: number) => boolean, serves: (s: number) => boolean) => {
    const out = new Set<number>();
    D.forEach((_, d) => isHolder(d) && out.add(d));
    model.services.forEach((_, s) => {
      if (!active(s) || !serves(s)) return;
      out.add(index.serviceDepartment[s]!);
      for (const p of row(index.servicePartners, s)) out.add(p);
    });
    return out;
  };
  const holds = (d: number, f: string, roles: readonly string[]) =>
    model.assignments.some((a) => a.departmentId === D[d] && a.functionId === f && roles.includes(a.role));

  // Fragmentation: the distinct department sets of regions that have departments.
  const fragmentation = new Set<string>();
  const fragment = (kind: string, id: string, involved: Set<number>) => {
    model.regions.forEach((_, r) => {
      if (!D.some((_, d) => regionOf(d) === r)) return;
      const set = [...involved].filter((d) => anc(regionOf(d), r)).map((d) => D[d]!).sort();
      if (set.length >= 2) fragmentation.add(`${kind}:${id}:${set.join(",")}`);
    });
  };
  for (const f of model.functions) {
    fragment("function", f.id, involvedIn((d) => holds(d, f.id, options.roles), (s) => model.services[s]!.functionIds.includes(f.id)));
  }
  for (const n of model.needs) fragment("need", n.id, involvedIn(() => false, (s) => model.services[s]!.needIds.includes(n.id)));

  // Function duplication: pairs of lead holders with overlapping jurisdictions.
  const functionPairs = new Set<string>();
  const duplicatePairs = new Set<string>();
  const duplicatedFunctions = new Set<string>();
  for (const f of model.functions) {
    D.forEach((_, a) =>
      D.forEach((_, b) => {
        if (a < b && holds(a, f.id, ["lead"]) && holds(b, f.id, ["lead"]) && overlapping(a, b)) {
          const scope = regionOf(a) === regionOf(b) ? "horizontal" : "vertical";
          functionPairs.add(`${f.id}:${D[a]}:${D[b]}:${scope}`);
          duplicatePairs.add(`${D[a]}|${D[b]}`);
          duplicatedFunctions.add(f.id);
        }
      }),
    );
  }
  // Service duplication: pairs of active services of different departments, same functions and segments, overlapping regions.
  const key = (s: number) =>
    [...new Set(model.services[s]!.functionIds)].sort().join(",") + "|" + [...new Set(model.services[s]!.segmentIds)].sort().join(",");
  const regionsOf = (s: number) => [...row(index.serviceRegions, s)];
  const servicePairs = new Set<string>();
  model.services.forEach((x, s) =>
    model.services.forEach((y, t) => {
      if (!(s < t) || !active(s) || !active(t) || x.functionIds.length === 0 || x.departmentId === y.departmentId) return;
      if (key(s) !== key(t)) return;
      if (!regionsOf(s).some((a) => regionsOf(t).some((b) => anc(a, b) || anc(b, a)))) return;
      servicePairs.add(`${x.id}|${y.id}`);
      const [p, q] = [x.departmentId, y.departmentId].sort();
      duplicatePairs.add(`${p}|${q}`);
    }),
  );

  // Overlap: pairs in overlapping jurisdictions sharing a function or a need, Jaccard >= threshold, not duplicates.
  const fnSet = (d: number) => model.functions.filter((f) => holds(d, f.id, options.roles)).map((f) => f.id as string);
  const serving = (d: number) =>
    model.services.filter((s, i) => active(i) && (s.departmentId === D[d] || (s.partnerIds ?? []).some((p) => p === D[d])));
  const needSet = (d: number) => [...new Set(serving(d).flatMap((s) => s.needIds as string[]))].sort();
  const segSet = (d: number) => [...new Set(serving(d).flatMap((s) => s.segmentIds as string[]))].sort();
  const jac = (a: string[], b: string[]) => {
    const inter = a.filter((x) => b.includes(x)).length;
    return inter === 0 ? 0 : inter / (a.length + b.length - inter);
  };
  const overlap = new Set<string>();
  D.forEach((_, a) =>
    D.forEach((_, b) => {
      if (!(a < b) || !overlapping(a, b) || duplicatePairs.has(`${D[a]}|${D[b]}`)) return;
      const [fa, fb, na, nb] = [fnSet(a), fnSet(b), needSet(a), needSet(b)];
      if (jac(fa, fb) === 0 && jac(na, nb) === 0) return;
      const scores = { functions: jac(fa, fb), needs: jac(na, nb), segments: jac(segSet(a), segSet(b)) };
      for (const [basis, score] of Object.entries(scores)) {
        if (score >= options.overlapThreshold) overlap.add(`${D[a]}|${D[b]}|${basis}|${Math.round(score * 1e6) / 1e6}`);
      }
    }),
  );
  return { fragmentation, functionPairs, servicePairs, overlap, duplicatedFunctions };
}

function fromReport(model: Model, options: DuplicationOptions) {
  const report = findDuplication(model, options);
  const regionOf = new Map(model.departments.map((d) => [d.id as string, d.regionId as string]));
  const functionPairs = new Set<string>();
  const servicePairs = new Set<string>();
  const services = new Map(model.services.map((s) => [s.id as string, s]));
  for (const x of report.duplication) {
    if (x.kind === "function") {
      for (const a of x.departmentIds) {
        for (const b of x.departmentIds) {
          const same = regionOf.get(a) === regionOf.get(b);
          if (a < b && (x.scope === "horizontal") === same) functionPairs.add(`${x.id}:${a}:${b}:${x.scope}`);
        }
      }
    } else {
      for (const a of x.ids) for (const b of x.ids) if (a < b && services.get(a)!.departmentId !== services.get(b)!.departmentId) servicePairs.add(`${a}|${b}`);
    }
  }
  return {
    report,
    fragmentation: new Set(report.fragmentation.map((x) => `${x.kind}:${x.id}:${x.departmentIds.join(",")}`)),
    functionPairs,
    servicePairs,
    overlap: new Set(report.overlap.map((x) => `${x.departmentIds.join("|")}|${x.basis}|${x.score}`)),
  };
}

const WORDS = ["issue", "licence", "licences", "food", "business", "permit", "inspect", "water", "营业", "执照", "核发", "宅基地", "Délivrance", "permis"];

describe("findDuplication agrees with a brute-force all-pairs oracle", () => {
  it("on near-duplicate function names (MinHash + LSH against exact Jaccard over every pair)", () => {
    const names = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(" ")), { minLength: 2, maxLength: 24 });
    fc.assert(
      fc.property(names, fc.constantFrom(0.6, 0.8, 0.9), (list, threshold) => {
        const model = parseModel({ schemaVersion: 1, functions: list.map((name, i) => ({ id: `f${String(i).padStart(2, "0")}`, name })) });
        const expected: string[] = [];
        const sets = model.functions.map((f) => shingleSet(f.name));
        for (let i = 0; i < sets.length; i++) {
          for (let j = i + 1; j < sets.length; j++) {
            const inter = [...sets[i]!].filter((x) => sets[j]!.has(x)).length;
            if (inter / (sets[i]!.size + sets[j]!.size - inter) >= threshold) expected.push(`${model.functions[i]!.id}|${model.functions[j]!.id}`);
          }
        }
        const actual = findDuplication(model, { nearDuplicateThreshold: threshold, include: ["nearDuplicateFunctions"] }).nearDuplicateFunctions;
        expect(actual.map((x) => x.functionIds.join("|"))).toEqual(expected);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("on small random models, for fragmentation, both kinds of duplication and overlap", () => {
    const seen = { fragmentation: 0, functionPairs: 0, servicePairs: 0, overlap: 0 };
    fc.assert(
      fc.property(arbitraryModel(small), fc.constantFrom(0.3, 0.5, 1), fc.constantFrom(["lead", "support"], ["lead"]), (input, threshold, roles) => {
        const model = parseModel(input);
        const options = { overlapThreshold: threshold, roles: [...roles] as ("lead" | "support")[] };
        const expected = oracle(model, options);
        const actual = fromReport(model, options);
        for (const k of Object.keys(seen) as (keyof typeof seen)[]) if (expected[k].size > 0) seen[k]++;
        expect([...actual.fragmentation].sort()).toEqual([...expected.fragmentation].sort());
        expect(actual.report.fragmentation.length).toBe(expected.fragmentation.size);
        expect([...actual.functionPairs].sort()).toEqual([...expected.functionPairs].sort());
        expect([...actual.servicePairs].sort()).toEqual([...expected.servicePairs].sort());
        expect([...actual.overlap].sort()).toEqual([...expected.overlap].sort());
        // The summary's shares count the oracle's functions: duplicated (a function pair's function) and fragmented.
        const { summary } = actual.report;
        const held = new Set(model.assignments.map((x) => x.functionId)).size;
        const duplicatedFunctions = expected.duplicatedFunctions.size;
        expect([summary.duplicatedShare.numerator, summary.duplicatedShare.denominator]).toEqual([duplicatedFunctions, held]);
        expect(summary.duplicatedShare.value).toBe(held === 0 ? null : duplicatedFunctions / held);
      }),
      { numRuns: 300, seed: 42 },
    );
    // The random models exercise every kind of finding, not only empty reports.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(10);
  });

  it("gives the same report across runs and record orders", () => {
    fc.assert(
      fc.property(arbitraryShuffledModel(small), ([a, b]) => {
        const first = JSON.stringify(findDuplication(parseModel(a)));
        expect(JSON.stringify(findDuplication(parseModel(b)))).toBe(first);
        expect(JSON.stringify(findDuplication(parseModel(a)))).toBe(first);
      }),
      { numRuns: 150 },
    );
  });
});
