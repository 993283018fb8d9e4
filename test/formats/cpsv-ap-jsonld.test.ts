import fc from "fast-check";
import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { exampleCounty, generateModel, toCpsvAp, validateModel, type Model } from "../../src/index.js";
import { compactWithJsonLd } from "../../src/formats/cpsv-ap/to-cpsv-ap.js";
import type { JsonLdNode } from "../../src/formats/cpsv-ap/sink.js";
import { arbitraryModel } from "../arbitraries.js";

// toCpsvAp compacts its JSON-LD itself (jsonld-writer.ts); what it writes must be what jsonld.js's compaction gives
// for the same triples: expanding the document and compacting it again with jsonld.js changes no byte.

async function expectJsonLdCompaction(model: Model, options: { base?: string; language?: string } = {}): Promise<void> {
  const text = await toCpsvAp(model, { format: "jsonld", ...options });
  const document = JSON.parse(text) as { "@context": Record<string, string> };
  const expanded = (await jsonld.expand(document as never)) as unknown as JsonLdNode[];
  expect(JSON.stringify(await compactWithJsonLd(expanded, document["@context"]), null, 2) + "\n").toBe(text);
}

describe("toCpsvAp's JSON-LD", () => {
  it("is what jsonld.js compacts the same triples to: the county, a generated county, other bases and languages", async () => {
    await expectJsonLdCompaction(exampleCounty);
    await expectJsonLdCompaction(exampleCounty, { base: "urn:gov:", language: "zh-Hans" });
    await expectJsonLdCompaction(generateModel({ size: "county", seed: 2 }).model, { base: "http://purl.org/dc/terms/x#" });
  });

  it("on random models", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryModel(), fc.constantFrom("https://example.org/govgraph/", "http://example.org/a:", "urn:x:"), async (input, base) => {
        await expectJsonLdCompaction(validateModel(input).model!, { base });
      }),
      { numRuns: 25, seed: 3 },
    );
  });
});
