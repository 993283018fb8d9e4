/**
 * Catchment input from JSON
 * =========================
 * Reads a `{demand, supply, costs, method?, maxCost?}` JSON document with its cost records going straight into
 * typed-array columns: ids are looked up from the bytes and no object is built per cost record. Text in another
 * shape than `[{"from": "...", "to": "...", "cost": n}, ...]` (escapes, other fields) still reads, through `JSON.parse`.
 */
import { GovGraphError } from "../../errors.js";
import { checkArgument, isTextOrBytes } from "../../guard.js";
import { ByteIdTable } from "./byte-ids.js";
import { CostColumnBuilder } from "./column-builder.js";
import { parseDecimal } from "./decimal.js";
import { expect, JsonShape, skipSpace, skipValue, stringEnd, tokenEnd } from "./json-scan.js";
import { Problems } from "./problems.js";
import type { CatchmentCostArrays, CatchmentInput, CatchmentLocation } from "./types.js";

/** What {@link parseCatchmentJson} reads: the input, and the document's other fields (parsed, for the caller). */
export interface CatchmentJson {
  input: CatchmentInput & { costs: CatchmentCostArrays };
  other: Record<string, unknown>;
}

const FN = "parseCatchmentJson";
const decoder = new TextDecoder();
const encoder = new TextEncoder();
const KNOWN = new Set(["demand", "supply", "costs", "method", "maxCost"]);

/** Checks and keeps one cost record; a `null` cost (JSON's `Infinity`) is an unroutable pair, left out. */
class CostSink {
  readonly out: CostColumnBuilder;
  constructor(
    readonly demand: ByteIdTable,
    readonly supply: ByteIdTable,
    readonly problems: Problems,
    /** About how many records to expect (a record takes some 50 bytes). */
    expected = 0,
  ) {
    this.out = new CostColumnBuilder(Math.max(1 << 12, Math.ceil(expected)));
  }

  add(k: number, i: number, j: number, cost: unknown, text: (field: "from" | "to") => unknown): void {
    const p = this.problems;
    if (i < 0) p.add(i === -2 ? "missing_field" : "unknown_reference", ["costs", k, "from"], i === -2 ? `costs[${k}] has no from` : `costs[${k}].from ${JSON.stringify(text("from"))} is not a demand id`);
    if (j < 0) p.add(j === -2 ? "missing_field" : "unknown_reference", ["costs", k, "to"], j === -2 ? `costs[${k}] has no to` : `costs[${k}].to ${JSON.stringify(text("to"))} is not a supply id`);
    const routable = cost !== null;
    if (routable && !(typeof cost === "number" && cost >= 0 && cost < Infinity)) {
      p.add("invalid_value", ["costs", k, "cost"], `costs[${k}].cost is ${cost === undefined ? "missing" : JSON.stringify(cost)}; use a non-negative number (null for an unroutable pair)`);
    } else if (routable && i >= 0 && j >= 0) this.out.push(i, j, cost as number);
  }
}

/** The position of the id in the JSON string `bytes[start..end]` (quotes included); -1 when unknown. */
function findId(table: ByteIdTable, bytes: Uint8Array, start: number, end: number, repeated = false): number {
  const at = repeated ? table.findRepeated(bytes, start + 1, end) : table.find(bytes, start + 1, end);
  if (at >= 0 || bytes.subarray(start + 1, end).indexOf(92) < 0) return at;
  return table.byString.get(JSON.parse(decoder.decode(bytes.subarray(start, end + 1))) as string) ?? -1;
}

/** The cost record field named by `bytes[start..end)`: "from", "to", "cost", or "" for any other. */
function keyOf(bytes: Uint8Array, start: number, end: number): "from" | "to" | "cost" | "" {
  const n = end - start;
  const b = bytes[start];
  if (n === 4 && b === 102 && bytes[start + 1] === 114 && bytes[start + 2] === 111 && bytes[start + 3] === 109) return "from";
  if (n === 2 && b === 116 && bytes[start + 1] === 111) return "to";
  if (n === 4 && b === 99 && bytes[start + 1] === 111 && bytes[start + 2] === 115 && bytes[start + 3] === 116) return "cost";
  return "";
}

/** One cost record from `i` (at `{`) into the sink: the offset after it. */
function readRecord(bytes: Uint8Array, i: number, k: number, sink: CostSink): number {
  i = expect(bytes, i, 123);
  let from = -2;
  let to = -2;
  let cost: unknown = undefined;
  let fromAt = 0;
  let toAt = 0;
  i = skipSpace(bytes, i);
  if (bytes[i] !== 125)
    for (;;) {
      if (bytes[i] !== 34) throw new JsonShape();
      const keyEnd = stringEnd(bytes, i);
      const key = keyOf(bytes, i + 1, keyEnd);
      i = skipSpace(bytes, expect(bytes, keyEnd + 1, 58));
      if ((key === "from" || key === "to") && bytes[i] === 34) {
        const end = stringEnd(bytes, i);
        if (key === "from") {
          from = findId(sink.demand, bytes, i, end, true);
          fromAt = i;
        } else {
          to = findId(sink.supply, bytes, i, end);
          toAt = i;
        }
        i = end + 1;
      } else if (key === "cost" && bytes[i] !== 34 && bytes[i] !== 91 && bytes[i] !== 123) {
        const end = tokenEnd(bytes, i);
        cost = bytes[i] === 110 && end - i === 4 ? null : parseDecimal(bytes, i, end);
        if (Number.isNaN(cost)) throw new JsonShape();
        i = end;
      } else throw new JsonShape();
      i = skipSpace(bytes, i);
      if (bytes[i] === 125) break;
      if (bytes[i] !== 44) throw new JsonShape();
      i = skipSpace(bytes, i + 1);
    }
  sink.add(k, from, to, cost, (field) => {
    const at = field === "from" ? fromAt : toAt;
    return JSON.parse(decoder.decode(bytes.subarray(at, stringEnd(bytes, at) + 1)));
  });
  return i + 1;
}

