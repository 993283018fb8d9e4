// Whole-file checks of the CPSV-AP examples under ../shared/data/cpsv-ap, and SHACL validation of what toCpsvAp
// writes against the official CPSV-AP 3.2.0 shapes (run by `npm run test:real` when that folder exists).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser, Store } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { describe, expect, it } from "vitest";
import { exampleCounty, fromCpsvAp, generateModel, GovGraphError, stringifyModel, toCpsvAp, validateModel, type Model } from "../../src/index.js";

const dir = join(import.meta.dirname, "..", "..", "..", "shared", "data", "cpsv-ap");
const read = (file: string) => readFileSync(join(dir, file), "utf8");
const shapes = new Store(new Parser().parse(read("cpsv-ap-SHACL.ttl")));

/** The SHACL violations of a Turtle document, as "shape path" strings. */
async function violations(turtle: string): Promise<string[]> {
  const data = new Store(new Parser().parse(turtle));
  // rdf-validate-shacl reads any RDF/JS dataset; n3's Store is one.
  const report = await new SHACLValidator(shapes as never).validate(data as never);
  return report.results.map((r) => `${r.sourceShape?.value.replace(/^.*#/, "").replace(/\/.*$/, "")} ${r.path?.value}`);
}

/** A valid model of the first `count` services of a model, with what points to the others left out. */
function firstServices(model: Model, count: number): Model {
  const services = model.services.slice(0, count);
  const kept = new Set(services.map((s) => s.id as string));
  const needs = model.needs.map((need) => {
    if (!need.journey) return need;
    const journey = need.journey.filter((step) => kept.has(step.serviceId)).map((step) => (step.after ? { ...step, after: step.after.filter((id) => kept.has(id)) } : step));
    return { ...need, journey };
  });
  const servicePoints = model.servicePoints.map((p) => ({ ...p, serviceIds: p.serviceIds.filter((id) => kept.has(id)) }));
  const result = validateModel({ ...model, services, needs, servicePoints });
  if (!result.ok) throw new Error(result.issues[0]!.message);
  return result.model!;
}

describe("toCpsvAp output against the official CPSV-AP 3.2.0 SHACL shapes", () => {
  it("the official example itself breaks 6 shapes (objects it points to are never typed)", async () => {
    expect((await violations(read("example-rdf_public_service.ttl"))).sort()).toEqual([
      "ChannelShape http://purl.org/dc/terms/type",
      "EvidenceTypeShape http://data.europa.eu/m8g/evidenceTypeClassification",
      "PublicOrganisationShape http://purl.org/dc/terms/spatial",
      "RequirementShape http://purl.org/dc/terms/type",
      "TemporalEntityShape http://data.europa.eu/m8g/frequency",
      "TemporalEntityShape http://data.europa.eu/m8g/frequency",
    ]);
  });

  it("the bundled county: 0 violations", async () => {
    expect(await violations(await toCpsvAp(exampleCounty, { format: "turtle" }))).toEqual([]);
  });

  it("a generated province's first 1,500 services (with every region, department and function): 0 violations, and the model comes back", async () => {
    const model = firstServices(generateModel({ size: "province", seed: 1 }).model, 1500);
    expect(model.services).toHaveLength(1500);
    const turtle = await toCpsvAp(model, { format: "turtle" });
    expect(await violations(turtle)).toEqual([]);
    expect(stringifyModel((await fromCpsvAp(turtle)).model)).toBe(stringifyModel(model));
  });

  it("the JSON-LD output holds the same triples as the Turtle", async () => {
    const { model } = await fromCpsvAp(await toCpsvAp(exampleCounty, { format: "jsonld" }));
    expect(stringifyModel(model)).toBe(stringifyModel(exampleCounty));
  });
});

const counts = (model: Model) => Object.fromEntries(Object.entries(model).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));

describe("the real CPSV-AP files, with the counts in docs/cpsv-ap.md", () => {
  it("the official 3.2.0 example gives the same model from Turtle and JSON-LD", async () => {
    const ttl = await fromCpsvAp(read("example-rdf_public_service.ttl"));
    const jsonld = await fromCpsvAp(read("example-rdf_public_service.jsonld"));
    expect(stringifyModel(jsonld.model)).toBe(stringifyModel(ttl.model));
    expect(counts(ttl.model)).toMatchObject({ services: 1, departments: 1, regions: 1, evidence: 1, functions: 0 });
    expect(ttl.model.services[0]).toMatchObject({ id: "Tax-on-web", name: "Tax-on-web", evidence: [{ evidenceId: "evi-123", source: "citizen" }] });
    expect(ttl.model.departments[0]!.name).toBe("Federal Public Service FINANCE");
    expect(ttl.issues.map((i) => i.code)).toEqual(["unknown_channel_kind"]);
  });

  it("Trento (2.2.1): 2 services, 3 evidence types, 4 legal resources", async () => {
    const { model } = await fromCpsvAp(read("trento.jsonld"));
    expect(counts(model)).toMatchObject({ services: 2, evidence: 3, departments: 2, needs: 4, functions: 2 });
    const laws = new Set(model.functions.flatMap((f) => (f.legalBasis ?? []).map((l) => l.uri)));
    expect(laws.size).toBe(4);
    expect(model.needs.every((n) => n.kind === "business_event")).toBe(true);
    expect(model.functions.map((f) => f.domain)).toEqual(["01.3.1", "10.4.0"]);
  });

  it("the Norwegian harvest: 4 services, three named and one blank node, with placeholder authorities", async () => {
    const { model, issues } = await fromCpsvAp(read("norway-harvest_response_0.ttl"), { language: "nb" });
    expect(model.services.map((s) => s.id)).toEqual(["1", "2", "3", "filtered"]);
    expect(model.needs).toMatchObject([{ id: "1", kind: "business_event", name: "Starte og drive restaurant" }]);
    expect(model.departments.every((d) => d.kind === "placeholder")).toBe(true);
    expect(issues.map((i) => i.code).sort()).toEqual(["external_authority", "external_authority", "external_authority", "missing_authority"]);
  });

  it("refuses the two defective Norwegian examples with the line and the problem; strict: false maps what parses", async () => {
    for (const [file, first] of [
      ["exAlleKlasser2.ttl", /line 20, column 15: IRI <ttp:\/\/www\.w3\.org\/2006\/time#> has the scheme "ttp:"/],
      ["exOffentligTjeneste.ttl", /line 77, column 4: a ";" or "," or "\." is missing between ".*exKrav\.ttl" and "dct:audience"/],
    ] as const) {
      const error = await fromCpsvAp(read(file)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GovGraphError);
      expect((error as GovGraphError).code).toBe("invalid_rdf");
      expect((error as GovGraphError).message).toMatch(first);
      expect((error as GovGraphError).issues.every((i) => i.code === "invalid_rdf")).toBe(true);
      const { model, issues } = await fromCpsvAp(read(file), { strict: false });
      expect(model.services).toHaveLength(1);
      expect(issues.filter((i) => i.code === "invalid_rdf")).toEqual((error as GovGraphError).issues);
    }
    const all = (await fromCpsvAp(read("exAlleKlasser2.ttl"), { strict: false })).issues.filter((i) => i.code === "invalid_rdf");
    expect(all.map((i) => `line ${i.line}: ${/empty IRI/.test(i.message) ? "empty IRI" : /scheme "(\w+):"/.exec(i.message)?.[1]}`)).toEqual([
      "line 20: ttp",
      ...[169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 254, 255, 374].map((l) => `line ${l}: empty IRI`),
      "line 643: hhttps",
    ]);
  });
});
