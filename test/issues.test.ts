import { describe, expect, it } from "vitest";
import { formatIssues, toPointer } from "../src/index.js";
import { dotPath, firstAndMore, issue, quote } from "../src/issues.js";

describe("issues", () => {
  it("builds an issue whose pointer is its path as a JSON Pointer", () => {
    expect(issue("cycle", ["needs", 0, "journey/steps", "a~b"], "Steps wait for each other.")).toEqual({
      code: "cycle",
      path: ["needs", 0, "journey/steps", "a~b"],
      pointer: "/needs/0/journey~1steps/a~0b",
      message: "Steps wait for each other.",
      severity: "error",
    });
    expect(toPointer([])).toBe("");
  });

  it("writes paths as a reader would type them", () => {
    expect(dotPath(["services", 3, "channels", 0, "kind"])).toBe("services[3].channels[0].kind");
    expect(dotPath(["attributes", "two words", "__proto__"])).toBe('attributes["two words"].__proto__');
  });

  it("quotes user text, cutting what is too long to read", () => {
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote("x".repeat(100))).toBe(`"${"x".repeat(77)}..."`);
  });

  it("quotes the first of several problems and counts the rest", () => {
    const two = [issue("a", [0], "First problem."), issue("b", [1], "Second problem.")];
    expect(firstAndMore(two)).toBe("First problem (and 1 more problem(s))");
    expect(firstAndMore(two.slice(0, 1))).toBe("First problem");
  });

  it("prints errors and warnings with where they are", () => {
    const printed = formatIssues([issue("x", [], "At the root."), issue("y", ["regions", 0, "name"], "Empty name.", "warning")]);
    expect(printed).toBe("✖ At the root.\n⚠ Empty name.\n  → at regions[0].name");
  });
});
