import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GovGraphError, parseJsonBytes, parseModelJsonBytes, validateModelJsonBytes, type EncodingIssue } from "../../src/index.js";
import { runIn } from "../cli/run-cli.js";

const encode = (text: string) => new TextEncoder().encode(text);

/** Bytes from text and raw byte values, in order. */
function bytesOf(...parts: (string | number[])[]): Uint8Array {
  return new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...encode(part)] : part)));
}

/** The GovGraphError `run` throws. */
function thrown(run: () => unknown): GovGraphError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GovGraphError);
    return error as GovGraphError;
  }
  throw new Error("expected a GovGraphError");
}

/** A model file whose two regions' ids differ only by one byte that is not UTF-8. */
const twoRegions = (a: number, b: number) =>
  bytesOf('{"schemaVersion": 1, "regions": [\n  {"id": "r', [a], '", "name": "A"},\n  {"id": "r', [b], '", "name": "B"}\n]}');

describe("text that is not UTF-8", () => {
  it("is refused at its first bad byte (offset, line, column), never replaced so that two ids become one", () => {
    const error = thrown(() => parseModelJsonBytes(twoRegions(0xff, 0xfe)));
    expect(error.code).toBe("invalid_encoding");
    expect(error.message).toBe(
      "parseModelJsonBytes: the text is not UTF-8 at line 2, column 12 (byte 45) (regions[0].id): the byte 0xFF never appears in UTF-8. Save the file as UTF-8 and try again.",
    );
    expect(error.issues[0]).toMatchObject({ code: "invalid_encoding", path: ["regions", 0, "id"], pointer: "/regions/0/id", offset: 45, line: 2, column: 12 } satisfies Partial<EncodingIssue>);
  });

  it("names what is wrong: a continuation byte alone, an overlong form, a surrogate, a character cut short", () => {
    const reason = (...raw: number[]) => thrown(() => parseJsonBytes(bytesOf('["', raw, '"]'))).issues[0]!.message;
    expect(reason(0x80)).toBe("line 1, column 3 (byte 2): the byte 0x80 continues a character that has not started");
    expect(reason(0xc0, 0xaf)).toBe("line 1, column 3 (byte 2): the byte 0xC0 never appears in UTF-8");
    expect(reason(0xe0, 0x80, 0xaf)).toBe("line 1, column 3 (byte 2): the bytes 0xE0 0x80 are not a UTF-8 character");
    expect(reason(0xed, 0xa0, 0x80)).toBe("line 1, column 3 (byte 2): the bytes 0xED 0xA0 are not a UTF-8 character");
    expect(reason(0xf4, 0x90, 0x80, 0x80)).toBe("line 1, column 3 (byte 2): the bytes 0xF4 0x90 are not a UTF-8 character");
    expect(reason(0xe4, 0xb8)).toBe("line 1, column 3 (byte 2): the bytes 0xE4 0xB8 0x22 are not a UTF-8 character");
  });

  it("names the record and field that holds the bad byte, in any batch, or the object when it is in a key", () => {
    const at = (text: string, options?: { batchBytes: number }) => {
      const [before, after] = text.split("~");
      return thrown(() => parseModelJsonBytes(bytesOf(before!, [0xff], after!), options)).issues[0]!.path;
    };
    const regions = (n: number) => Array.from({ length: n }, (_, i) => `{"id": "r${i}", "name": "R"}`).join(", ");
    expect(at(`{"schemaVersion": 1, "regions": [${regions(3)}, {"id": "x", "name": "a~b"}]}`)).toEqual(["regions", 3, "name"]);
    expect(at(`{"schemaVersion": 1, "regions": [${regions(40)}, {"id": "x", "name": "a~b"}]}`, { batchBytes: 50 })).toEqual(["regions", 40, "name"]);
    expect(at(`{"schemaVersion": 1, "regions": [{"id": "x", "location": {"lat": 1, "lon": 2}, "n~": 1}]}`)).toEqual(["regions", 0]);
    expect(at(`{"schemaVersion": 1, "meta": {"title": "a~"}}`)).toEqual(["meta", "title"]);
  });

  it("is found at the same place when the file comes in chunks cut anywhere", () => {
    const bytes = bytesOf('{"a": [1, 2,\n "x', [0xff], '"]}');
    for (let cut = 1; cut < bytes.length; cut++) {
      const error = thrown(() => parseJsonBytes([bytes.subarray(0, cut), bytes.subarray(cut)]));
      expect(error.issues[0], `cut at ${cut}`).toMatchObject({ code: "invalid_encoding", offset: 16, line: 2, column: 4 });
    }
  });

  it("names a UTF-16 or UTF-32 file as such, with or without a byte order mark", () => {
    const named = (...raw: number[]) => thrown(() => parseJsonBytes(new Uint8Array(raw))).issues[0]!.message;
    expect(named(0xff, 0xfe, 0x7b, 0, 0x7d, 0)).toBe("the file is UTF-16 (little-endian byte order mark FF FE)");
    expect(named(0xfe, 0xff, 0, 0x7b, 0, 0x7d)).toBe("the file is UTF-16 (big-endian byte order mark FE FF)");
    expect(named(0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0)).toBe("the file is UTF-32 (little-endian byte order mark FF FE 00 00)");
    expect(named(0x7b, 0, 0x7d, 0)).toBe("the file is UTF-16 or UTF-32 without a byte order mark (it has NUL bytes beside its characters)");
    expect(thrown(() => parseJsonBytes(new Uint8Array([0xfe, 0xff, 0, 0x7b, 0, 0x7d]))).message).toMatch(/Convert it to UTF-8 \(for example iconv -f UTF-16 -t UTF-8/);
  });

  it("keeps a UTF-8 byte order mark and every valid character", () => {
    expect(parseJsonBytes(bytesOf([0xef, 0xbb, 0xbf], '["é 中 😀 \u{10ffff}"]'))).toEqual(["é 中 😀 \u{10ffff}"]);
  });
});

describe("repeated keys", () => {
  const regions = '[{"id": "a", "name": "A"}]';

  it("of the model itself are always an error: a second collection never silently replaces the first", () => {
    const text = `{"schemaVersion": 1, "regions": ${regions},\n "regions": []}`;
    const error = thrown(() => parseModelJsonBytes(encode(text)));
    expect(error.code).toBe("invalid_model");
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: "duplicate_key",
        pointer: "/regions",
        line: 2,
        column: 2,
        message: 'line 2, column 2: the key "regions" appears twice in one object (first at line 1, column 22); JSON keeps only the last value. Remove or rename one.',
      }),
    ]);
  });

  it("inside records are found with duplicateKeys: \"all\", every one at its place; the default leaves them to JSON.parse", () => {
    const text = '{"schemaVersion": 1, "meta": {"name": "a", "name": "b"},\n "regions": [{"id": "a", "name": "A", "id": "b"}]}';
    const all = validateModelJsonBytes(encode(text), { duplicateKeys: "all" });
    expect(all.ok).toBe(false);
    expect(all.issues.map((i) => [i.pointer, (i as EncodingIssue).line, (i as EncodingIssue).column])).toEqual([
      ["/meta/name", 1, 44],
      ["/regions/0/id", 2, 39],
    ]);
    expect(validateModelJsonBytes(encode(text)).ok).toBe(true);
  });

  it("are found in batches and chunks of any size", () => {
    const records = Array.from({ length: 50 }, (_, i) => `{"id": "r${i}", "name": "R"${i === 37 ? ', "name": "S"' : ""}}`);
    const bytes = encode(`{"schemaVersion": 1, "regions": [${records.join(",\n")}]}`);
    for (const batchBytes of [1, 100, 1 << 20]) {
      const chunks = [bytes.subarray(0, 333), bytes.subarray(333, 1000), bytes.subarray(1000)];
      for (const input of [bytes, chunks]) {
        const { issues } = validateModelJsonBytes(input, { duplicateKeys: "all", batchBytes });
        expect(issues.map((i) => [i.code, i.pointer, (i as EncodingIssue).line])).toEqual([["duplicate_key", "/regions/37/name", 38]]);
      }
    }
  });

  it('in JSON that is no model are an invalid_json error listing each (with duplicateKeys: "all", as the CLI reads it)', () => {
    const error = thrown(() => parseJsonBytes(encode('[{"op": "a", "op": "b"}, {"x": 1, "x": 2}]'), { duplicateKeys: "all" }));
    expect(error.code).toBe("invalid_json");
    expect(error.issues.map((i) => i.pointer)).toEqual(["/0/op", "/1/x"]);
  });
});

