import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  analyzeJourneys,
  analyzeStaffing,
  buildScorecard,
  COLLECTIONS,
  findDuplication,
  fromFederalProgramInventory,
  fromGcServiceInventory,
  fromKenyaEcitizen,
  parseModel,
  scoreCoverage,
  scoreOpenness,
  suggestConsolidation,
  type Model,
} from "../../src/index.js";

// Importers and analyses agree: every field an importer fills on the real excerpts is either read by some analysis
// (taking it away changes a report) or kept as context (docs/real-data.md, "What the analyses read").
const read = (name: string) => readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url), "utf8");
const KENYA_FILES = ["ministries.csv", "departments.csv", "agencies.csv", "services.csv"];
const imported: Record<string, Model> = {
  "US Federal Program Inventory": fromFederalProgramInventory(read("us-fpi-excerpt.csv")).model,
  "GC Service Inventory": fromGcServiceInventory(read("gc-si-excerpt.csv"), { strict: false }).model,
  "Kenya eCitizen": fromKenyaEcitizen(Object.fromEntries(KENYA_FILES.map((f) => [f, read(`kenya-ecitizen/${f}`)]))).model,
};

/** Fields kept for people to read, which no analysis measures: the list in docs/real-data.md. */
const CONTEXT = ["regions.level", "functions.category", "services.description", "departments.identifiers[].id", "departments.identifiers[].scheme"];
const isContext = (path: string) => CONTEXT.includes(path) || path.endsWith(".attributes.*");

/** The paths of the filled fields of a model's records (`services.channels[].kind`; attributes as `attributes.*`). */
function filledPaths(model: Model): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown, path: string) => {
    if (Array.isArray(x)) {
      if (x.length > 0 && typeof x[0] === "object") for (const y of x) walk(y, `${path}[]`);
      else if (x.length > 0) out.add(`${path}[]`);
    } else if (x !== null && typeof x === "object") {
      for (const [k, v] of Object.entries(x)) path.endsWith("attributes") ? out.add(`${path}.*`) : walk(v, `${path}.${k}`);
    } else out.add(path);
  };
  for (const c of COLLECTIONS) for (const r of model[c]) walk(r, c);
  return out;
}

/** The model without the field at `path` (a list emptied), or undefined when the schema requires the field. */
function without(model: Model, path: string): Model | undefined {
  const strip = (x: Record<string, unknown>, keys: string[]): Record<string, unknown> => {
    const [first, ...rest] = keys;
    const list = first!.endsWith("[]");
    const key = list ? first!.slice(0, -2) : first!;
    if (!(key in x)) return x;
    const copy = { ...x };
    if (rest.length === 0) {
      if (list) copy[key] = [];
      else delete copy[key];
    } else copy[key] = list ? (x[key] as Record<string, unknown>[]).map((y) => strip(y, rest)) : strip(x[key] as Record<string, unknown>, rest);
    return copy;
  };
  const [collection, ...keys] = path.split(".");
  try {
    return parseModel({ ...model, [collection!]: (model[collection as keyof Model] as unknown as Record<string, unknown>[]).map((r) => strip(r, keys)) });
  } catch {
    return undefined;
  }
}

/** Every analysis, with options that make small differences show (low similarity thresholds). */
const reports = (m: Model) =>
  JSON.stringify([
    findDuplication(m, { nearDuplicateThreshold: 0.05, overlapThreshold: 0.05 }),
    scoreCoverage(m),
    analyzeJourneys(m),
    scoreOpenness(m),
    analyzeStaffing(m),
    suggestConsolidation(m),
    buildScorecard(m),
  ]);

describe("the importers fill only fields the analyses read, or documented context", () => {
  // A field is read when taking it away changes a report on some excerpt that fills it.
  const verdicts = new Map<string, string[]>();
  for (const [name, model] of Object.entries(imported)) {
    const base = reports(model);
    for (const path of filledPaths(model)) {
      const stripped = isContext(path) ? undefined : without(model, path);
      const verdict =
        isContext(path) ? "context" : stripped === undefined ? "required" : JSON.stringify(stripped) === JSON.stringify(model) ? "the default" : reports(stripped) === base ? "unread" : "read";
      verdicts.set(path, [...(verdicts.get(path) ?? []), `${name}: ${verdict}`]);
    }
  }

  it("reads every field that is not required by the schema or kept as context", () => {
    const unread = [...verdicts].filter(([, v]) => v.every((x) => x.endsWith(": unread") || x.endsWith(": the default")) && v.some((x) => x.endsWith(": unread")));
    expect(unread).toEqual([]);
  });

  it("fills the fields docs/real-data.md lists, and these are read", () => {
    const readFields = [...verdicts].filter(([, v]) => v.some((x) => x.endsWith(": read"))).map(([path]) => path).sort();
    expect(readFields).toEqual([
      "departments.kind",
      "departments.parentId",
      "functions.keywords[]",
      "services.annualVolume",
      "services.channels[].endToEnd",
      "services.functionIds[]",
      "services.published.guide",
      "services.published.legalBasis",
      "services.segmentIds[]",
    ]);
    const doc = readFileSync(new URL("../../docs/real-data.md", import.meta.url), "utf8");
    for (const path of [...readFields, ...CONTEXT]) expect(doc).toContain(`\`${path}\``);
  });
});
