import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slices } from "../../src/cli/output.js";

describe("slices", () => {
  it("cuts text into pieces that encode, one by one, to the bytes of the whole", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (text, size) => {
        const pieces = [...slices(text, size)];
        expect(pieces.join("")).toBe(text);
        expect(Buffer.concat(pieces.map((p) => Buffer.from(p, "utf8"))).equals(Buffer.from(text, "utf8"))).toBe(true);
        expect(pieces.every((p) => p.length > 0 && p.length <= Math.max(size, 2))).toBe(true);
      }),
    );
  });

  it("keeps a surrogate pair whole at a cut", () => {
    expect([...slices("ab😀cd", 3)]).toEqual(["ab", "😀c", "d"]);
    expect([...slices("😀😀", 1)]).toEqual(["😀", "😀"]);
    expect([...slices("", 4)]).toEqual([]);
  });
});
