import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryModel } from "../arbitraries.js";
import {
  csvFolderChunks,
  fromCsvFolder,
  generateModel,
  GovGraphError,
  parseModel,
  stringifyModel,
  toCsvFolder,
  CSV_FOLDER_FILES,
  type CsvIssue,
} from "../../src/index.js";

const tiny = parseModel({
  schemaVersion: 1,
  meta: { name: "Tiny, with \"quotes\"" },
  regions: [{ id: "county", name: "County", location: { lat: 30.5, lon: 110.25 } }],
  departments: [
    { id: "gov", name: "Government", regionId: "county", staff: { actual: 12 }, identifiers: [{ scheme: "uscc", id: "123" }] },
    { id: "tax", name: "Tax, fees|levies", regionId: "county", parentId: "gov", identifiers: [], attributes: { code: "007", rank: 3, open: true, note: null } },
  ],
  functions: [{ id: "f|1", name: "Collect taxes", keywords: ["tax", "levy|duty"], tags: [""] }],
  assignments: [{ departmentId: "tax", functionId: "f|1" }],
  services: [
    {
      id: "pay",
      name: "Pay tax\non line",
      departmentId: "tax",
      functionIds: ["f|1"],
      regionIds: [],
      evidence: [],
      channels: [{ kind: "online", endToEnd: true }, { kind: "in_person", visits: 1 }],
      published: { guide: true },
    },
  ],
});

function issuesOf(run: () => unknown): CsvIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GovGraphError);
    expect((error as GovGraphError).code).toBe("invalid_input");
    return (error as GovGraphError).issues as CsvIssue[];
  }
  throw new Error("expected a GovGraphError");
}

describe("toCsvFolder", () => {
  it("writes one RFC 4180 file per collection and nested list, with lists |-separated and JSON where | would mislead", () => {
    const files = toCsvFolder(tiny);
    expect(Object.keys(files)).toEqual(CSV_FOLDER_FILES);
    expect(files["meta.json"]).toBe('{\n  "schemaVersion": 1,\n  "meta": {\n    "name": "Tiny, with \\"quotes\\""\n  }\n}\n');
    expect(files["departments.csv"]!.split("\r\n")).toEqual([
      "id,name,regionId,parentId,level,kind,staff.authorized,staff.actual,budget,identifiers,tags,attributes",
      "gov,Government,county,,,,,12,,,,",
      'tax,"Tax, fees|levies",county,gov,,,,,,[],,"{""code"":""007"",""note"":null,""open"":true,""rank"":3}"',
      "",
    ]);
    expect(files["department-identifiers.csv"]).toBe("departmentId,scheme,id\r\ngov,uscc,123\r\n");
    // An id holding "|" is written as a JSON array in list columns; a lone empty tag too.
    expect(files["functions.csv"]!.split("\r\n")[1]).toBe('f|1,Collect taxes,,,,,"[""tax"",""levy|duty""]","[""""]",');
    expect(files["services.csv"]!.split("\r\n")[1]).toBe('pay,"Pay tax\non line",,tax,,"[""f|1""]",,,[],[],,,,,true,,,,,,,,,');
    expect(files["service-channels.csv"]).toBe("serviceId,kind,endToEnd,visits,processingDays,fee,capacity,tags,attributes\r\npay,online,true,,,,,,\r\npay,in_person,,1,,,,,\r\n");
    expect(files["regions.csv"]!.split("\r\n")[1]).toBe("county,County,,,,30.5,110.25,,");
  });

  it("yields the same files as chunks, each file's chunks in a row", () => {
    const { model } = generateModel({ size: "county", seed: 2 });
    const joined: Record<string, string> = {};
    const order: string[] = [];
    for (const { file, text } of csvFolderChunks(model, { chunkSize: 256 })) {
      if (order[order.length - 1] !== file) order.push(file);
      joined[file] = (joined[file] ?? "") + text;
    }
    expect(order).toEqual(CSV_FOLDER_FILES);
    expect(joined).toEqual(toCsvFolder(model));
    expect(() => csvFolderChunks(model, { chunkSize: 0 }).next()).toThrow(/csvFolderChunks: option chunkSize must be a number >= 1/);
  });
});

