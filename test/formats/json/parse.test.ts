import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GovGraphError, parseJson, parseModelJson, type JsonIssue } from "../../../src/index.js";

function jsonError(text: string): { message: string; line: number; column: number } {
  try {
    parseModelJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(GovGraphError);
    expect((error as GovGraphError).code).toBe("invalid_json");
    const issue = (error as GovGraphError).issues[0] as JsonIssue;
    return { message: (error as GovGraphError).message, line: issue.line, column: issue.column };
  }
  throw new Error("expected invalid_json");
}

describe("parseModelJson", () => {
  it("reads and validates a model file", () => {
    const text = readFileSync(join(import.meta.dirname, "../../fixtures/prototype-ids.json"), "utf8");
    const model = parseModelJson(text);
    expect(model.regions.map((r) => r.id)).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("gives invalid_json with the line and column of an empty, truncated or trailing-comma text", () => {
    expect(jsonError("")).toMatchInlineSnapshot(`
      {
        "column": 1,
        "line": 1,
        "message": "parseModelJson: the text is not valid JSON at line 1, column 1: the text is empty. Fix the JSON and try again.",
      }
    `);
    expect(jsonError('{\n  "schemaVersion": 1,\n  "regions": [')).toMatchInlineSnapshot(`
      {
        "column": 15,
        "line": 3,
        "message": "parseModelJson: the text is not valid JSON at line 3, column 15: unexpected end of the text, 2 bracket(s) still open. Fix the JSON and try again.",
      }
    `);
    expect(jsonError('{\n  "schemaVersion": 1,\n  "regions": [{ "id": "a", "name": "A" },]\n}')).toMatchInlineSnapshot(`
      {
        "column": 42,
        "line": 3,
        "message": "parseModelJson: the text is not valid JSON at line 3, column 42: a trailing comma before "]" (near " \\"a\\", \\"name\\": \\"A\\" },] }"). Fix the JSON and try again.",
      }
    `);
    expect(jsonError('{ "schemaVersion": 1, }')).toMatchInlineSnapshot(`
      {
        "column": 23,
        "line": 1,
        "message": "parseModelJson: the text is not valid JSON at line 1, column 23: a trailing comma before "}" (near "\\"schemaVersion\\": 1, }"). Fix the JSON and try again.",
      }
    `);
    expect(jsonError('{ "schemaVersion": NaN }').column).toBe(20);
    expect(jsonError('{ "a": 1 } {').message).toContain("after the end of the JSON value");
  });

  it("counts a byte order mark in the column and otherwise ignores it", () => {
    expect(parseModelJson('\uFEFF{ "schemaVersion": 1 }').regions).toEqual([]);
    expect(jsonError('\uFEFF{ "schemaVersion": 1, }')).toMatchObject({ line: 1, column: 24 });
  });

  it("handles 10,000 unclosed brackets without overflowing the stack", () => {
    expect(jsonError("[".repeat(10_000))).toMatchObject({ line: 1, column: 10_001 });
  });

  it("throws invalid_model listing every issue when the JSON is fine but the model is not", () => {
    try {
      parseModelJson('{ "schemaVersion": 1, "departments": [{ "id": "d", "name": "", "regionId": "r" }] }');
      expect.unreachable();
    } catch (error) {
      expect((error as GovGraphError).code).toBe("invalid_model");
      expect((error as GovGraphError).issues.map((i) => i.code)).toEqual(["too_small", "unknown_reference"]);
    }
  });
});

describe("parseJson", () => {
  it("gives the plain value of any JSON text, as JSON.parse does, without validating it", () => {
    expect(parseJson('[{"op": "retireService", "serviceId": "s1"}]')).toEqual([{ op: "retireService", serviceId: "s1" }]);
    expect(parseJson("\uFEFF 42 ")).toBe(42);
    expect(parseJson(JSON.stringify({ schemaVersion: 2 }))).toEqual({ schemaVersion: 2 });
  });

  it("gives invalid_json with the line, the column and the reason, as parseModelJson does", () => {
    const text = '{\n  "a": [1, 2,]\n}';
    const { message, ...where } = jsonError(text);
    let error: unknown;
    try {
      parseJson(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GovGraphError);
    expect((error as GovGraphError).message).toBe(message.replace(/^parseModelJson:/, "parseJson:"));
    expect((error as GovGraphError).issues[0]).toMatchObject({ code: "invalid_json", ...where });
    expect(where).toEqual({ line: 2, column: 14 });
  });

  it("refuses what is not text", () => {
    expect(() => parseJson(undefined as unknown as string)).toThrow(/^parseJson: expected JSON text, got undefined/);
  });
});
