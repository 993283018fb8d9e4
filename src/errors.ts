/** Snake_case codes a caller can branch on. */
export type GovGraphErrorCode =
  | "invalid_model"
  | "invalid_json"
  | "invalid_encoding"
  | "invalid_rdf"
  | "invalid_input"
  | "invalid_operation"
  | "not_found"
  | "referenced"
  | "unsupported_format"
  | "usage";

/** One problem found in an input, with where it is. */
export interface Issue {
  /** Snake_case code: zod's own codes for schema errors, or `duplicate_id`, `unknown_reference`, `cycle`, ... */
  code: string;
  /** Where the problem is, as keys and indexes from the root of the input. */
  path: (string | number)[];
  /** The same place as a JSON Pointer (RFC 6901). */
  pointer: string;
  /** A sentence a person can act on. */
  message: string;
  severity: "error" | "warning";
}

/**
 * The one error class govgraph throws. Callers branch on `code`; `issues` lists every problem when there are several.
 * @example
 * try { parseModel(input) } catch (e) { if (e instanceof GovGraphError && e.code === "invalid_model") console.log(e.issues) }
 */
export class GovGraphError extends Error {
  override readonly name = "GovGraphError";
  readonly code: GovGraphErrorCode;
  readonly path?: (string | number)[];
  readonly issues: Issue[];

  constructor(code: GovGraphErrorCode, message: string, options: { path?: (string | number)[]; issues?: Issue[]; cause?: unknown } = {}) {
    if (typeof code !== "string" || typeof message !== "string" || typeof options !== "object" || options === null) {
      // Only a caller's own misuse gets here: the error it throws is a well-formed one about that misuse.
      const message = "GovGraphError: arguments code and message must be strings and options an object. Pass (code, message, { issues? }).";
      throw new GovGraphError("invalid_input", message, { issues: [{ code: "invalid_argument", path: [], pointer: "", message, severity: "error" }] });
    }
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.path) this.path = options.path;
    this.issues = options.issues ?? [];
  }
}

/** Turns a path into a JSON Pointer (RFC 6901). */
export function toPointer(path: readonly (string | number | symbol)[]): string {
  if (!isPath(path)) {
    const message = 'toPointer: argument path must be an array of keys (strings, numbers or symbols). Pass a path such as ["services", 3, "name"].';
    throw new GovGraphError("invalid_input", message, { issues: [{ code: "invalid_argument", path: ["path"], pointer: "/path", message, severity: "error" }] });
  }
  return path.map((key) => "/" + String(key).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** An array of keys; false for anything else, a Proxy whose traps throw included. */
function isPath(path: unknown): boolean {
  try {
    return Array.isArray(path) && path.every((key) => typeof key === "string" || typeof key === "number" || typeof key === "symbol");
  } catch {
    return false;
  }
}
