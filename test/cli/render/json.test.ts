import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeJson } from "../../../src/cli/render/json.js";

describe("writeJson", () => {
  it("writes the bytes of JSON.stringify(value, null, 2), in chunks", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let out = "";
        writeJson(value, (chunk) => void (out += chunk));
        expect(out).toBe(JSON.stringify(value, null, 2) + "\n");
      }),
    );
  });

  it("streams a long list in chunks of at most about 64 KB, never as one string", () => {
    const issues = Array.from({ length: 20_000 }, (_, i) => ({ code: "service_without_channel", pointer: `/services/${i}/channels`, severity: "warning" }));
    const chunks: number[] = [];
    let out = "";
    writeJson({ ok: true, issues }, (chunk) => {
      chunks.push(chunk.length);
      out += chunk;
    });
    expect(chunks.length).toBeGreaterThan(20);
    expect(Math.max(...chunks)).toBeLessThan(70_000);
    expect(out).toBe(JSON.stringify({ ok: true, issues }, null, 2) + "\n");
  });

  it("skips undefined and functions in objects and writes null for them in arrays, as JSON.stringify does", () => {
    let out = "";
    writeJson({ a: undefined, b: [undefined, () => 1], c: { toJSON: () => "x" } }, (chunk) => void (out += chunk));
    expect(out).toBe(JSON.stringify({ a: undefined, b: [undefined, () => 1], c: { toJSON: () => "x" } }, null, 2) + "\n");
  });

  it("writes long tables below the top levels slice by slice with the same bytes, whatever their rows hold", () => {
    // A toJSON that reads its key: JSON.stringify gives it the element's index in its array.
    const keyed = { toJSON: (key: string) => ({ at: key }) };
    // A toJSON giving a Date: JSON.stringify calls toJSON once per value, not again on what it returns.
    const dated = { toJSON: () => new Date(0) };
    const row = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.constant(keyed), fc.constant(dated), fc.constant({ a: undefined, b: [1, [2]] }));
    const table = fc.array(row, { minLength: 200, maxLength: 700 });
    fc.assert(
      fc.property(table, fc.nat(3), (rows, depth) => {
        let value: unknown = rows;
        for (let d = 0; d < depth + 1; d++) value = d % 2 ? [value] : { section: value, n: d };
        let out = "";
        writeJson(value, (chunk) => void (out += chunk));
        expect(out).toBe(JSON.stringify(value, null, 2) + "\n");
      }),
      { numRuns: 60 },
    );
    const sparse: unknown[] = [];
    sparse[600] = "last";
    let out = "";
    writeJson({ report: { rows: sparse } }, (chunk) => void (out += chunk));
    expect(out).toBe(JSON.stringify({ report: { rows: sparse } }, null, 2) + "\n");
  });
});

