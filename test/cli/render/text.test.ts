/* eslint-disable no-control-regex -- these tests look for control characters */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, displayWidth, escapeControl, wrap, wrapHanging } from "../../../src/cli/render/text.js";

describe("escapeControl", () => {
  it("writes control characters as \\u escapes, so a model cannot drive the terminal", () => {
    expect(escapeControl("a\u001b[2Jb\u0000c\nd\re\u0007")).toBe("a\\u001b[2Jb\\u0000c\\u000ad\\u000de\\u0007");
    expect(escapeControl("x\u009by\u202ez\u2028")).toBe("x\\u009by\\u202ez\\u2028");
    expect(escapeControl("Qingshui 清水县 café")).toBe("Qingshui 清水县 café");
  });

  it("leaves nothing a terminal would act on", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(escapeControl(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});

describe("displayWidth", () => {
  it("counts CJK characters as two columns and combining marks as none", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("清水县")).toBe(6);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("営業 ok")).toBe(7);
  });
});

describe("wrap and clip", () => {
  it("breaks at spaces, inside a word only when it must, and marks what it cuts", () => {
    expect(wrap("Apply for a rural homestead approval", 12)).toEqual(["Apply for a", "rural", "homestead", "approval"]);
    expect(wrap("entertainment-venue-licensing", 10)).toEqual(["entertainm", "ent-venue-", "licensing"]);
    expect(wrap("one two three four five", 9, 2)).toEqual(["one two", "three…"]);
    expect(wrap("清水县人民政府", 6)).toEqual(["清水县", "人民政", "府"]);
    expect(clip("Public Security Bureau", 10)).toBe("Public Se…");
    expect(clip("short", 10)).toBe("short");
    expect(wrapHanging("alpha beta gamma delta", 11, 6)).toEqual(["alpha beta", "gamma", "delta"]);
  });

  it("never makes a line wider than asked, and loses no word when not capped", () => {
    const words = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 30 }).filter((w) => !/[\s\u0000-\u001f]/.test(w)), fc.constantFrom("清水县", "a")), { minLength: 1 });
    fc.assert(
      fc.property(words, fc.integer({ min: 2, max: 60 }), (ws, width) => {
        const text = ws.join(" ");
        const lines = wrap(text, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
        expect(displayWidth(clip(text, width))).toBeLessThanOrEqual(width);
      }),
    );
  });
});