describe("fromCsvFolder", () => {
  it("reads back the same model: the hand-made edge cases", () => {
    const { model, issues } = fromCsvFolder(toCsvFolder(tiny));
    expect(issues).toEqual([]);
    expect(model).toEqual(tiny);
    // Absent and empty lists stay apart.
    expect(model.services[0]!.regionIds).toEqual([]);
    expect(model.services[0]!.partnerIds).toBeUndefined();
    expect(model.departments[1]!.identifiers).toEqual([]);
    expect(model.departments[1]!.attributes).toEqual({ code: "007", rank: 3, open: true, note: null });
    // An attribute named __proto__ is an ordinary key, in the cell and back.
    const proto = parseModel(JSON.parse('{"schemaVersion":1,"regions":[{"id":"__proto__","name":"R","attributes":{"__proto__":"x","a":1}}]}'));
    const files = toCsvFolder(proto);
    expect(files["regions.csv"]!.split("\r\n")[1]).toBe('__proto__,R,,,,,,,"{""__proto__"":""x"",""a"":1}"');
    expect(Object.keys(fromCsvFolder(files).model.regions[0]!.attributes!)).toEqual(["__proto__", "a"]);
    expect(fromCsvFolder(files).model).toEqual(proto);
  });

  it("reads back every generated model exactly (property)", () => {
    fc.assert(
      fc.property(arbitraryModel(), (input) => {
        const model = parseModel(input);
        const back = fromCsvFolder(toCsvFolder(model));
        expect(back.model).toEqual(model);
        expect(stringifyModel(back.model)).toBe(stringifyModel(model));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps any list item, text and typed attribute: |, [, quotes, line breaks, empty items (property)", () => {
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 });
    const item = fc.oneof(fc.constantFrom("", "|", "[", "[]", "a|b", '"', "\r\n", " x "), fc.string({ maxLength: 4 }));
    // -0 is written 0, as in JSON.
    const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)), fc.boolean(), fc.constant(null));
    const fn = fc.record(
      { id: text, name: text, description: text, keywords: fc.array(item, { maxLength: 3 }), tags: fc.array(item, { maxLength: 3 }), attributes: fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 3 }) },
      { requiredKeys: ["id", "name"] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(fn, { selector: (f) => f.id, maxLength: 4 }), (functions) => {
        const model = parseModel({ schemaVersion: 1, functions });
        expect(fromCsvFolder(toCsvFolder(model)).model).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  it("gives a province the same JSON bytes after a trip through CSV", () => {
    const { model } = generateModel({ size: "province", seed: 1 });
    const files = toCsvFolder(model);
    expect(files["assignments.csv"]!.split("\r\n").length - 2).toBe(model.assignments.length);
    expect(stringifyModel(fromCsvFolder(files).model)).toBe(stringifyModel(model));
  });

  it("reads a folder made by hand: some files, some columns, any column order, a byte order mark", () => {
    const { model, issues } = fromCsvFolder({
      "regions.csv": "\ufeffname,id\nCounty,county\n",
      "departments.csv": "id,name,regionId,staff.actual\ngov,Government,county,40\n",
      "services.csv": "id,name,departmentId,functionIds\nreg,Register,gov,\n",
      "service-channels.csv": "serviceId,kind\nreg,online\n",
      "notes.txt": "hello",
    });
    expect(model.departments).toEqual([{ id: "gov", name: "Government", regionId: "county", staff: { actual: 40 } }]);
    expect(model.services[0]).toMatchObject({ channels: [{ kind: "online" }], functionIds: [] });
    expect(issues.map((i) => i.message)).toEqual(["notes.txt line 1: not a file of a govgraph CSV folder; ignored"]);
  });

  it("reports every problem at its file, line and column, and refuses the folder in strict mode", () => {
    const files = {
      "regions.csv": "id,name,population,colour\ncounty,County,many,red\n",
      "departments.csv": 'id,name,regionId\ngov,Government,county\n"tax","Tax\nbureau",nowhere\n',
      "service-channels.csv": "serviceId,kind,visits\nghost,online,1\n",
      "assignments.csv": "departmentId,functionId,role,attributes\ngov,f1,boss,{oops\n",
      "meta.json": '{ "schemaVersion": 2 }',
    };
    const issues = issuesOf(() => fromCsvFolder(files));
    expect(issues.map((i) => [i.file, i.line, i.column, i.code, i.severity])).toEqual([
      ["meta.json", 1, "schemaVersion", "invalid_value", "error"],
      ["regions.csv", 1, "colour", "unknown_column", "error"],
      ["regions.csv", 2, "population", "not_a_number", "error"],
      ["departments.csv", 3, "regionId", "unknown_reference", "error"],
      ["assignments.csv", 2, "attributes", "invalid_attributes", "error"],
      ["assignments.csv", 2, "functionId", "unknown_reference", "error"],
      ["assignments.csv", 2, "role", "invalid_value", "error"],
      ["service-channels.csv", 2, "serviceId", "unknown_owner", "error"],
    ]);
    expect(issues[3]!.message).toBe(
      'departments.csv line 3, column "regionId": Department "tax" refers to region "nowhere" in regionId, but there is no such region in regions. Add it to regions or fix the id.',
    );
    expect(issues[3]!.path).toEqual(["departments.csv", 3, "regionId"]);
  });

  it("with { strict: false } leaves out only what is wrong: a cell, a list item, a nested row, a record", () => {
    const { model, issues } = fromCsvFolder(
      {
        "regions.csv": "id,name,population,parentId\ncounty,County,many,\ntown,Town,,county\nloop,Loop,,loop\n",
        "departments.csv": "id,name,regionId\ngov,Government,county\ntax,Tax,nowhere\n",
        "functions.csv": "id,name\nf1,Licence\n",
        "services.csv": "id,name,departmentId,functionIds\nreg,Register,gov,f1|f2\nfee,Pay,tax,\n",
        "service-channels.csv": "serviceId,kind\nreg,online\nreg,carrier pigeon\n",
      },
      { strict: false },
    );
    expect(model.regions.map((r) => [r.id, r.population, r.parentId])).toEqual([
      ["county", undefined, undefined],
      ["loop", undefined, undefined],
      ["town", undefined, "county"],
    ]);
    expect(model.departments.map((d) => d.id)).toEqual(["gov"]);
    expect(model.services).toEqual([expect.objectContaining({ id: "reg", functionIds: ["f1"], channels: [{ kind: "online" }] })]);
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`)).toEqual([
      "regions.csv:2:population not_a_number",
      "regions.csv:4:parentId cycle",
      "departments.csv:3:regionId unknown_reference",
      "services.csv:2:functionIds unknown_reference",
      "services.csv:3:departmentId unknown_reference",
      "service-channels.csv:3:kind invalid_value",
    ]);
  });

  it("reads meta.json: its problems at their line, a bad meta left out with { strict: false }", () => {
    const loose = fromCsvFolder({ "meta.json": '{"schemaVersion":1,"meta":{"nme":"x"}}', "regions.csv": "id,name\nr,R\n" }, { strict: false });
    expect(loose.model.meta).toBeUndefined();
    expect(loose.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`)).toEqual(["meta.json:1:meta.name invalid_type", "meta.json:1:meta.nme unrecognized_keys"]);
    const broken = issuesOf(() => fromCsvFolder({ "meta.json": '{"schemaVersion":1,\n "meta": {"name": "x",}}' }));
    expect(broken.map((i) => i.message)).toEqual(['meta.json line 2: not valid JSON at column 23: a trailing comma before "}"']);
  });

  it("reads files given as functions, each called once for a folder without errors, twice for one with errors", () => {
    const lazy = (files: Record<string, string>, calls: Map<string, number>) =>
      Object.fromEntries(Object.entries(files).map(([name, text]) => [name, () => (calls.set(name, (calls.get(name) ?? 0) + 1), text)]));
    const files = toCsvFolder(tiny);
    const calls = new Map<string, number>();
    expect(fromCsvFolder(lazy(files, calls))).toEqual(fromCsvFolder(files));
    expect([...new Set(calls.values())]).toEqual([1]);
    expect(calls.size).toBe(CSV_FOLDER_FILES.length);

    const broken = { ...files, "assignments.csv": "departmentId,functionId\ntax,f|1\ntax,nothing\n" };
    calls.clear();
    expect(fromCsvFolder(lazy(broken, calls), { strict: false })).toEqual(fromCsvFolder(broken, { strict: false }));
    expect(calls.get("assignments.csv")).toBe(2);
    expect(() => fromCsvFolder({ "regions.csv": () => 3 as never })).toThrow(/the file "regions.csv" is not text/);
  });

  it("reports a row with too many or too few cells at its line, and reads the others", () => {
    const { model, issues } = fromCsvFolder({ "regions.csv": "id,name,level\na,A,town\nb,B\nc,C,town,extra\n  ,  ,  \nd,D,town\n" }, { strict: false });
    expect(model.regions.map((r) => r.id)).toEqual(["a", "d"]);
    expect(issues.map((i) => i.message)).toEqual([
      "regions.csv line 3: Too few fields: expected 3 fields but parsed 2",
      "regions.csv line 4: Too many fields: expected 3 fields but parsed 4",
    ]);
  });

  it("refuses what is not a folder, and bad options", () => {
    expect(() => fromCsvFolder("regions.csv" as never)).toThrow(/^fromCsvFolder: argument files must be an object of file names and texts, got "regions.csv"/);
    expect(() => fromCsvFolder({ "a.csv": "x" })).toThrow(/none of the files is part of a govgraph CSV folder/);
    expect(() => fromCsvFolder({ "regions.csv": 3 as never })).toThrow(/the file "regions.csv" is 3\. Pass/);
    expect(() => fromCsvFolder({ "regions.csv": "id,name\n" }, { strict: "no" as never })).toThrow(/option strict must be true or false/);
    const missing = issuesOf(() => fromCsvFolder({ "departments.csv": "id,regionId\ngov,county\n" }));
    expect(missing[0]!.message).toBe('departments.csv line 1, column "name": the header has no column "name", which every row needs; no row of the file is read');
  });
});
