/**
 * Parsing records
 * ===============
 * Each collection's records against their zod schema: the compiled fast path first (it only ever accepts), zod
 * for the rest, which writes the issues.
 */
import type { z } from "zod";
import type { Issue } from "../../errors.js";
import { Assignment } from "../../schemas/assignment.js";
import { Department } from "../../schemas/department.js";
import { EvidenceType } from "../../schemas/evidence.js";
import { GovFunction } from "../../schemas/function.js";
import { ModelMeta, type CollectionName, type Model } from "../../schemas/model.js";
import { Need } from "../../schemas/need.js";
import { Region } from "../../schemas/region.js";
import { Segment } from "../../schemas/segment.js";
import { ServicePoint } from "../../schemas/service-point.js";
import { Service } from "../../schemas/service.js";
import { TravelCost } from "../../schemas/travel-cost.js";
import { compileChecker, FAIL, type Checker } from "../fast-parse.js";
import { deepFreeze } from "../freeze.js";
import { recordLabel } from "../records.js";
import { fromZod, protoAttributes } from "./zod-issues.js";

/** The zod schema of each collection's records. @internal */
export const RECORD_SCHEMAS = {
  regions: Region,
  segments: Segment,
  departments: Department,
  functions: GovFunction,
  assignments: Assignment,
  services: Service,
  needs: Need,
  evidence: EvidenceType,
  servicePoints: ServicePoint,
  travelCosts: TravelCost,
} as const satisfies Record<CollectionName, z.ZodType>;

const checkers: Record<"adopt" | "copy", Partial<Record<CollectionName, Checker | undefined>>> = { adopt: {}, copy: {} };

/** The compiled checker of a collection's records (compiled once), or undefined when its schema has no fast path. @internal */
export function checkerFor(collection: CollectionName, adopt: boolean): Checker | undefined {
  const cache = checkers[adopt ? "adopt" : "copy"];
  if (!(collection in cache)) cache[collection] = compileChecker(RECORD_SCHEMAS[collection] as z.ZodType, adopt);
  return cache[collection];
}

/** zod's verdict on one record at `[collection, index]`: the parsed record, or its issues pushed to `issues`. */
function zodParse(collection: CollectionName, record: unknown, index: number, issues: Issue[]): { ok: boolean; data?: unknown } {
  const result = (RECORD_SCHEMAS[collection] as z.ZodType).safeParse(record);
  const label = recordLabel(collection, record, index);
  if (!result.success) for (const zi of result.error.issues) issues.push(...fromZod(zi, [collection, index], label));
  protoAttributes(record, result.success ? result.data : undefined, [collection, index], label, issues);
  return result.success ? { ok: true, data: result.data } : { ok: false };
}

/**
 * Parses every record of a collection; the parsed records (not yet frozen all through) are returned, problems
 * pushed to `issues`. In `adopt` mode records the fast path accepts become the output themselves. @internal
 */
export function parseCollection(collection: CollectionName, records: readonly unknown[], adopt: boolean, issues: Issue[]): unknown[] {
  const fast = checkerFor(collection, adopt);
  const out: unknown[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    // The fast path accepts only what zod accepts; zod has the last word and writes the issues.
    const checked = fast ? fast(record) : FAIL;
    if (checked !== FAIL) {
      out.push(checked);
      continue;
    }
    const parsed = zodParse(collection, record, i, issues);
    if (parsed.ok) out.push(parsed.data);
  }
  return out;
}

/**
 * Parses one record of a collection with its schema; issues carry the path `[collection, index, ...]`.
 * The parsed record is deep-frozen. @internal
 */
export function parseRecord(collection: CollectionName, record: unknown, index: number): { record?: unknown; issues: Issue[] } {
  const issues: Issue[] = [];
  const parsed = zodParse(collection, record, index, issues);
  return issues.length ? { issues } : { record: deepFreeze(parsed.data), issues };
}

/** Parses a model's `meta`, issues under `/meta`; the parsed meta is deep-frozen. @internal */
export function parseMeta(meta: unknown): { meta?: Model["meta"]; issues: Issue[] } {
  const parsed = ModelMeta.safeParse(meta);
  if (parsed.success) return { meta: deepFreeze(parsed.data), issues: [] };
  return { issues: parsed.error.issues.flatMap((zi) => fromZod(zi, ["meta"], "the model's meta")) };
}
