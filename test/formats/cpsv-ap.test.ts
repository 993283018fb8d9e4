import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleCounty, fromCpsvAp, generateModel, GovGraphError, stringifyModel, toCpsvAp, validateModel, type Model } from "../../src/index.js";
import { arbitraryModel } from "../arbitraries.js";

// Excerpts of real CPSV-AP documents (CC BY 4.0 and Apache-2.0): see test/fixtures/cpsv-ap/README.md.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/cpsv-ap/${name}`, import.meta.url), "utf8");

const roundTrip = async (model: Model, format: "turtle" | "jsonld") => (await fromCpsvAp(await toCpsvAp(model, { format }))).model;

describe("toCpsvAp and fromCpsvAp give the model back exactly", () => {
  it("the bundled county, in Turtle and in JSON-LD", async () => {
    for (const format of ["turtle", "jsonld"] as const) {
      expect(stringifyModel(await roundTrip(exampleCounty, format))).toBe(stringifyModel(exampleCounty));
    }
  });

  it("generated counties (seeds 1 to 3)", async () => {
    for (const seed of [1, 2, 3]) {
      const { model } = generateModel({ size: "county", seed });
      expect(stringifyModel(await roundTrip(model, "turtle"))).toBe(stringifyModel(model));
    }
  });

  it("random models: odd ids, lists out of order or repeated, empty optional lists, fractions", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryModel(), fc.constantFrom("turtle" as const, "jsonld" as const), async (input, format) => {
        const result = validateModel(input);
        expect(result.ok).toBe(true);
        const model = result.model!;
        expect(stringifyModel(await roundTrip(model, format))).toBe(stringifyModel(model));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it("what the arbitraries never draw: repeated and unsorted lists, present-but-empty lists, tags, fractional days", async () => {
    const model = validateModel({
      schemaVersion: 1,
      regions: [{ id: "r/1", name: "R", tags: ["b", "a", "b"], location: { lat: 0.1, lon: -179.5 } }],
      departments: [{ id: "d 1", name: "D", regionId: "r/1", identifiers: [], attributes: { z: 1, a: "x" } }, { id: "d2", name: "D2", regionId: "r/1" }],
      functions: [{ id: "f", name: "F", keywords: [], legalBasis: [{ title: "Law", uri: "not an IRI" }, { title: "Decree" }], domain: "07.4" }, { id: "e", name: "E", domain: "health" }],
      assignments: [{ departmentId: "d 1", functionId: "f", role: "support", tags: ["t"] }],
      evidence: [{ id: "ev", name: 'quote " backslash \\ newline \n tab \t control \u0001 emoji 🙂' }, { id: "a", name: "A" }],
      services: [
        {
          id: "s",
          name: "S",
          departmentId: "d 1",
          partnerIds: ["d2", "d 1", "d2"],
          functionIds: ["f", "e", "f"],
          regionIds: [],
          channels: Array.from({ length: 12 }, (_, i) => ({ kind: i % 2 ? "online" : "in_person", processingDays: i + 0.5, fee: i, tags: i === 11 ? ["last"] : undefined })),
          evidence: [{ evidenceId: "ev", source: "reused" }, { evidenceId: "a", source: "citizen" }, { evidenceId: "ev", source: "citizen" }],
          processingDays: 1e21,
          fee: 0.1,
          tags: [],
        },
      ],
    });
    expect(model.ok).toBe(true);
    for (const format of ["turtle", "jsonld"] as const) {
      expect(stringifyModel(await roundTrip(model.model!, format))).toBe(stringifyModel(model.model!));
    }
  });
});

describe("toCpsvAp", () => {
  it("writes CPSV-AP classes and terms, the extension only for what CPSV-AP has no term for", async () => {
    const turtle = await toCpsvAp(exampleCounty, { format: "turtle", base: "https://data.example.gov/" });
    const start = turtle.indexOf("service:apply-homestead a cpsv:PublicService;");
    const service = turtle.slice(start, turtle.indexOf(".\n", start));
    for (const line of [
      'dct:title "Apply for a rural homestead and house-building approval"@en;',
      "cv:hasCompetentAuthority dept:agri;",
      "dct:language language:ENG;",
      "cv:hasParticipation service:apply-homestead:participation:0, service:apply-homestead:participation:1,",
      "cv:hasLegalResource fn:homestead-approval:legal:0, fn:homestead-review:legal:0;",
      "cv:hasChannel service:apply-homestead:channel:0;",
      "cv:isClassifiedBy fn:homestead-approval, fn:homestead-review;",
      "cv:thematicArea gg:cofog-04.2;",
      "cv:isGroupedBy need:build-rural-house;",
      "cpsv:hasInput evidence:house-design, evidence:household-booklet, evidence:id-card, evidence:village-opinion;",
      'cv:processingTime "P20D"^^xsd:duration;',
      'gg:listOrder "{\\"evidence\\":[2,1,3,0]}"^^rdf:JSON',
    ]) {
      expect(service).toContain(line);
    }
    expect(turtle).toContain("@prefix gg: <https://govgraph.dev/ns/cpsv-ap#>.");
    expect(turtle).toMatch(/a cv:PublicOrganisation/);
    expect(turtle).toMatch(/a eli:LegalResource/);
    expect(turtle).toMatch(/a cv:Event, cv:LifeEvent/);
  });

  it("is deterministic: the same model gives the same bytes, whatever its records' order", async () => {
    const reversed = validateModel({ ...exampleCounty, services: [...exampleCounty.services].reverse() }).model!;
    expect(await toCpsvAp(reversed, { format: "turtle" })).toBe(await toCpsvAp(exampleCounty, { format: "turtle" }));
    expect(await toCpsvAp(exampleCounty)).toBe(await toCpsvAp(exampleCounty));
  });

  it("refuses bad options, naming them", async () => {
    await expect(toCpsvAp(exampleCounty, { format: "xml" as never })).rejects.toThrow(/toCpsvAp: option format must be one of jsonld, turtle/);
    await expect(toCpsvAp(exampleCounty, { base: "no-scheme/" })).rejects.toThrow(/option base must be an absolute IRI/);
    await expect(toCpsvAp(exampleCounty, { language: "en us" })).rejects.toThrow(/option language must be a language tag/);
  });
});

describe("fromCpsvAp on real documents", () => {
  it("the official 3.2.0 example: the same model from Turtle and JSON-LD (whose remote context is served from the bundle)", async () => {
    const ttl = await fromCpsvAp(fixture("official-example.ttl"));
    const jsonld = await fromCpsvAp(fixture("official-example-excerpt.jsonld"));
    expect(stringifyModel(jsonld.model)).toBe(stringifyModel(ttl.model));
    expect(ttl.model.services).toEqual([
      expect.objectContaining({ id: "Tax-on-web", name: "Tax-on-web", departmentId: "http://example.com/publicOrganisation1", evidence: [{ evidenceId: "evi-123", source: "citizen" }] }),
    ]);
    expect(ttl.model.departments[0]).toMatchObject({ name: "Federal Public Service FINANCE", regionId: "http://publications.europa.eu/resource/authority/atu/BEL" });
    expect(ttl.issues).toEqual([expect.objectContaining({ code: "unknown_channel_kind", severity: "warning" })]);
  });

  it("picks the language asked for, else English, else the first", async () => {
    const french = await fromCpsvAp(fixture("official-example.ttl"), { language: "fr" });
    expect(french.model.departments[0]!.name).toBe("Service Public Fédéral FINANCES");
    expect((await fromCpsvAp(fixture("official-example.ttl"), { language: "ja" })).model.departments[0]!.name).toBe("Federal Public Service FINANCE");
    expect((await fromCpsvAp(fixture("norway-harvest-excerpt.ttl"))).model.services[0]!.name).toBe("Samordnet registermelding");
  });

  it("Trento (2.2.1): legal resources go to the functions the service is classified by, the authority holds them", async () => {
    const { model } = await fromCpsvAp(fixture("trento-excerpt.jsonld"));
    expect(model.services).toHaveLength(1);
    expect(model.services[0]).toMatchObject({ id: "p_TN_NP7", departmentId: "EHGQO1", needIds: ["BE_1.2", "BE_3.2"], functionIds: ["http://cpsvap.semic.eu/01.3.1"] });
    expect(model.functions[0]).toMatchObject({ domain: "01.3.1", legalBasis: [{ uri: "http://cpsvap.semic.eu/DGP-2016-2082" }, { uri: "http://cpsvap.semic.eu/LP-2011-1" }] });
    expect(model.assignments).toEqual([{ departmentId: "EHGQO1", functionId: "http://cpsvap.semic.eu/01.3.1", role: "lead" }]);
    expect(model.regions).toEqual([{ id: "http://www.geonames.org/3165241/", name: "Trento" }]);
  });

  it("the Norwegian harvest: a blank-node service, and placeholders for authorities the document does not describe", async () => {
    const { model, issues } = await fromCpsvAp(fixture("norway-harvest-excerpt.ttl"));
    expect(model.services.map((s) => [s.id, s.departmentId])).toEqual([
      ["1", "https://organization-catalogue.fellesdatakatalog.digdir.no/organizations/974760673"],
      ["2", "https://organization-catalogue.fellesdatakatalog.digdir.no/organizations/964983291"],
      ["3", "https://organization-catalogue.fellesdatakatalog.digdir.no/organizations/985399077"],
      ["filtered", "unknown-authority"],
    ]);
    expect(model.departments.find((d) => d.id === "unknown-authority")).toMatchObject({ kind: "placeholder", attributes: { placeholder: "missing" } });
    expect(issues.find((i) => i.code === "missing_authority")!.message).toMatch(/the blank node with identifier "filtered" has no competent authority/);
    expect(model.needs).toEqual([expect.objectContaining({ id: "1", kind: "business_event" })]);
    expect(model.services.filter((s) => s.needIds.includes("1" as never)).map((s) => s.id)).toEqual(["1", "3"]);
  });

  it("refuses a defective document with the line, the column and the problem; strict: false maps what parses", async () => {
    const text = fixture("defective-service.ttl");
    const error = (await fromCpsvAp(text).catch((e: unknown) => e)) as GovGraphError;
    expect(error).toBeInstanceOf(GovGraphError);
    expect(error.message).toMatch(/^fromCpsvAp: line 18, column 4: a ";" or "," or "\." is missing between ".*exKrav\.ttl" and "dct:audience"/);
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_rdf", [18, 4]],
      ["invalid_rdf", [19, 20]],
    ]);
    expect(error.issues[1]!.message).toMatch(/empty IRI <>/);
    const { model, issues } = await fromCpsvAp(text, { strict: false });
    expect(model.services).toEqual([expect.objectContaining({ departmentId: "unknown-authority" })]);
    expect(issues.map((i) => i.code)).toEqual(["invalid_rdf", "invalid_rdf", "missing_authority"]);
  });

  it("never a raw error: bad JSON, an unknown remote context, a wrong format, a wrong type", async () => {
    await expect(fromCpsvAp('{ "@context": {},\n  "@id": }')).rejects.toMatchObject({ issues: [expect.objectContaining({ code: "invalid_rdf", line: 2 })] });
    await expect(fromCpsvAp('{ "@context": "https://example.org/context.jsonld", "@id": "x" }')).rejects.toThrow(/remote context "https:\/\/example\.org\/context\.jsonld", which is not bundled and is never fetched/);
    await expect(fromCpsvAp("<a> <b> .", { format: "jsonld" })).rejects.toThrow(GovGraphError);
    await expect(fromCpsvAp(42 as never)).rejects.toThrow(/fromCpsvAp: expected the document's text, got number/);
    await expect(fromCpsvAp("", { strict: "no" as never })).rejects.toThrow(/option strict must be true or false/);
    expect((await fromCpsvAp("")).model.services).toEqual([]);
  });
});