/** The cost records from `i` (at `[`): the columns and the offset after the array. */
function readCosts(bytes: Uint8Array, i: number, sink: CostSink): number {
  i = skipSpace(bytes, expect(bytes, i, 91));
  if (bytes[i] === 93) return i + 1;
  for (let k = 0; ; k++) {
    i = skipSpace(bytes, readRecord(bytes, i, k, sink));
    if (bytes[i] === 93) return i + 1;
    if (bytes[i] !== 44) throw new JsonShape();
    i++;
  }
}

function tables(fields: Record<string, unknown>, problems: Problems): [ByteIdTable, ByteIdTable] {
  const ids = (field: "demand" | "supply") => {
    const list = fields[field];
    if (list === undefined) return [];
    if (Array.isArray(list)) return list.map((x: CatchmentLocation) => x?.id);
    problems.add("invalid_type", [field], `${field} is not an array of {id, value}`);
    return [];
  };
  return [new ByteIdTable(ids("demand")), new ByteIdTable(ids("supply"))];
}

function result(fields: Record<string, unknown>, costs: CatchmentCostArrays): CatchmentJson {
  const input = { demand: fields.demand ?? [], supply: fields.supply ?? [], costs } as CatchmentJson["input"];
  if (fields.method !== undefined && fields.method !== null) input.method = fields.method as CatchmentInput["method"];
  if (fields.maxCost !== undefined && fields.maxCost !== null) input.maxCost = fields.maxCost as number;
  const other = Object.fromEntries(Object.entries(fields).filter(([key]) => !KNOWN.has(key)));
  return { input, other };
}

/** The fast path: the document's fields, with the cost records read from the bytes. */
function readFast(bytes: Uint8Array): CatchmentJson {
  const fields: Record<string, unknown> = {};
  const problems = new Problems(FN);
  let costsAt = -1;
  let sink: CostSink | undefined;
  const readCostsAt = (at: number) => {
    sink = new CostSink(...tables(fields, problems), problems, (bytes.length - at) / 48);
    return readCosts(bytes, at, sink);
  };
  let i = skipSpace(bytes, expect(bytes, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0, 123));
  if (bytes[i] !== 125)
    for (;;) {
      if (bytes[i] !== 34) throw new JsonShape();
      const keyEnd = stringEnd(bytes, i);
      const key = JSON.parse(decoder.decode(bytes.subarray(i, keyEnd + 1))) as string;
      const at = skipSpace(bytes, expect(bytes, keyEnd + 1, 58));
      if (key === "costs" && fields.demand !== undefined && fields.supply !== undefined) i = readCostsAt(at);
      else {
        i = skipValue(bytes, at);
        if (key === "costs") costsAt = at;
        else fields[key] = JSON.parse(decoder.decode(bytes.subarray(at, i)));
      }
      i = skipSpace(bytes, i);
      if (bytes[i] === 125) break;
      if (bytes[i] !== 44) throw new JsonShape();
      i = skipSpace(bytes, i + 1);
    }
  if (skipSpace(bytes, i + 1) !== bytes.length) throw new JsonShape();
  if (!sink && costsAt >= 0) readCostsAt(costsAt);
  problems.throwIfAny();
  return result(fields, sink ? sink.out.done() : new CostColumnBuilder(0).done());
}

/** The slow path, for any other shape: `JSON.parse`, then the same checks. */
function readSlow(bytes: Uint8Array): CatchmentJson {
  let fields: unknown;
  try {
    fields = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new GovGraphError("invalid_json", `${FN}: the text is not JSON (${(error as Error).message}). Fix the file.`, { cause: error });
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    throw new GovGraphError("invalid_input", `${FN}: the document is not an object. Give {demand, supply, costs, method?, maxCost?}.`);
  }
  const all = fields as Record<string, unknown>;
  const problems = new Problems(FN);
  const sink = new CostSink(...tables(all, problems), problems);
  const costs = all.costs ?? [];
  if (!Array.isArray(costs)) problems.add("invalid_type", ["costs"], "costs is not an array of {from, to, cost}");
  else
    costs.forEach((c: Record<string, unknown> | null, k) => {
      const id = (table: ByteIdTable, value: unknown) => (value === undefined ? -2 : typeof value === "string" ? (table.byString.get(value) ?? -1) : -1);
      sink.add(k, id(sink.demand, c?.from), id(sink.supply, c?.to), c?.cost, (field) => c?.[field]);
    });
  problems.throwIfAny();
  return result(all, sink.out.done());
}

/**
 * Reads a floating-catchment input from JSON text or UTF-8 bytes (`{demand, supply, costs, method?, maxCost?}`,
 * a `null` cost marking an unroutable pair), with the costs as typed-array columns; other fields come back in `other`.
 * @example
 * const { input } = parseCatchmentJson(await (await fetch("instance.json")).bytes());
 * floatingCatchment(input);
 */
export function parseCatchmentJson(json: string | Uint8Array): CatchmentJson {
  checkArgument(FN, "json", json, isTextOrBytes, "Pass the file's contents");
  const bytes = typeof json === "string" ? encoder.encode(json) : json;
  try {
    return readFast(bytes);
  } catch (error) {
    // Another shape, or a piece JSON.parse rejected: the slow path reads it, or says where the JSON is broken.
    if (error instanceof JsonShape || error instanceof SyntaxError) return readSlow(bytes);
    throw error;
  }
}
