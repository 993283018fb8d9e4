import { GovGraphError, type Issue } from "../../errors.js";

/** An `invalid_json` issue: where in the text the JSON breaks (1-based line and column, UTF-16 code units). */
export interface JsonIssue extends Issue {
  line: number;
  column: number;
}

/** The `invalid_json` error at a line and column, `near` being {@link jsonExcerpt}'s text. @internal */
export function invalidJsonError(fn: string, line: number, column: number, reason: string, near: string, cause: unknown): GovGraphError {
  const message = `${fn}: the text is not valid JSON at line ${line}, column ${column}: ${reason}${near}. Fix the JSON and try again.`;
  const issue: JsonIssue = { code: "invalid_json", path: [], pointer: "", message: `line ${line}, column ${column}: ${reason}`, severity: "error", line, column };
  return new GovGraphError("invalid_json", message, { issues: [issue], cause });
}

/** The 1-based line and column (UTF-16 code units) of an index in a text. @internal */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** ` (near "...")`: the text around an error index, or nothing at the end of the text. @internal */
export function jsonExcerpt(text: string, index: number): string {
  if (index >= text.length || text.trim() === "") return "";
  const start = Math.max(0, index - 20);
  const snippet = text.slice(start, index + 20).replace(/\s+/g, " ");
  return ` (near ${JSON.stringify(snippet)})`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

/**
 * Finds the first syntax error of a JSON text, with a reason a person understands (a trailing comma, an unclosed
 * bracket). Iterative, so deep nesting cannot overflow the stack. Returns undefined for valid JSON. @internal
 */
export function locateJsonError(text: string): { index: number; reason: string } | undefined {
  const n = text.length;
  const stack: string[] = [];
  let expect: "value" | "valueOrEnd" | "afterComma" | "key" | "keyOrEnd" | "after" = "value";
  let i = 0;
  const fail = (reason: string, at = i) => ({ index: at, reason });
  for (;;) {
    while (i < n && WHITESPACE.has(text[i]!)) i++;
    if (i >= n) {
      if (expect === "after" && stack.length === 0) return undefined;
      if (n === 0 || text.trim() === "") return fail("the text is empty", 0);
      return fail(stack.length ? `unexpected end of the text, ${stack.length} bracket(s) still open` : "unexpected end of the text");
    }
    const ch = text[i]!;
    if (expect === "after") {
      const top = stack[stack.length - 1];
      if (top === undefined) return fail(`unexpected ${JSON.stringify(ch)} after the end of the JSON value`);
      if (ch === ",") {
        i++;
        expect = top === "{" ? "key" : "afterComma";
      } else if ((top === "{" && ch === "}") || (top === "[" && ch === "]")) {
        stack.pop();
        i++;
      } else return fail(`expected "," or "${top === "{" ? "}" : "]"}" but found ${JSON.stringify(ch)}`);
      continue;
    }
    if (expect === "key" || expect === "keyOrEnd") {
      if (ch === "}") {
        if (expect === "key") return fail('a trailing comma before "}"');
        stack.pop();
        i++;
        expect = "after";
        continue;
      }
      if (ch !== '"') return fail(`expected a double-quoted property name but found ${JSON.stringify(ch)}`);
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = end;
      while (i < n && WHITESPACE.has(text[i]!)) i++;
      if (text[i] !== ":") return fail(i >= n ? "unexpected end of the text after a property name" : `expected ":" after a property name but found ${JSON.stringify(text[i])}`);
      i++;
      expect = "value";
      continue;
    }
    if (ch === "]" && expect === "valueOrEnd") {
      stack.pop();
      i++;
      expect = "after";
      continue;
    }
    if (ch === "]" && expect === "afterComma") return fail('a trailing comma before "]"');
    if (ch === "{" || ch === "[") {
      stack.push(ch);
      i++;
      expect = ch === "{" ? "keyOrEnd" : "valueOrEnd";
      continue;
    }
    expect = "after";
    const end = scanScalar(text, i);
    if (typeof end !== "number") return end;
    i = end;
  }
}

/** The index after the string, number, true, false or null starting at `i`, or why there is none. */
function scanScalar(text: string, i: number): number | { index: number; reason: string } {
  const ch = text[i]!;
  if (ch === '"') return scanString(text, i);
  if (ch === "-" || (ch >= "0" && ch <= "9")) {
    NUMBER.lastIndex = i;
    return NUMBER.test(text) ? NUMBER.lastIndex : { index: i, reason: "a malformed number" };
  }
  for (const literal of ["true", "false", "null"]) if (text.startsWith(literal, i)) return i + literal.length;
  const word = /[A-Za-z_$][\w$]*/y;
  word.lastIndex = i;
  const found = word.exec(text)?.[0];
  const reason = found
    ? `unexpected ${JSON.stringify(found.slice(0, 20))} where a value should be (text needs double quotes; true, false and null are lower case; NaN and Infinity are not JSON)`
    : `unexpected ${JSON.stringify(ch)} where a value should be`;
  return { index: i, reason };
}

function scanString(text: string, start: number): number | { index: number; reason: string } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { index: i, reason: c === 0x0a ? "a line break inside a string (write \\n)" : "a control character inside a string" };
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { index: i, reason: "a malformed \\u escape" };
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return { index: i, reason: `an invalid escape "\\${e ?? ""}"` };
    }
  }
  return { index: text.length, reason: "the text ends inside a string" };
}

