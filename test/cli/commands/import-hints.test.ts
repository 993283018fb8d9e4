import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LARGE_FILE_BYTES } from "../../../src/cli/load-model.js";
import { runIn } from "../run-cli.js";

const fixtures = join(import.meta.dirname, "..", "..", "fixtures");

/** The first line of what `govgraph validate PATH` prints on stderr, run from the fixtures folder, and its exit code. */
async function refused(path: string, large = false): Promise<[number, string]> {
  const run = await runIn(fixtures, ["validate", path], large ? { fileSize: () => LARGE_FILE_BYTES + 1 } : {});
  return [run.code, run.stderr.split("\n")[0]!];
}

describe("a file given as a model that is no model JSON", () => {
  it("names what it looks like and the import command that reads it, not malformed JSON at 1:1", async () => {
    expect(await refused("real/us-fpi-excerpt.csv")).toEqual([
      1,
      'error unsupported_format: loadModel: real/us-fpi-excerpt.csv is not a model JSON file: it looks like a CSV file (header "id,title,popular_name,agency,sub_agency,program_type,categories,beneficiary_types,applicant_types,assistance_types,autho..."), US Federal Program Inventory. Import it first: govgraph import us-fpi real/us-fpi-excerpt.csv --out model.json.',
    ]);
    expect((await refused("real/gc-si-excerpt.csv"))[1]).toMatch(/, Government of Canada Service Inventory\. Import it first: govgraph import gc-si real\/gc-si-excerpt\.csv --out model\.json\.$/);
  });

  it("says so as well when the file is large enough to be read as bytes", async () => {
    expect(await refused("real/us-fpi-excerpt.csv", true)).toEqual(await refused("real/us-fpi-excerpt.csv"));
  });

  it("names the folder to import when the file is one file of a folder format", async () => {
    expect((await refused("real/kenya-ecitizen/services.csv"))[1]).toMatch(
      /, Kenya eCitizen services \(one file of a folder\)\. Import it first: govgraph import kenya-ecitizen real\/kenya-ecitizen --out model\.json\.$/,
    );
    expect((await refused("hsds/csv/services.csv"))[1]).toMatch(/, Open Referral HSDS 3\.1 \(one file of a folder\)\. Import it first: govgraph import hsds hsds\/csv --out model\.json\.$/);
  });

  it("recognises HSDS's JSON form, JSON-LD, Turtle, XML and tab-separated files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govgraph-hints-"));
    writeFileSync(join(dir, "catalogue.jsonld"), '{ "@context": "https://example.org/", "@graph": [] }');
    writeFileSync(join(dir, "catalogue.ttl"), "# a comment\n@prefix cpsv: <http://purl.org/vocab/cpsv#> .\n");
    writeFileSync(join(dir, "graph.graphml"), '<?xml version="1.0"?>\n<graphml/>\n');
    writeFileSync(join(dir, "orgs.tsv"), "name\tparent\nA\tB\n");
    const first = async (file: string) => (await runIn(dir, ["analyze", file])).stderr.split("\n")[0];
    expect((await refused("hsds/service_full-excerpt.json"))[1]).toBe(
      "error unsupported_format: loadModel: hsds/service_full-excerpt.json is not a model JSON file: it looks like Open Referral HSDS 3.1. Import it first: govgraph import hsds hsds/service_full-excerpt.json --out model.json.",
    );
    const generic = "Pass a model JSON file or a CSV folder, or import it first (govgraph import --help lists the formats it reads).";
    expect(await first("catalogue.jsonld")).toBe(
      "error unsupported_format: loadModel: catalogue.jsonld is not a model JSON file: it looks like CPSV-AP 3.2 (JSON-LD). Import it first: govgraph import cpsv-ap catalogue.jsonld --out model.json.",
    );
    expect(await first("catalogue.ttl")).toBe(
      "error unsupported_format: loadModel: catalogue.ttl is not a model JSON file: it looks like an RDF Turtle file, CPSV-AP 3.2 (Turtle). Import it first: govgraph import cpsv-ap-turtle catalogue.ttl --out model.json.",
    );
    expect(await first("graph.graphml")).toBe(`error unsupported_format: loadModel: graph.graphml is not a model JSON file: it looks like an XML or HTML file. ${generic}`);
    expect(await first("orgs.tsv")).toBe(`error unsupported_format: loadModel: orgs.tsv is not a model JSON file: it looks like a tab-separated file (header "name | parent"). ${generic}`);
  });

  it("still reports malformed JSON at its line and column", async () => {
    const run = await runIn(fixtures, ["analyze", "../cli/fixtures/malformed.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toMatch(/^error invalid_json: \.\.\/cli\/fixtures\/malformed\.json:5:5: malformed JSON/);
  });
});

describe("a folder given as a model that is no govgraph CSV folder", () => {
  it("names what it holds and the import command that reads it", async () => {
    expect(await refused("real/kenya-ecitizen")).toEqual([
      1,
      "error unsupported_format: loadModel: real/kenya-ecitizen is not a govgraph CSV folder (meta.json, regions.csv, departments.csv, ...): it holds README.md, agencies.csv, departments.csv, ministries.csv, ..., like Kenya eCitizen services. Import it first: govgraph import kenya-ecitizen real/kenya-ecitizen --out model.json.",
    ]);
    const empty = mkdtempSync(join(tmpdir(), "govgraph-hints-"));
    mkdirSync(join(empty, "nothing"));
    expect((await runIn(empty, ["validate", "nothing"])).stderr.split("\n")[0]).toBe(
      "error unsupported_format: loadModel: nothing is not a govgraph CSV folder (meta.json, regions.csv, departments.csv, ...): it holds no file. Pass a model JSON file or a CSV folder, or import it first (govgraph import --help lists the formats it reads).",
    );
  });

  it("names the file to import when a file of the folder is a format read whole, not a folder format sharing its name", async () => {
    // HSDS has a programs.csv table too; the US inventory's columns say which it is.
    const dir = mkdtempSync(join(tmpdir(), "govgraph-hints-"));
    mkdirSync(join(dir, "us-fpi"));
    writeFileSync(join(dir, "us-fpi", "programs.csv"), readFileSync(join(fixtures, "real", "us-fpi-excerpt.csv")));
    expect((await runIn(dir, ["analyze", "us-fpi"])).stderr.split("\n")[0]).toBe(
      `error unsupported_format: loadModel: us-fpi is not a govgraph CSV folder (meta.json, regions.csv, departments.csv, ...): it holds programs.csv; programs.csv looks like US Federal Program Inventory. Import it first: govgraph import us-fpi ${join("us-fpi", "programs.csv")} --out model.json.`,
    );
  });

  it("points a file of a CSV folder to its folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govgraph-hints-"));
    expect((await runIn(dir, ["convert", "--to", "csv", "--out", "county"])).code).toBe(0);
    expect((await runIn(dir, ["validate", "county/regions.csv"])).stderr.split("\n")[0]).toBe(
      'error unsupported_format: loadModel: county/regions.csv is not a model JSON file: it looks like a CSV file (header "id,name,parentId,level,population,location.lat,location.lon,tags,attributes"), govgraph CSV folder (one file of a folder). Pass its folder, county, as the model.',
    );
  });
});
