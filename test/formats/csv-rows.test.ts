import { describe, expect, it } from "vitest";
import { eachCsvRow, readCsvRows, scanCsvHeader } from "../../src/formats/csv-rows.js";
import { fromFederalProgramInventory } from "../../src/index.js";

const read = (text: string, required: string[] = []) => {
  const { rows, issues } = readCsvRows(text, "f", required);
  return { rows: rows.map((r) => [r.line, r.record]), issues: issues.map((i) => i.message) };
};

describe("readCsvRows", () => {
  it("reads a header-only file as no rows, its header known (with or without a final line break)", () => {
    expect(read("id,title\n", ["id", "title"])).toEqual({ rows: [], issues: [] });
    expect(read("\uFEFFid,title", ["id", "title"])).toEqual({ rows: [], issues: [] });
    expect(() => read("id,title\n", ["agency"])).toThrow('f: the CSV has no column "agency".');
  });

  it("skips empty lines (nothing, or spaces), and keeps records of empty fields, quoted or not", () => {
    const text = 'a,b\r\n1,2\r\n\r\n   \r\n,\r\n"",""\r\n"\n\n",""\r\n3,4\r\n\r\n';
    expect(read(text).rows).toEqual([
      [2, { a: "1", b: "2" }],
      [5, { a: "", b: "" }],
      [6, { a: "", b: "" }],
      [7, { a: "\n\n", b: "" }],
      [10, { a: "3", b: "4" }],
    ]);
  });

  it("skips empty lines before the header, counting them in the line numbers", () => {
    expect(read("\r\n  \nid,title\n1,a\n", ["id"])).toEqual({ rows: [[4, { id: "1", title: "a" }]], issues: [] });
    expect(read("\uFEFF\nid,title\n", ["id"])).toEqual({ rows: [], issues: [] });
  });

  it("keeps empty lines inside a quoted value, and counts them in the lines of the records after it", () => {
    expect(read('a,b\n"x\n\ny",2\n\n3,4\n').rows).toEqual([
      [2, { a: "x\n\ny", b: "2" }],
      [6, { a: "3", b: "4" }],
    ]);
  });

  it("takes the delimiter from the header, never from a character found only inside quotes", () => {
    // papaparse's own guess picks ";" for this file once empty lines are kept (they are, to tell them from records).
    const text = 'h0,h1\n"a;b",";"\n"p;q",";"\n';
    const arrays: string[][] = [];
    eachCsvRow<string[]>(text, false, (_, cells) => arrays.push(cells));
    expect(arrays).toEqual([["h0", "h1"], ["a;b", ";"], ["p;q", ";"]]);
    expect(read(text).rows).toEqual([
      [2, { h0: "a;b", h1: ";" }],
      [3, { h0: "p;q", h1: ";" }],
    ]);
    expect(read('name\n"a;b"\n"c\td"\n').rows).toEqual([
      [2, { name: "a;b" }],
      [3, { name: "c\td" }],
    ]);
    expect(read("a;b\n1;2\n").rows).toEqual([[2, { a: "1", b: "2" }]]);
    expect(read("a\tb\n1\t2,3\n").rows).toEqual([[2, { a: "1", b: "2,3" }]]);
  });

  it("reports a record with too few or too many fields at its line", () => {
    expect(read("a,b\n1\n1,2,3\n4,5\n")).toEqual({
      rows: [[4, { a: "4", b: "5" }]],
      issues: ["line 2: Too few fields: expected 2 fields but parsed 1", "line 3: Too many fields: expected 2 fields but parsed 3"],
    });
  });
});

describe("scanCsvHeader", () => {
  it("finds the end of the first record past quoted line breaks, and its delimiter outside quotes", () => {
    expect(scanCsvHeader('"a\nb";c;d\r\nx')).toEqual({ end: 11, delimiter: ";" });
    expect(scanCsvHeader('"a,b|c"|d\n')).toEqual({ end: 10, delimiter: "|" });
    expect(scanCsvHeader("single")).toEqual({ end: 6, delimiter: "," });
    expect(scanCsvHeader("a,b;c\n")).toEqual({ end: 6, delimiter: "," });
  });
});

describe("an importer on a header-only file", () => {
  it("maps nothing, with no error", () => {
    const { model, issues } = fromFederalProgramInventory("id,title,agency,categories\n");
    expect({ services: model.services, issues }).toEqual({ services: [], issues: [] });
  });
});
