import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BracketedDecoder, DecodeError, nodeBuffer } from "../../../src/formats/json/utf8.js";

const encode = (text: string) => new TextEncoder().encode(text);
/** The decoder as Node runs it, and as a browser runs it (no Node buffer module: TextDecoder). */
const decoders = [
  ["Node", () => new BracketedDecoder()],
  ["TextDecoder", () => new BracketedDecoder(null)],
] as const;

describe("BracketedDecoder", () => {
  it("finds Node's buffer module in Node", () => {
    expect(nodeBuffer()).toBeDefined();
  });

  for (const [name, make] of decoders) {
    describe(name, () => {
      it("puts a slice of ASCII bytes between brackets", () => {
        const bytes = encode('xx{"id":"a"},{"id":"b"}yy');
        expect(make().decode(bytes, 2, bytes.length - 2)).toBe('[{"id":"a"},{"id":"b"}]');
      });

      it("decodes characters beyond ASCII as UTF-8", () => {
        const bytes = encode('{"name":"动物防疫 Zürich 🏛"}');
        const text = make().decode(bytes, 0, bytes.length);
        expect(text).toBe('[{"name":"动物防疫 Zürich 🏛"}]');
        expect(JSON.parse(text)).toEqual([{ name: "动物防疫 Zürich 🏛" }]);
      });

      it("reuses its buffer: a shorter slice after a longer one keeps nothing of it", () => {
        const decoder = make();
        const long = encode('"' + "x".repeat(1000) + '"');
        const short = encode('"é"');
        expect(decoder.decode(long, 0, long.length)).toBe(`["${"x".repeat(1000)}"]`);
        expect(decoder.decode(short, 0, short.length)).toBe('["é"]');
      });

      it("refuses bytes that are not UTF-8, placing the first bad byte in the bytes given", () => {
        for (const bad of [[0xff], [0xed, 0xa0, 0x80] /* a surrogate */, [0xc0, 0xaf] /* overlong */, [0xe2, 0x82] /* cut short */]) {
          const bytes = new Uint8Array([...encode('1,"ab'), ...bad, ...encode('",2')]);
          let error: unknown;
          try {
            make().decode(bytes, 2, bytes.length);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DecodeError);
          expect((error as DecodeError).problem).toMatchObject({ kind: "encoding", offset: 5 });
        }
      });

      it("gives what TextDecoder gives for any valid text (fast-check)", () => {
        const decoder = make();
        fc.assert(
          fc.property(fc.string({ unit: "binary" }), fc.nat(8), (text, cut) => {
            const bytes = encode(`${" ".repeat(cut)}${JSON.stringify(text)}`);
            expect(decoder.decode(bytes, cut, bytes.length)).toBe(`[${JSON.stringify(text)}]`);
          }),
        );
      });
    });
  }
});
