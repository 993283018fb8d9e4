import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryModel } from "../../arbitraries.js";
import {
  COLLECTIONS,
  generateModel,
  GovGraphError,
  parseModelJson,
  parseJsonBytes,
  parseModelJsonBytes,
  writeModelStream,
  type JsonIssue,
  type Model,
  validateModel,
  validateModelJsonBytes,
} from "../../../src/index.js";
import { REFERENCE_FIELDS } from "../../../src/model/records.js";
import { countColons, escapedColons, findBytes, findBytesIn } from "../../../src/formats/json/byte-scan.js";

const encode = (text: string) => new TextEncoder().encode(text);

/** The text as written by writeModelStream, joined. */
function streamed(model: Model, indent: number): string {
  let text = "";
  writeModelStream(model, (chunk) => void (text += chunk), { indent, chunkSize: 64 });
  return text;
}

/** What an invalid_json error says: the line, the column and the reason (without the function's name). */
function jsonError(run: () => unknown): { line: number; column: number; reason: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GovGraphError);
    expect((error as GovGraphError).code).toBe("invalid_json");
    const issue = (error as GovGraphError).issues[0] as JsonIssue;
    return { line: issue.line, column: issue.column, reason: issue.message.replace(/^line \d+, column \d+: /, "") };
  }
  throw new Error("expected invalid_json");
}

/** A model whose strings hold everything the byte scanner must not take for structure. */
const tricky = {
  schemaVersion: 1,
  meta: { name: 'Tricky {county} [1] "quoted" \\ back\\slash \\" é 中文 😀', description: "]}],{[\u2028\t\n" },
  regions: [
    { id: "__proto__", name: "Région \"\\\" }", attributes: { ["__proto__"]: "kept", "}": "]", '"': "{", "\\": 1.5e-7, "😀": null } },
    { id: "county{", name: "County ]", parentId: "__proto__" },
  ],
  departments: [{ id: "gov\\", name: "Gov \"[\"", regionId: "county{", attributes: { "": true, ",": "," } }],
  services: [{ id: "reg]", name: "Register 登记", departmentId: "gov\\", channels: [{ kind: "in_person", visits: 1, attributes: { ["__proto__"]: 2 } }] }],
};

