/**
 * Cost matrices from CSV
 * ======================
 * Reads an `origin,destination,cost` table (as routing engines write travel-time matrices) straight into the
 * typed-array columns {@link floatingCatchment} takes: ids are looked up from the bytes, no record is built per
 * row, and the text may come in chunks (a stream), so a file far larger than its rows' objects would be fits.
 */
import { checkArgument, checkArguments, hasFields, isArrayOf, isString, isTextOrBytes, type ArgumentRule } from "../../guard.js";
import { resolveOptions, type OptionRule } from "../../options.js";
import { ByteIdTable } from "./byte-ids.js";
import { CostColumnBuilder } from "./column-builder.js";
import { CsvFields } from "./csv-fields.js";
import { parseDecimal } from "./decimal.js";
import { Problems } from "./problems.js";
import type { CatchmentCostArrays } from "./types.js";

/** Options of {@link parseCostMatrix}, {@link readCostMatrix} and {@link createCostMatrixReader}. */
export interface CostMatrixOptions {
  /** Whether the first line names the columns. Default: it does when its cost field is not a number. */
  header?: boolean;
  /** The origin, destination and cost columns, by position or (with a header) by name. Default `[0, 1, 2]`. */
  columns?: readonly [string | number, string | number, string | number];
  /** The field separator, one character. Default `","`. */
  delimiter?: string;
}

/** The demand and supply lists whose ids the matrix's origins and destinations name. */
export interface CostMatrixLocations {
  demand: readonly { id: string }[];
  supply: readonly { id: string }[];
}

/** A cost matrix read chunk by chunk: `push` each piece of the file, then `finish`. */
export interface CostMatrixReader {
  /** Reads the next piece of the file (text, or UTF-8 bytes); a row may run over into the next piece. */
  push(chunk: string | Uint8Array): void;
  /** Ends the file: the columns, or an `invalid_input` GovGraphError listing every bad row. */
  finish(): CatchmentCostArrays;
}

