/**
 * Duplicate keys
 * ==============
 * `JSON.parse('{"regions": [...], "regions": []}')` keeps the last value without a word, so a model can lose its
 * regions and still be valid. The reader catches a repeated key cheaply, by counting. A batch of elements whose
 * end was guessed (an indented file) is checked as a whole: its colon bytes, four at a time, against the keys and
 * the colons in the strings of what `JSON.parse` made of it (`BatchList`). Otherwise, and for a batch whose counts
 * differ, each value's keys are counted in its bytes (the colons outside strings, `byte-scan.ts`) against its
 * parsed keys. Only a value whose counts differ is walked again, key by key, to find which key repeats and where.
 */
import type { Issue } from "../../errors.js";
import { dotPath, issue, quote, type IssuePath } from "../../issues.js";
import type { Position } from "./byte-window.js";
import { isSpace, stringEnd } from "./byte-scan.js";

/** A key that repeats in its object: where (absolute byte offsets), which, and the object's path. @internal */
export interface DuplicateKey {
  offset: number;
  first: number;
  key: string;
  path: IssuePath;
  /** The positions of both, when they had to be found while the bytes were at hand. */
  at?: Position | undefined;
  firstAt?: Position | undefined;
}

/** The keys of a parsed value, at every depth (see {@link keyTally}). @internal */
export function keyCount(value: unknown): number {
  return keyTally(value, false).keys;
}

/**
 * The keys of a parsed value, at every depth (iterative: the value may be deeply nested), and with `withColons` the
 * colons in its strings, keys and values, counted in the same walk (else 0). @internal
 */
export function keyTally(value: unknown, withColons: boolean): { keys: number; colons: number } {
  let keys = 0;
  let colons = 0;
  const count = (text: string) => {
    for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) colons++;
  };
  // Only what holds keys or colons goes on the stack.
  const holds = (x: unknown) => (typeof x === "object" && x !== null) || (withColons && typeof x === "string");
  const stack: unknown[] = holds(value) ? [value] : [];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") count(item);
    else if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) if (holds(item[i])) stack.push(item[i]);
    } else {
      for (const key in item as object) {
        keys++;
        if (withColons) count(key);
        const x: unknown = (item as Record<string, unknown>)[key];
        if (holds(x)) stack.push(x);
      }
    }
  }
  return { keys, colons };
}

interface Frame {
  /** The keys of an object so far (absent for an array). */
  keys?: Map<string, number>;
  /** The current key, or index in an array. */
  slot: string | number;
  expectKey: boolean;
}

/**
 * Every repeated key in the valid JSON value `bytes[from, to)`, whose path is `path`; `base` is the absolute offset
 * of `bytes[0]`. @internal
 */
export function findDuplicateKeys(bytes: Uint8Array, from: number, to: number, base: number, path: IssuePath): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  walkKeys(bytes, from, to, [], (frame, key, at, inner) => {
    const first = frame.keys!.get(key);
    if (first === undefined) frame.keys!.set(key, base + at);
    else found.push({ offset: base + at, first, key, path: [...path, ...inner, key] });
  });
  return found;
}

/**
 * The path of the value that byte `at` stands in, walking the JSON text from `from` (valid UTF-8 up to `at`): at
 * `path` in the document, or, with `firstIndex`, inside the array at `path` from its element `firstIndex` (a
 * batch of elements). Where a byte is in a key, the path of its object. @internal
 */
export function jsonPathAt(bytes: Uint8Array, from: number, at: number, path: IssuePath, firstIndex?: number): IssuePath {
  const frames: Frame[] = firstIndex === undefined ? [] : [{ slot: firstIndex, expectKey: false }];
  const inner = walkKeys(bytes, from, at, frames);
  const top = frames[frames.length - 1];
  if (!top || (top.keys && top.expectKey)) return [...path, ...inner];
  return [...path, ...inner, top.slot];
}

/**
 * Walks the JSON text bytes[from, to) keeping the path of open containers in `frames` (the outer ones may be given),
 * calling `onKey` with each object key read; stops at `to` or at a string not closed before it. Returns the slots of
 * the open containers but the innermost (the path into it).
 */
function walkKeys(bytes: Uint8Array, from: number, to: number, frames: Frame[], onKey?: (frame: Frame, key: string, at: number, inner: readonly (string | number)[]) => void): (string | number)[] {
  const inner: (string | number)[] = frames.slice(0, -1).map((f) => f.slot);
  const decoder = new TextDecoder();
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    const top = frames[frames.length - 1];
    if (c === 0x22) {
      const end = stringEnd(bytes, i, to);
      if (end === -1) break;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(decoder.decode(bytes.subarray(i, end))) as string;
        onKey?.(top, key, i, inner);
        top.slot = key;
        top.expectKey = false;
      }
      i = end - 1;
    } else if (c === 0x7b || c === 0x5b) {
      if (top) inner.push(top.slot);
      frames.push(c === 0x7b ? { keys: new Map(), slot: "", expectKey: true } : { slot: 0, expectKey: false });
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      if (frames.length > 0) inner.pop();
    } else if (c === 0x2c && top) {
      if (top.keys) top.expectKey = true;
      else top.slot = (top.slot as number) + 1;
    } else if (!isSpace(c) && c !== 0x3a) {
      // a number, true, false or null: skip to its last byte
      while (i + 1 < to && !isSpace(bytes[i + 1]!) && bytes[i + 1] !== 0x2c && bytes[i + 1] !== 0x7d && bytes[i + 1] !== 0x5d) i++;
    }
  }
  return inner;
}

/** The `duplicate_key` issue of a repeated key, at its position (and that of its first occurrence). @internal */
export function duplicateKeyIssue(duplicate: DuplicateKey, at: Position | undefined, first: Position | undefined): Issue & Partial<Position> {
  const where = at ? `line ${at.line}, column ${at.column}` : `byte ${duplicate.offset}`;
  const before = first ? `line ${first.line}, column ${first.column}` : `byte ${duplicate.first}`;
  const object = duplicate.path.length > 1 ? ` in ${dotPath(duplicate.path.slice(0, -1))}` : "";
  const message = `${where}: the key ${quote(duplicate.key)} appears twice in one object${object} (first at ${before}); JSON keeps only the last value. Remove or rename one.`;
  return { ...issue("duplicate_key", duplicate.path, message), ...at };
}
