import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleCounty, fromCpsvAp, generateModel, stringifyModel, toCpsvAp, validateModel } from "../../src/index.js";
import { readFastPath } from "../../src/formats/cpsv-ap/fast-path.js";
import { readIndexed } from "../../src/formats/cpsv-ap/from-cpsv-ap.js";
import { arbitraryModel } from "../arbitraries.js";

// fromCpsvAp reads a document govgraph wrote on a fast path (its own Turtle and JSON-LD readers) and anything else
// through n3 / jsonld.js and the triple index (readIndexed). The two must never disagree: same model, same issues,
// same error.

type Format = "turtle" | "jsonld";

/** What a reader gives, as text: the model's JSON and the issues, or the error it throws. */
async function outcome(read: () => Promise<{ model: unknown; issues: unknown[] }>): Promise<string> {
  try {
    const { model, issues } = await read();
    return `${stringifyModel(model as never)}\n${JSON.stringify(issues)}`;
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

async function expectSameAsIndexed(text: string, format: Format, strict: boolean): Promise<void> {
  const fast = await outcome(() => fromCpsvAp(text, { format, strict }));
  const indexed = await outcome(() => readIndexed(text, format, { strict, language: undefined }));
  expect(fast).toBe(indexed);
}

const countyTurtle = await toCpsvAp(exampleCounty, { format: "turtle" });
const countyJsonLd = await toCpsvAp(exampleCounty, { format: "jsonld" });

describe("the fast path of fromCpsvAp", () => {
  it("takes every document toCpsvAp writes, and gives what the general reader gives", async () => {
    for (const [text, format] of [
      [countyTurtle, "turtle"],
      [countyJsonLd, "jsonld"],
    ] as const) {
      expect(readFastPath(text, format)).toBeDefined();
      await expectSameAsIndexed(text, format, true);
    }
    // A non-breaking space is no white space to JSON or Turtle: both readers refuse it.
    await expectSameAsIndexed(countyJsonLd + "\u00a0", "jsonld", false);
    await expectSameAsIndexed(countyTurtle + "\u00a0", "turtle", false);
    const { model } = generateModel({ size: "county", seed: 4 });
    const turtle = await toCpsvAp(model, { format: "turtle", base: "urn:gov:" });
    expect(readFastPath(turtle, "turtle")).toBeDefined();
    await expectSameAsIndexed(turtle, "turtle", true);
  });

  it("on random models, in both formats", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryModel(), fc.constantFrom<Format>("turtle", "jsonld"), async (input, format) => {
        const model = validateModel(input).model!;
        const text = await toCpsvAp(model, { format });
        expect(readFastPath(text, format)).toBeDefined();
        await expectSameAsIndexed(text, format, true);
      }),
      { numRuns: 25, seed: 5 },
    );
  });

  // Edits a person or another tool might make to a Turtle document govgraph wrote: each either stays on the fast
  // path or leaves it, and the result is the general reader's either way.
  const turtleEdits: [string, (text: string, at: number) => string][] = [
    ["a comment", (t, at) => insertAfterStatement(t, at, "# a note\n")],
    ["an unknown predicate", (t, at) => insertAfterStatement(t, at, 'service:apply-homestead <http://example.org/p> "v".\n')],
    ["a blank node", (t, at) => insertAfterStatement(t, at, 'service:apply-homestead cv:hasContactPoint [ a cv:ContactPoint ].\n')],
    ["a second title", (t, at) => insertAfterStatement(t, at, 'service:apply-homestead dct:title "Other"@en.\n')],
    ["a title in French", (t, at) => insertAfterStatement(t, at, 'service:apply-homestead dct:title "Autre"@fr.\n')],
    ["a line left out", (t, at) => lines(t, at, (l, i) => l.splice(i, 1))],
    ["a line twice", (t, at) => lines(t, at, (l, i) => l.splice(i, 0, l[i]!))],
    ["a cut", (t, at) => t.slice(0, at)],
    ["a character dropped", (t, at) => t.slice(0, at) + t.slice(at + 1)],
    ["an IRI in full", (t) => t.replace("dept:agri;", "<https://example.org/govgraph/departments/agri>;")],
    ["a misspelt IRI", (t) => t.replace("dept:agri;", "<ttp://example.org/govgraph/departments/agri>;")],
    ["an escaped quote as \\u0022", (t) => t.replaceAll('\\"', "\\u0022")],
    ["a single-quoted string", (t) => t.replace('"apply-homestead"', "'apply-homestead'")],
    ["a decimal", (t) => t.replace("gg:annualVolume 880", "gg:annualVolume 880.0")],
    ["a number that is none", (t) => t.replace("gg:annualVolume 880", 'gg:annualVolume "lots"')],
    ["@base", (t) => "@base <http://example.org/>.\n" + t],
  ];

  it("after edits, in strict and lenient mode", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...turtleEdits), fc.nat(countyTurtle.length - 1), fc.boolean(), async ([, edit], at, strict) => {
        await expectSameAsIndexed(edit(countyTurtle, at), "turtle", strict);
      }),
      { numRuns: 30, seed: 7 },
    );
  });

  const jsonLdEdits: [string, (document: { "@context": Record<string, unknown>; "@graph": Record<string, unknown>[] }, at: number) => void][] = [
    ["a context term with a type", (d) => void (d["@context"].gg = { "@id": "https://govgraph.dev/ns/cpsv-ap#", "@prefix": true })],
    ["@vocab", (d) => void (d["@context"]["@vocab"] = "http://example.org/")],
    ["an unknown key", (d, at) => void (d["@graph"][at % d["@graph"].length]!.title = "x")],
    ["a nested node", (d, at) => void (d["@graph"][at % d["@graph"].length]!["cv:hasContactPoint"] = { "@type": "cv:ContactPoint" })],
    ["a relative @id", (d, at) => void (d["@graph"][at % d["@graph"].length]!["@id"] = "relative")],
    ["a number", (d, at) => void (d["@graph"][at % d["@graph"].length]!["gg:weight"] = 2)],
    ["a node left out", (d, at) => void d["@graph"].splice(at % d["@graph"].length, 1)],
    ["a @list", (d, at) => void (d["@graph"][at % d["@graph"].length]!["gg:tag"] = { "@list": ["a"] })],
    ["a compact @id with a space", (d, at) => void (d["@graph"][at % d["@graph"].length]!["@id"] = "region:P01 x")],
    ["a compact reference with a <", (d, at) => void (d["@graph"][at % d["@graph"].length]!["dct:isPartOf"] = { "@id": "region:P0<1" })],
    ["a misspelt full @id", (d, at) => void (d["@graph"][at % d["@graph"].length]!["@id"] = "ttp://example.org/govgraph/x")],
    ["a full @id with a space", (d, at) => void (d["@graph"][at % d["@graph"].length]!["@id"] = "https://example.org/a b")],
    ["a reference under an unknown prefix", (d, at) => void (d["@graph"][at % d["@graph"].length]!["dct:isPartOf"] = { "@id": "nowhere:P01" })],
  ];

  it("after cuts and line edits of the JSON-LD text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(countyJsonLd.length - 1), fc.constantFrom("cut", "line out", "line twice"), async (at, how) => {
        const text = how === "cut" ? countyJsonLd.slice(0, at) : lines(countyJsonLd, at, (l, i) => (how === "line out" ? l.splice(i, 1) : l.splice(i, 0, l[i]!)));
        await expectSameAsIndexed(text, "jsonld", false);
      }),
      { numRuns: 12, seed: 13 },
    );
  });

  it.each(jsonLdEdits)("after an edit of the JSON-LD: %s", async (_, edit) => {
    await fc.assert(
      fc.asyncProperty(fc.nat(10_000), fc.constantFrom(0, 2), async (at, indent) => {
        const document = JSON.parse(countyJsonLd) as Parameters<(typeof jsonLdEdits)[number][1]>[0];
        edit(document, at);
        // Indented as toCpsvAp writes it, the reader parses node by node; on one line, whole.
        await expectSameAsIndexed(JSON.stringify(document, null, indent) + "\n", "jsonld", false);
      }),
      { numRuns: 3, seed: 9 },
    );
  });
});

/** Inserts a statement after the first statement that ends at or after `at`. */
function insertAfterStatement(text: string, at: number, statement: string): string {
  const end = text.indexOf(".\n", at);
  return end < 0 ? text + statement : text.slice(0, end + 2) + statement + text.slice(end + 2);
}

function lines(text: string, at: number, edit: (lines: string[], index: number) => void): string {
  const all = text.split("\n");
  edit(all, at % all.length);
  return all.join("\n");
}