describe("the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "govgraph-encodings-"));
  writeFileSync(join(dir, "latin1.json"), twoRegions(0xff, 0xfe));
  writeFileSync(join(dir, "utf16.json"), Buffer.from("\ufeff" + '{"schemaVersion": 1}', "utf16le"));
  writeFileSync(join(dir, "twice.json"), `{"schemaVersion": 1, "regions": [{"id": "a", "name": "A"}],\n "regions": []}`);
  writeFileSync(join(dir, "inner.json"), '{"schemaVersion": 1,\n "regions": [{"id": "a", "name": "A", "name": "B"}]}');
  writeFileSync(join(dir, "ops.json"), '[{"op": "renameDepartment", "op": "x"}]');

  it("refuses bytes that are not UTF-8 at file:line:column, exit 1, no stack trace", async () => {
    const run = await runIn(dir, ["analyze", "latin1.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      "error invalid_encoding: latin1.json:2:12: not UTF-8 text (byte 45, at /regions/0/id): the byte 0xFF never appears in UTF-8. Save the file as UTF-8 and try again.",
    );
    expect((await runIn(dir, ["validate", "latin1.json"])).code).toBe(1);
  });

  it("names a UTF-16 file", async () => {
    const run = await runIn(dir, ["validate", "utf16.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      "error invalid_encoding: utf16.json: the file is UTF-16 (little-endian byte order mark FF FE), and JSON is read as UTF-8. Convert it to UTF-8 (for example iconv -f UTF-16 -t UTF-8 in.json > out.json) and try again.",
    );
  });

  it("validate reports every repeated key, top-level or inside a record, as an error at its line and column", async () => {
    const twice = await runIn(dir, ["validate", "twice.json", "--format", "json"]);
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.stdout).issues).toEqual([expect.objectContaining({ code: "duplicate_key", pointer: "/regions", line: 2, column: 2 })]);
    const inner = await runIn(dir, ["validate", "inner.json", "--format", "json"]);
    expect(inner.code).toBe(1);
    expect(JSON.parse(inner.stdout).issues).toEqual([expect.objectContaining({ code: "duplicate_key", pointer: "/regions/0/name", line: 2, column: 39 })]);
    expect((await runIn(dir, ["analyze", "inner.json"])).stderr).toMatch(/^error invalid_model: inner\.json: the model has 1 error/);
  });

  it("refuses a scenario whose operations repeat a key", async () => {
    const run = await runIn(dir, ["scenario", "ops.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toMatch(/^error invalid_json: ops\.json:1:29: the key "op" appears twice in one object in \[0\] \(first at line 1, column 3\)/);
  });
});