const DEFAULTS = { header: undefined as boolean | undefined, columns: [0, 1, 2] as CostMatrixOptions["columns"], delimiter: "," };
const RULES: { [K in keyof typeof DEFAULTS]?: OptionRule } = {
  header: (v) => (typeof v === "boolean" ? undefined : "must be true or false"),
  columns: (v) => (Array.isArray(v) && v.length === 3 && v.every((c) => (typeof c === "string" ? true : Number.isInteger(c) && c >= 0)) ? undefined : "must be three column names or positions"),
  delimiter: (v) => (typeof v === "string" && v.length === 1 && v.charCodeAt(0) < 128 && v !== '"' ? undefined : "must be one ASCII character other than a quote"),
};
const NAMES = ["origin", "destination", "cost"] as const;
const isIds = isArrayOf(hasFields({ id: isString }, "a location { id }"), "locations { id }");
const isLocations: ArgumentRule = hasFields({ demand: isIds, supply: isIds }, "an object { demand, supply } of locations { id }");
const isChunks: ArgumentRule = (v) => {
  const o = v as { getReader?: unknown; [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown } | null;
  const iterable = typeof o === "object" && o !== null && [o.getReader, o[Symbol.asyncIterator], o[Symbol.iterator]].some((f) => typeof f === "function");
  return iterable ? undefined : "must be a ReadableStream or an iterable of text or bytes, got " + (v === null ? "null" : typeof v);
};
const LOCATIONS_FIX = "Pass { demand, supply }, the lists whose ids the matrix names";
const encoder = new TextEncoder();
/** Costs that mark an unroutable pair: the row is left out, as a pair without an entry is out of reach. */
const UNROUTABLE = new Set(["", "inf", "Infinity", "+inf"]);

class CsvCostMatrix implements CostMatrixReader {
  private readonly demand: ByteIdTable;
  private readonly supply: ByteIdTable;
  private readonly out = new CostColumnBuilder();
  private readonly problems: Problems;
  private readonly delimiter: number;
  private readonly fields = new CsvFields(64);
  private columns: number[] | undefined;
  /** The number of fields a row needs to hold the three columns. */
  private needed = 3;
  private names: string[] = [...NAMES];
  private carry: Uint8Array | undefined;
  private line = 0;
  private started = false;

  constructor(locations: CostMatrixLocations, private readonly options: typeof DEFAULTS, fn: string) {
    this.problems = new Problems(fn);
    this.demand = new ByteIdTable(locations.demand.map((d) => d.id));
    this.supply = new ByteIdTable(locations.supply.map((s) => s.id));
    this.delimiter = options.delimiter.charCodeAt(0);
    if (options.header === false) this.useColumns(this.positions());
  }

  push(chunk: string | Uint8Array): void {
    checkArgument(this.problems.fn, "chunk", chunk, isTextOrBytes, "Push each piece of the file as text or bytes");
    let bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    if (!this.started && bytes.length > 0) {
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    let pos = 0;
    if (this.carry) {
      const nl = bytes.indexOf(10);
      const joined = new Uint8Array(this.carry.length + (nl < 0 ? bytes.length : nl + 1));
      joined.set(this.carry);
      joined.set(nl < 0 ? bytes : bytes.subarray(0, nl + 1), this.carry.length);
      this.carry = undefined;
      if (nl < 0) {
        this.carry = joined;
        return;
      }
      this.row(joined, 0, joined.length - 1);
      pos = nl + 1;
    }
    for (let nl = bytes.indexOf(10, pos); nl >= 0; nl = bytes.indexOf(10, pos)) {
      this.row(bytes, pos, nl);
      pos = nl + 1;
    }
    if (pos < bytes.length) this.carry = bytes.slice(pos);
  }

  finish(): CatchmentCostArrays {
    if (this.carry) this.row(this.carry, 0, this.carry.length);
    this.carry = undefined;
    this.problems.throwIfAny();
    return this.out.done();
  }

  /** The columns to read (none: the rows are skipped). */
  private useColumns(columns: number[]): void {
    this.columns = columns;
    this.needed = Math.max(0, ...columns) + 1;
  }

  private positions(): number[] {
    const columns = this.options.columns!;
    const named = columns.filter((c) => typeof c === "string");
    if (named.length > 0) {
      this.problems.add("invalid_option", ["options", "columns"], `columns ${named.map((c) => `"${c}"`).join(", ")} are named but the file has no header; give positions, or header: true`);
      return [0, 1, 2];
    }
    return [...columns] as number[];
  }

  /** One line, `bytes[start..end)` without its line feed. */
  private row(bytes: Uint8Array, start: number, end: number): void {
    this.line++;
    if (end > start && bytes[end - 1] === 13) end--;
    if (end === start) return;
    const f = this.fields;
    if (!f.split(bytes, start, end, this.delimiter)) {
      this.problems.add("malformed_row", [this.line], `line ${this.line}: a quote is not closed on its line`);
      return;
    }
    if (!this.columns && this.readHeader(bytes)) return;
    const columns = this.columns!;
    if (columns.length === 0) return;
    const o = columns[0]!;
    const d = columns[1]!;
    const c = columns[2]!;
    if (f.count < this.needed) {
      this.problems.add("malformed_row", [this.line], `line ${this.line}: ${f.count} field${f.count === 1 ? "" : "s"}, expected at least ${this.needed}`);
      return;
    }
    const i = f.quoted[o] ? (this.demand.byString.get(f.text(bytes, o)) ?? -1) : this.demand.findRepeated(bytes, f.start[o]!, f.end[o]!);
    const j = f.quoted[d] ? (this.supply.byString.get(f.text(bytes, d)) ?? -1) : this.supply.find(bytes, f.start[d]!, f.end[d]!);
    let cost = parseDecimal(bytes, f.start[c]!, f.end[c]!);
    if (!(cost >= 0 && cost < Infinity)) {
      const text = f.text(bytes, c);
      if (UNROUTABLE.has(text)) cost = Infinity;
      else this.problems.add("invalid_value", [this.line, this.names[c] ?? "cost"], `line ${this.line}: cost "${text}" is not a non-negative number`);
    }
    if (i < 0) this.problems.add("unknown_reference", [this.line, this.names[o] ?? "origin"], `line ${this.line}: origin "${f.text(bytes, o)}" is not a demand id`);
    if (j < 0) this.problems.add("unknown_reference", [this.line, this.names[d] ?? "destination"], `line ${this.line}: destination "${f.text(bytes, d)}" is not a supply id`);
    if (i >= 0 && j >= 0 && cost < Infinity) this.out.push(i, j, cost);
  }

  /** Settles the columns on the first line; true when that line is the header (it says so, or its cost is not a number). */
  private readHeader(bytes: Uint8Array): boolean {
    const f = this.fields;
    const names = Array.from({ length: Math.min(f.count, f.max) }, (_, n) => f.text(bytes, n));
    const costAt = this.options.columns![2];
    const numeric = typeof costAt === "number" && costAt < names.length && !Number.isNaN(parseDecimal(bytes, f.start[costAt]!, f.end[costAt]!));
    if (!(this.options.header ?? !numeric)) {
      this.useColumns(this.positions());
      return false;
    }
    this.names = names;
    const columns = this.options.columns!.map((c, n) => {
      if (typeof c === "number") return c;
      const at = names.indexOf(c);
      if (at < 0) this.problems.add("missing_column", [1, NAMES[n]!], `line 1: the header has no column "${c}" (it has ${names.map((x) => `"${x}"`).join(", ")})`);
      return at;
    });
    // Without its columns, the rows cannot be read: the header's problem is the one to report.
    this.useColumns(columns.includes(-1) ? [] : columns);
    return true;
  }
}

/**
 * A reader of an `origin,destination,cost` CSV matrix fed chunk by chunk (a stream), into the typed-array columns
 * {@link floatingCatchment} takes. Runs anywhere (no file system): feed it what `fetch` or `fs` gives.
 * @example
 * const reader = createCostMatrixReader({ demand, supply });
 * for await (const chunk of stream) reader.push(chunk);
 * floatingCatchment({ demand, supply, costs: reader.finish(), maxCost: 30 });
 */
export function createCostMatrixReader(locations: CostMatrixLocations, options?: CostMatrixOptions): CostMatrixReader {
  const fn = "createCostMatrixReader";
  checkArgument(fn, "locations", locations, isLocations, LOCATIONS_FIX);
  return new CsvCostMatrix(locations, resolveOptions(DEFAULTS, options, fn, RULES), fn);
}

/**
 * Reads a whole `origin,destination,cost` CSV matrix (text or UTF-8 bytes) into typed-array cost columns.
 * @example
 * const costs = parseCostMatrix("origin,destination,cost\nnorth,clinic,12\n", { demand, supply });
 */
export function parseCostMatrix(csv: string | Uint8Array, locations: CostMatrixLocations, options?: CostMatrixOptions): CatchmentCostArrays {
  const fn = "parseCostMatrix";
  checkArguments(fn, [["csv", csv, isTextOrBytes], ["locations", locations, isLocations]], LOCATIONS_FIX);
  const reader = new CsvCostMatrix(locations, resolveOptions(DEFAULTS, options, fn, RULES), fn);
  reader.push(csv);
  return reader.finish();
}

/**
 * Reads an `origin,destination,cost` CSV matrix from a stream of chunks (a `ReadableStream`, such as
 * `(await fetch(url)).body`, or any async iterable of text or bytes) into typed-array cost columns.
 * @example
 * const costs = await readCostMatrix((await fetch("matrix.csv")).body!, { demand, supply });
 */
export async function readCostMatrix(
  chunks: ReadableStream<string | Uint8Array> | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  locations: CostMatrixLocations,
  options?: CostMatrixOptions,
): Promise<CatchmentCostArrays> {
  const fn = "readCostMatrix";
  checkArguments(fn, [["chunks", chunks, isChunks], ["locations", locations, isLocations]], LOCATIONS_FIX);
  const reader = new CsvCostMatrix(locations, resolveOptions(DEFAULTS, options, fn, RULES), fn);
  if (typeof (chunks as ReadableStream).getReader === "function") {
    const stream = (chunks as ReadableStream<string | Uint8Array>).getReader();
    for (let next = await stream.read(); !next.done; next = await stream.read()) reader.push(next.value);
  } else {
    for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) reader.push(chunk);
  }
  return reader.finish();
}
