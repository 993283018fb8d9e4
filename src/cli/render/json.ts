/**
 * JSON out
 * ========
 * Reports as JSON, written in chunks: the same bytes as `JSON.stringify(value, null, 2)` plus a line break, but
 * never one string for the whole document, so a million issues or a nation's report stream out.
 */

/** Writes output text, in order. @internal */
export type Writer = (chunk: string) => void;

/** Chunks gathered up to this many characters before they are written. */
const CHUNK = 1 << 16;

/** A writer gathering small chunks into large ones for `write`; `flush` writes what is left. @internal */
export function buffered(write: Writer): { write: Writer; flush(): void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    write(parts.join(""));
    parts = [];
    size = 0;
  };
  return {
    write(chunk) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= CHUNK) flush();
    },
    flush,
  };
}

/** Below the top levels, arrays are written this many elements at a time, each slice with one `JSON.stringify`. */
const SMALL = 256;

const skipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

type WithToJSON = { toJSON(key: string): unknown };
const hasToJSON = (v: unknown): v is WithToJSON => v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function";

/** `input`, or what its `toJSON` gives for `key` (its index or key in its holder), as `JSON.stringify` takes it. */
const jsonValue = (input: unknown, key: string): unknown => (hasToJSON(input) ? input.toJSON(key) : input);

/** `item`, or a stand-in whose `toJSON` calls `item`'s with `key` when it has one. */
const keyedAt = (item: unknown, key: string): unknown => (hasToJSON(item) ? { toJSON: () => item.toJSON(key) } : item);

function emit(input: unknown, indent: string, depth: number, write: Writer, key = ""): void {
  const value = jsonValue(input, key);
  if (value === null || typeof value !== "object" || (depth >= 2 && Array.isArray(value) && value.length < SMALL)) {
    write((JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, "\n" + indent));
    return;
  }
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return write("[]");
    if (depth >= 2) return emitSlices(value, indent, write);
    write("[\n");
    for (let i = 0; i < value.length; i++) {
      write(inner);
      emit(skipped(value[i]) ? null : value[i], inner, depth + 1, write, String(i));
      write(i < value.length - 1 ? ",\n" : "\n");
    }
    write(indent + "]");
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => !skipped(record[k]));
  if (keys.length === 0) return write("{}");
  write("{\n");
  keys.forEach((key, i) => {
    write(`${inner}${JSON.stringify(key)}: `);
    emit(record[key], inner, depth + 1, write, key);
    write(i < keys.length - 1 ? ",\n" : "\n");
  });
  write(indent + "}");
}

/**
 * A long array below the top levels, its elements stringified a slice at a time: a nation's report has tables of a
 * million rows, and one native call per slice writes them several times faster than walking each row's fields.
 */
function emitSlices(value: readonly unknown[], indent: string, write: Writer): void {
  write("[\n");
  // The slice is stringified inside as many arrays as `indent` has levels, so that `JSON.stringify` itself indents
  // its lines by `indent`; the wrappers' brackets are then cut off the text.
  const levels = indent.length / 2;
  let open = 0;
  let close = 0;
  for (let level = 0; level <= levels; level++) {
    open += 2 * level + 2; // "  ".repeat(level) + "[\n"
    close += 2 * level + 2; // "\n" + "  ".repeat(level) + "]"
  }
  for (let at = 0; at < value.length; at += SMALL) {
    const part = value.slice(at, at + SMALL);
    // In the slice an element's index is `k`: its `toJSON` is called through a stand-in that gives it its index in
    // the whole array (calling it here would let `JSON.stringify` call the `toJSON` of what it returns, a `Date`).
    if (at > 0) for (let k = 0; k < part.length; k++) part[k] = keyedAt(part[k], String(at + k));
    let wrapped: unknown = part;
    for (let level = 0; level < levels; level++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    write(text.slice(open, text.length - close));
    write(at + SMALL < value.length ? ",\n" : "\n");
  }
  write(indent + "]");
}

/** Writes `value` as two-space indented JSON and a line break, in chunks. @internal */
export function writeJson(value: unknown, write: Writer): void {
  const out = buffered(write);
  emit(value, "", 0, out.write);
  out.write("\n");
  out.flush();
}

/** Plain JSON, two-space indented, ending with a newline, as one string (for small documents). @internal */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