describe("parseModelJsonBytes", () => {
  it("reads back what writeModelStream wrote, at every batch size and indentation", () => {
    const { model } = generateModel({ size: "county", seed: 3 });
    for (const indent of [2, 0]) {
      const text = streamed(model, indent);
      const bytes = encode(text);
      const expected = JSON.parse(text) as unknown;
      for (const batchBytes of [1, 7, 1000, 100_000, undefined]) {
        expect(parseJsonBytes(bytes, { batchBytes })).toEqual(expected);
      }
      expect(parseModelJsonBytes(bytes, { batchBytes: 5 })).toEqual(parseModelJson(text));
      expect(parseModelJsonBytes(bytes)).toEqual(model);
    }
  });

  it("keeps strings with braces, brackets, quotes, escapes and multibyte characters, and __proto__ keys", () => {
    const text = JSON.stringify(tricky, null, 2);
    expect(text).toContain('"__proto__": "kept"');
    const bytes = encode(text);
    for (const batchBytes of [1, 2, 3, 50]) expect(parseJsonBytes(bytes, { batchBytes })).toEqual(JSON.parse(text));
    const model = parseModelJsonBytes(bytes, { batchBytes: 1 });
    expect(model).toEqual(parseModelJson(text));
    expect(Object.hasOwn(model.regions.find((r) => r.id === "__proto__")!.attributes!, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(model.regions[0]!.attributes)).toBe(Object.prototype);
    expect(Object.isFrozen(model.services[0]!.channels[0])).toBe(true);
  });

  it("gives the value JSON.parse gives for any JSON text", () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom("", "\uFEFF", " \n"), (json, batchBytes, lead) => {
        const text = lead + json;
        expect(parseJsonBytes(encode(text), { batchBytes })).toEqual(JSON.parse(lead === "\uFEFF" ? json : text));
      }),
      { numRuns: 300 },
    );
  });

  it("reads with duplicateKeys: \"all\" to the value JSON.parse gives, strings of quotes and backslashes cut across chunks anywhere", () => {
    const tricky = fc.string({ unit: fc.constantFrom("\\", '"', "a", "é", "{", "]", ",", ":"), maxLength: 12 });
    const value = fc.array(fc.dictionary(tricky, fc.oneof(tricky, fc.array(tricky, { maxLength: 3 })), { maxKeys: 3 }), { maxLength: 6 });
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 40 }), fc.array(fc.nat(), { maxLength: 4 }), (list, batchBytes, cuts) => {
        const bytes = encode(JSON.stringify({ list }, null, cuts.length % 2 === 0 ? 2 : 0));
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, k) => bytes.subarray(from, k < at.length ? at[k] : bytes.length));
        for (const input of [bytes, chunks]) expect(parseJsonBytes(input, { batchBytes, duplicateKeys: "all" })).toEqual({ list });
      }),
      { numRuns: 300 },
    );
  });

  it('finds every repeated key at any depth of indented arrays (duplicateKeys: "all"), colons and escaped colons in strings or not', () => {
    // Objects as lists of [key, value] pairs, so keys can repeat; written indented as a file is, so batches are
    // guessed and checked by their colons, and escaped colons (`\u003a`) or text that only looks like one inside.
    type Value = string | number | Value[] | { pairs: [string, Value][] };
    const text = fc.constantFrom("a", "b", ":", "a:b", "\\u003a", "é:");
    const value: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        text,
        fc.integer(),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.record({ pairs: fc.array(fc.tuple(text, tie("value")), { maxLength: 4 }) }),
      ),
    })).value;
    const write = (v: Value, indent: string, escape: boolean): string => {
      const inner = indent + "  ";
      const str = (t: string) => (escape ? JSON.stringify(t).replace(/:/g, "\\u003a") : JSON.stringify(t));
      if (typeof v === "string") return str(v);
      if (typeof v === "number") return String(v);
      if (Array.isArray(v)) return v.length === 0 ? "[]" : `[\n${v.map((x) => inner + write(x, inner, escape)).join(",\n")}\n${indent}]`;
      if (v.pairs.length === 0) return "{}";
      return `{\n${v.pairs.map(([k, x]) => `${inner}${str(k)}: ${write(x, inner, escape)}`).join(",\n")}\n${indent}}`;
    };
    const repeats = (v: Value, pointer: string, out: string[]): string[] => {
      if (Array.isArray(v)) v.forEach((x, i) => repeats(x, `${pointer}/${i}`, out));
      else if (typeof v === "object") {
        const seen = new Set<string>();
        // Every repeat in the text counts, also inside a value that a repeated key then replaces.
        for (const [k, x] of v.pairs) {
          if (seen.has(k)) out.push(`${pointer}/${k}`);
          seen.add(k);
          repeats(x, `${pointer}/${k}`, out);
        }
      }
      return out;
    };
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 200 }), fc.boolean(), (list, batchBytes, escape) => {
        const doc = `{\n  "list": ${write(list, "  ", escape)}\n}`;
        const expected = repeats(list, "/list", []).sort();
        let found: string[] = [];
        try {
          const parsed = parseJsonBytes(encode(doc), { batchBytes, duplicateKeys: "all" });
          expect(parsed).toEqual(JSON.parse(doc));
        } catch (error) {
          expect(error).toBeInstanceOf(GovGraphError);
          found = (error as GovGraphError).issues.map((i) => i.pointer);
        }
        expect(found.sort()).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same model as parseModelJson for any model", () => {
    fc.assert(
      fc.property(arbitraryModel(), fc.integer({ min: 1, max: 300 }), (input, batchBytes) => {
        const text = JSON.stringify(input);
        expect(parseModelJsonBytes(encode(text), { batchBytes })).toEqual(parseModelJson(text));
      }),
      { numRuns: 50 },
    );
  });

  it("reports malformed JSON at the line and column parseModelJson gives, wherever it breaks", () => {
    const base = JSON.stringify(tricky, null, 2) + "\n";
    const texts = [base, JSON.stringify(tricky), streamed(generateModel({ size: "county", seed: 3 }).model, 2).slice(0, 40_000)];
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.nat(),
        fc.constantFrom("delete", "insert", "truncate"),
        fc.constantFrom(",", "}", "]", "{", "[", '"', "\\", ":", "x", "\n", "é", "😀", " "),
        fc.integer({ min: 1, max: 64 }),
        (text, at, edit, ch, batchBytes) => {
          const i = at % text.length;
          const edited = edit === "delete" ? text.slice(0, i) + text.slice(i + 1) : edit === "insert" ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i);
          const broken = new TextDecoder().decode(encode(edited)); // as a file holds it: half a surrogate pair becomes U+FFFD
          let valid = true;
          try {
            JSON.parse(broken);
          } catch {
            valid = false;
          }
          if (valid) {
            expect(parseJsonBytes(encode(broken), { batchBytes })).toEqual(JSON.parse(broken));
            return;
          }
          expect(jsonError(() => parseJsonBytes(encode(broken), { batchBytes }))).toEqual(jsonError(() => parseModelJson(broken)));
        },
      ),
      { numRuns: 600 },
    );
  });

  it("counts columns in UTF-16 code units after multibyte characters, and lines across batches", () => {
    const text = '{"schemaVersion": 1, "meta": {"name": "中文😀"}, "regions": [{"id": "é", "name": "😀"}\n, {"id": "b", "name": "x",}]}';
    expect(jsonError(() => parseModelJsonBytes(encode(text), { batchBytes: 1 }))).toMatchInlineSnapshot(`
      {
        "column": 27,
        "line": 2,
        "reason": "a trailing comma before "}"",
      }
    `);
    expect(jsonError(() => parseModelJsonBytes(encode(text), { batchBytes: 1 }))).toEqual(jsonError(() => parseModelJson(text)));
    const oneLine = '{"meta": {"name": "中文😀"}, "x": [1, 2] "y": 3}';
    expect(jsonError(() => parseModelJsonBytes(encode(oneLine)))).toEqual({ line: 1, column: oneLine.indexOf('"y"') + 1, reason: 'expected "," or "}" but found "\\""' });
  });

  it("says an empty file is empty, and names the function", () => {
    expect(jsonError(() => parseModelJsonBytes(new Uint8Array(0)))).toEqual({ line: 1, column: 1, reason: "the text is empty" });
    expect(jsonError(() => parseModelJsonBytes(encode(" \n ")))).toEqual(jsonError(() => parseModelJson(" \n ")));
    expect(() => parseModelJsonBytes(encode("{"))).toThrow(/^parseModelJsonBytes: the text is not valid JSON at line 1, column 2: /);
    expect(() => parseModelJsonBytes("{}" as unknown as Uint8Array)).toThrow(/expected the file's bytes as a Uint8Array \(or an iterable of chunks\), got string/);
  });

  it("takes batchBytes of at least 1, undefined meaning the default, and names a bad one", () => {
    expect(parseJsonBytes(encode("[1, 2]"), { batchBytes: undefined })).toEqual([1, 2]);
    expect(() => parseJsonBytes(encode("[1]"), { batchBytes: 0 })).toThrow(/^parseJsonBytes: option batchBytes must be a number in \[1, Infinity\], got 0/);
    expect(() => parseModelJsonBytes(encode("{}"), { batch: 1 } as never)).toThrow(/^parseModelJsonBytes: unknown option "batch"/);
    expect(() => parseJsonBytes("[]" as unknown as Uint8Array)).toThrow(/^parseJsonBytes: expected the file's bytes as a Uint8Array \(or an iterable of chunks\), got string.*use parseJson for text/);
  });

  it("reads a top-level array or a bare value, which validation then refuses", () => {
    expect(parseJsonBytes(encode('[{"a": [1, {"b": "]"}]}, 2, "x"]'), { batchBytes: 1 })).toEqual([{ a: [1, { b: "]" }] }, 2, "x"]);
    expect(parseJsonBytes(encode(' "a string" '))).toBe("a string");
    expect(() => parseModelJsonBytes(encode("[]"))).toThrow(/^parseModelJsonBytes: the model has 1 error .*not an array/);
  });

  it("reports an invalid model like parseModelJson", () => {
    const text = JSON.stringify({ schemaVersion: 1, regions: [{ id: "a" }] });
    const issues = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as GovGraphError).issues;
      }
      return [];
    };
    expect(issues(() => parseModelJsonBytes(encode(text), { batchBytes: 1 }))).toEqual(issues(() => parseModelJson(text)));
    expect(issues(() => parseModelJson(text)).length).toBeGreaterThan(0);
  });

  it("gives the issues validateModel gives when a reference field holds anything at all", () => {
    // Reading checks references before a record's schema (to hold each id once), so it meets every shape there first.
    const mutation = fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("field", "element", "inner"));
    fc.assert(
      fc.property(arbitraryModel(), mutation, (input, [field, pick, at, value, where]) => {
        const model = input as unknown as Record<string, Record<string, unknown>[] | undefined>;
        const reference = REFERENCE_FIELDS[field % REFERENCE_FIELDS.length]!;
        const records = model[reference.from] ?? [];
        if (records.length === 0) return;
        const record = records[pick % records.length]!;
        const list = record[reference.path[0]!];
        if (where === "field" || !Array.isArray(list) || list.length === 0) record[reference.path[0]!] = value;
        else if (where === "element" || typeof list[at % list.length] !== "object") list[at % list.length] = value;
        else (list[at % list.length] as Record<string, unknown>)[reference.path[2] ?? "x"] = value;
        const text = JSON.stringify(model);
        const expected = validateModel(JSON.parse(text)).issues;
        const issues = (run: () => unknown) => {
          try {
            run();
            return [];
          } catch (error) {
            return (error as GovGraphError).issues;
          }
        };
        expect(issues(() => parseModelJson(text))).toEqual(expected.filter((i) => i.severity === "error").length ? expected : []);
        expect(issues(() => parseModelJsonBytes(encode(text), { batchBytes: 64 }))).toEqual(issues(() => parseModelJson(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("orders pairs whose first ids agree by their second, and refuses a pair given twice", () => {
    const model = (pairs: [string, string][]) => ({
      schemaVersion: 1,
      regions: [{ id: "r", name: "R" }],
      departments: [{ id: "d1", name: "D1", regionId: "r" }, { id: "d2", name: "D2", regionId: "r" }],
      functions: [{ id: "f1", name: "F1" }, { id: "f2", name: "F2" }],
      assignments: pairs.map(([departmentId, functionId]) => ({ departmentId, functionId })),
    });
    const read = (pairs: [string, string][]) => parseModelJsonBytes(encode(JSON.stringify(model(pairs)))).assignments.map((a) => `${a.departmentId} ${a.functionId}`);
    expect(read([["d1", "f1"], ["d1", "f2"], ["d2", "f1"]])).toEqual(["d1 f1", "d1 f2", "d2 f1"]);
    expect(read([["d1", "f2"], ["d1", "f1"], ["d2", "f1"]])).toEqual(["d1 f1", "d1 f2", "d2 f1"]);
    expect(read([["d2", "f1"], ["d1", "f2"], ["d1", "f1"]])).toEqual(["d1 f1", "d1 f2", "d2 f1"]);
    const twice = validateModelJsonBytes(encode(JSON.stringify(model([["d1", "f1"], ["d1", "f2"], ["d1", "f2"]]))));
    expect(twice.ok).toBe(false);
    expect(twice.issues.map((i) => [i.code, i.pointer])).toEqual([["duplicate_id", "/assignments/2"]]);
    const apart = validateModelJsonBytes(encode(JSON.stringify(model([["d1", "f2"], ["d2", "f1"], ["d1", "f2"]]))));
    expect(apart.issues.map((i) => [i.code, i.pointer])).toEqual([["duplicate_id", "/assignments/2"]]);
  });

  it("resolves ids in order, in repeated sequences and out of order alike, and finds an unknown one among them", () => {
    const regions = ["r1", "r2", "r3", "r4", "r5"].map((id) => ({ id, name: id.toUpperCase() }));
    const text = (ids: string[]) =>
      JSON.stringify({ schemaVersion: 1, regions, segments: [{ id: "s", name: "S" }], needs: [{ id: "n", name: "N", kind: "need", demand: ids.map((regionId) => ({ regionId, segmentId: "s", volume: 1 })) }] });
    const order = ["r1", "r2", "r3", "r1", "r2", "r3", "r5", "r4", "r1", "r3", "r1", "r3", "r3"];
    expect(parseModelJsonBytes(encode(text(order))).needs[0]!.demand!.map((d) => d.regionId)).toEqual(order);
    for (const bad of ["r6", "r2 ", "r"]) {
      const { ok, issues } = validateModelJsonBytes(encode(text([...order.slice(0, 5), bad, ...order.slice(5)])));
      expect(ok).toBe(false);
      expect(issues.map((i) => [i.code, i.pointer])).toEqual([["unknown_reference", "/needs/0/demand/5/regionId"]]);
    }
  });

  it("holds each referenced id once without changing the model read, in document order or not", () => {
    const { model } = generateModel({ size: "county", seed: 3 });
    const text = JSON.stringify(model);
    const reversed = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text) as object).reverse()));
    for (const read of [parseModelJson(text), parseModelJsonBytes(encode(text), { batchBytes: 100 }), parseModelJson(reversed)]) {
      expect(read).toEqual(model);
      expect(COLLECTIONS.every((c) => Object.isFrozen(read[c]))).toBe(true);
    }
  });
});


describe("colon counts of the repeated-key check", () => {
  it("counts the colons of any range of any bytes, the view starting anywhere in its buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), fc.nat(), fc.nat(), (raw, shift, a, b) => {
        const buffer = new Uint8Array(raw.length + shift);
        buffer.set(raw.map((x) => (x % 3 === 0 ? 0x3a : x)), shift);
        const bytes = buffer.subarray(shift);
        const from = raw.length === 0 ? 0 : a % raw.length;
        const to = from + (raw.length === 0 ? 0 : b % (raw.length - from + 1));
        let expected = 0;
        for (let i = from; i < to; i++) if (bytes[i] === 0x3a) expected++;
        expect(countColons(bytes, from, to)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("counts escaped colons in either case, and text after an escaped backslash that looks like one", () => {
    const bytes = encode(String.raw`"\u003a" "\u003A" "\\u003a" "\u003b" "\u003" u003a`);
    expect(escapedColons(bytes, 0, bytes.length)).toBe(3);
    expect(escapedColons(bytes, 1, 8)).toBe(1);
    expect(escapedColons(bytes, 1, 6)).toBe(0);
  });
});

describe("finding bytes", () => {
  it("finds the first start of a needle within a range, natively in Node and without it, as a plain search does", () => {
    const byte = fc.constantFrom(0x20, 0x0a, 0x2c, 0x5d, 0x61);
    // Bytes past `length` are stale window contents: a match must never reach into them.
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), fc.array(byte, { minLength: 1, maxLength: 5 }), fc.nat(7), fc.nat(), fc.nat(), fc.nat(), (raw, pin, shift, a, b, c) => {
        const buffer = new Uint8Array(raw.length + shift + 3);
        buffer.set(raw, shift);
        const bytes = buffer.subarray(shift);
        const needle = Uint8Array.from(pin);
        const length = raw.length === 0 ? 0 : c % (raw.length + 1);
        const from = a % (length + 2);
        const to = from + (b % (length + 2));
        let expected = -1;
        for (let i = from; i < to && expected < 0; i++) if (i + needle.length <= Math.min(length, to + needle.length - 1) && needle.every((x, k) => bytes[i + k] === x)) expected = i;
        expect(findBytes(bytes, length, needle, from, to)).toBe(expected);
        const end = Math.min(length, to + needle.length - 1);
        expect(findBytesIn(bytes.subarray(0, end), end, bytes, needle, from)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
    expect(findBytes(encode("abc"), 3, new Uint8Array(0), 0, 3)).toBe(-1);
  });
});
