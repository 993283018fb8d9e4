/**
 * HSDS data kept in attributes
 * ============================
 * What HSDS says about a record that the model has no field for (an organization's email, a service's contacts
 * and schedules, a location's addresses) is kept in the record's `attributes`, one key per HSDS property:
 * `"hsds.<property>"`, holding the value itself when it is a string, number or boolean, and its JSON text when it
 * is a list or an object (the JSON form's nested objects, with their own ids). `toHsds` writes them back.
 * See docs/hsds.md, "What is kept in attributes".
 * @module
 */
import { GovGraphError } from "../../errors.js";
import type { Attributes } from "../../schemas/common.js";
import { relationsOf, type HsdsRelation, type HsdsTableName } from "./schema.js";

/**
 * The prefix of the attribute keys that hold HSDS data.
 * @example
 * JSON.parse(String(service.attributes?.[`${HSDS_ATTRIBUTE_PREFIX}contacts`] ?? "[]")); // the service's HSDS contacts
 */
export const HSDS_ATTRIBUTE_PREFIX = "hsds.";

/** The attributes keeping the properties of a nested HSDS object that are not in `mapped`. @internal */
export function keepAttributes(object: Record<string, unknown>, mapped: readonly string[]): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(object)) {
    if (mapped.includes(key) || value === null || value === undefined) continue;
    const kept = typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)) ? value : JSON.stringify(value);
    Object.defineProperty(attributes, HSDS_ATTRIBUTE_PREFIX + key, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return attributes;
}

/** The kept HSDS data of a record: its plain fields, and its nested objects with the relation each belongs to. @internal */
export interface KeptData {
  fields: Record<string, unknown>;
  nested: { relation: HsdsRelation; value: unknown }[];
}

/**
 * Reads the `hsds.*` attributes of a model record of the given HSDS table back. Throws `invalid_model` naming
 * the record and the attribute when one that must hold JSON does not.
 * @internal
 */
export function readKept(fn: string, table: HsdsTableName, label: string, attributes: Attributes | undefined): KeptData {
  const kept: KeptData = { fields: {}, nested: [] };
  if (!attributes) return kept;
  const relations = relationsOf(table);
  for (const key of Object.keys(attributes)) {
    if (!key.startsWith(HSDS_ATTRIBUTE_PREFIX)) continue;
    const property = key.slice(HSDS_ATTRIBUTE_PREFIX.length);
    const value = attributes[key];
    const relation = relations.find((r) => r.property === property && !(r.record && !r.one));
    if (!relation) {
      if (value !== null) Object.defineProperty(kept.fields, property, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = typeof value === "string" ? JSON.parse(value) : undefined;
    } catch {
      parsed = undefined;
    }
    const shapeOk = relation.one ? typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) : Array.isArray(parsed);
    if (!shapeOk) {
      throw new GovGraphError(
        "invalid_model",
        `${fn}: attribute "${key}" of ${label} must hold the JSON text of ${relation.one ? `an HSDS ${relation.table} object` : `a list of HSDS ${relation.table} objects`}. Fix it or remove it.`,
      );
    }
    kept.nested.push({ relation, value: parsed });
  }
  return kept;
}
