/**
 * Hostile arguments for the library's exported functions: what a careless or adversarial caller might pass.
 * Shared by test/hostile/library-exports.test.ts.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { COLLECTIONS, GovGraphError, parseModel, type Model } from "../../src/index.js";

/** The tiny county of the CLI tests: small enough that every analysis on it takes milliseconds. */
export const tinyJson = readFileSync(new URL("../cli/fixtures/tiny-county.json", import.meta.url), "utf8");
/** The tiny county, validated (frozen). */
export const tiny: Model = parseModel(JSON.parse(tinyJson));
/** A fresh plain (unvalidated, unfrozen) copy of the tiny county. */
export const plainTiny = (): Record<string, unknown> => JSON.parse(tinyJson) as Record<string, unknown>;

/** A Proxy whose every trap throws: reading, listing or testing a key fails. */
export function throwingProxy(target: object = {}): object {
  const boom = () => {
    throw new Error("hostile trap");
  };
  return new Proxy(target, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
}

/** A Proxy that was revoked: even `Array.isArray` on it throws. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** An object that contains itself, in a field and in a list. */
export function cyclic(): object {
  const o: Record<string, unknown> = { id: "loop", name: "Loop", schemaVersion: 1 };
  o.self = o;
  o.regions = [o];
  return o;
}

/** The tiny county with one top-level field (a collection, or schemaVersion) removed. */
const withoutTopField = fc.constantFrom("schemaVersion", ...COLLECTIONS).map((field) => {
  const m = plainTiny();
  delete m[field];
  return m;
});

/** The tiny county with one field of one record removed (an id, a name, a reference...). */
const withoutRecordField = fc
  .constantFrom(...COLLECTIONS.filter((c) => ((plainTiny()[c] as unknown[] | undefined) ?? []).length > 0))
  .chain((c) => {
    const record = (plainTiny()[c] as Record<string, unknown>[])[0]!;
    return fc.constantFrom(...Object.keys(record)).map((field) => {
      const m = plainTiny();
      delete (m[c] as Record<string, unknown>[])[0]![field];
      return m;
    });
  });

/**
 * A hostile value, made when the call is made: fast-check never holds the value itself (it would read a Proxy's
 * keys while printing or cloning it), and a Proxy or a cycle is fresh for each run.
 */
export class Hostile {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}

  [fc.toStringMethod](): string {
    return this.label;
  }
}

const made = (label: string, make: () => unknown) => new Hostile(label, make);
const plain = (value: unknown) => made(fc.stringify(value), () => value);

const special = fc.constantFrom(
  made("a Proxy whose traps throw", () => throwingProxy()),
  made("an array Proxy whose traps throw", () => throwingProxy([])),
  made("a revoked Proxy", () => revokedProxy()),
  made("a cyclic object", () => cyclic()),
  made("an array holding a cyclic object", () => [cyclic()]),
  made("an object with a Symbol key", () => ({ [Symbol("key")]: 1 })),
  made("an object without prototype", () => Object.create(null) as object),
  made("a Symbol", () => Symbol("value")),
  made("a BigInt", () => 10n),
  made("bytes", () => new Uint8Array([0xff, 0xfe])),
  made("a Map", () => new Map([["a", 1]])),
  made("an invalid Date", () => new Date(Number.NaN)),
  made("a function", () => () => "a function"),
  made("the tiny county, validated", () => tiny),
  made("the tiny county, plain", () => plainTiny()),
  made("the tiny county, frozen but not validated", () => Object.freeze(plainTiny())),
  made("a validated model with an empty service", () => ({ ...tiny, services: [{}] })),
  made("a model with an empty service", () => ({ schemaVersion: 1, services: [{}] })),
);

/** Any hostile argument: primitives and their edge values, random JSON-ish data, Proxies, cycles, broken models. */
export const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom(null, undefined, {}, [], 0, -1, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e9, 2 ** 53, "", " ", "x", "__proto__", true, false).map(plain),
  special,
  fc.integer().map(plain),
  fc.double().map(plain),
  fc.string({ maxLength: 12 }).map(plain),
  fc.bigInt().map(plain),
  fc
    .anything({ maxDepth: 2, maxKeys: 4, withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true })
    .map(plain),
  withoutTopField.map((m) => made(`the tiny county without ${Object.keys(plainTiny()).find((k) => !(k in m))}`, () => m)),
  withoutRecordField.map((m) => made("the tiny county with a record missing a field", () => m)),
);

/** What a call did: returned, or threw (the error). */
export type Outcome = { returned: unknown } | { threw: unknown };

/** Calls `fn` (with `new` for a class), consuming an iterable result so that lazy generators run. */
export function call(fn: (...args: unknown[]) => unknown, args: readonly unknown[], options: { construct?: boolean; iterate?: boolean } = {}): Outcome {
  try {
    const result = options.construct ? new (fn as unknown as new (...a: unknown[]) => unknown)(...args) : fn(...args);
    if (options.iterate) for (const chunk of result as Iterable<unknown>) void chunk;
    return { returned: result };
  } catch (error) {
    return { threw: error };
  }
}

/** {@link call}, then waits for a promise it returns: a rejection is an outcome like a throw. */
export async function settle(fn: (...args: unknown[]) => unknown, args: readonly unknown[], options: { construct?: boolean; iterate?: boolean } = {}): Promise<Outcome> {
  const outcome = call(fn, args, options);
  if (!("returned" in outcome) || !(outcome.returned instanceof Promise)) return outcome;
  try {
    return { returned: await outcome.returned };
  } catch (error) {
    return { threw: error };
  }
}

/** Why an outcome breaks the contract (a raw error, or a GovGraphError that does not name the function), or undefined. */
export function breach(name: string, outcome: Outcome): string | undefined {
  if ("returned" in outcome) return undefined;
  const error = outcome.threw;
  if (!(error instanceof GovGraphError)) return `${name} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  if (!error.message.startsWith(`${name}: `)) return `${name} threw a GovGraphError that does not start with its name: ${error.message}`;
  if (!/^[a-z_]+$/.test(error.code) || !Array.isArray(error.issues)) return `${name} threw a GovGraphError without a code or issues: ${error.message}`;
  return undefined;
}
