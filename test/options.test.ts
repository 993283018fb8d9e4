import { describe, expect, it } from "vitest";
import { GovGraphError } from "../src/index.js";
import { inRange, oneOf, resolveOptions } from "../src/options.js";

const DEFAULTS = { threshold: 0.5, scope: "both", roles: ["lead"], seed: 1, verbose: false, weight: undefined as (() => number) | undefined };
const rules = { threshold: inRange(0, 1, { min: true }), scope: oneOf(["horizontal", "vertical", "both"]) };

const thrown = (fn: () => unknown): GovGraphError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof GovGraphError) return error;
    throw error;
  }
  throw new Error("expected a GovGraphError");
};

describe("resolveOptions", () => {
  it("keeps the default for a missing options object and for options given as undefined", () => {
    expect(resolveOptions(DEFAULTS, undefined, "f", rules)).toEqual(DEFAULTS);
    expect(resolveOptions(DEFAULTS, { threshold: undefined, seed: undefined }, "f", rules)).toEqual(DEFAULTS);
    expect(resolveOptions(DEFAULTS, { threshold: 0.8, scope: "vertical" }, "f", rules)).toEqual({ ...DEFAULTS, threshold: 0.8, scope: "vertical" });
  });

  it("does not share the defaults object with the caller", () => {
    const resolved = resolveOptions(DEFAULTS, {}, "f");
    expect(resolved).not.toBe(DEFAULTS);
  });

  it("names the function and every bad option at once", () => {
    const error = thrown(() => resolveOptions(DEFAULTS, { threshold: 2, scope: "sideways", seed: "1", tresh: 1 }, "findThings", rules));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("findThings: option threshold must be a number in (0, 1], got 2 (and 3 more, listed in issues). Fix the options and try again.");
    expect(error.issues.map((i) => i.pointer)).toEqual(["/options/threshold", "/options/scope", "/options/seed", "/options/tresh"]);
    expect(error.issues[3]!.message).toBe('findThings: unknown option "tresh". Options: threshold, scope, roles, seed, verbose, weight.');
  });

  it("refuses options that are not an object", () => {
    for (const bad of [null, 3, "x", []]) expect(thrown(() => resolveOptions(DEFAULTS, bad, "f")).message).toMatch(/^f: options must be an object/);
  });

  it("refuses an options object whose getters throw", () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error("boom"); } });
    expect(thrown(() => resolveOptions(DEFAULTS, hostile, "f")).message).toMatch(/^f: the options could not be read \(boom\)/);
  });

  it("checks an option without a rule against the type of its default", () => {
    expect(thrown(() => resolveOptions(DEFAULTS, { verbose: 1 }, "f")).message).toMatch(/option verbose must be true or false, got 1/);
    expect(thrown(() => resolveOptions(DEFAULTS, { roles: "lead" }, "f")).message).toMatch(/option roles must be an array/);
    expect(thrown(() => resolveOptions(DEFAULTS, { seed: Number.NaN }, "f")).message).toMatch(/option seed must be a finite number/);
  });
});
