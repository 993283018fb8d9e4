import Papa from "papaparse";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsvField, formatCsvRecord } from "../../src/index.js";

describe("formatCsvField and formatCsvRecord", () => {
  it("quote a field only when it holds a comma, a quote, a line break or whitespace at an end", () => {
    expect(["plain", "a,b", 'say "hi"', "two\nlines", "cr\r", " lead", "trail\t", "in side", ""].map(formatCsvField)).toEqual([
      "plain",
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\r"',
      '" lead"',
      '"trail\t"',
      "in side",
      "",
    ]);
  });

  it("end a record with CRLF, or with the line end asked for", () => {
    expect(formatCsvRecord(["id", "Tax, customs"])).toBe('id,"Tax, customs"\r\n');
    expect(formatCsvRecord(["id", "Tax, customs"], "\n")).toBe('id,"Tax, customs"\n');
    expect(formatCsvRecord([])).toBe("\r\n");
  });

  it("write records that papaparse reads back exactly, whatever the text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const same = rows.map((r) => [...r, ...Array<string>(width).fill("")].slice(0, width));
        const text = same.map((r) => formatCsvRecord(r)).join("");
        expect(Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n" }).data.slice(0, same.length)).toEqual(same);
      }),
    );
  });
});
