/**
 * Open Referral HSDS 3.1 export
 * =============================
 * Writes a model in the Human Services Data Specification's JSON form or as its tabular data package.
 * Mapping and losses: docs/hsds.md.
 * @module
 */
import type { Model } from "../../schemas/model.js";
import { oneOf, resolveOptions } from "../../options.js";
import { modelToTables } from "./from-model.js";
import { tablesToCsv, tablesToJson } from "./write.js";
import { requireModel } from "../../model/require-model.js";

/** Options of {@link toHsds}. */
export interface HsdsExportOptions {
  /** `json`: HSDS objects (default); `csv`: the tabular data package as file name to text. */
  format?: "json" | "csv";
}

/** Defaults of {@link toHsds}. */
export const HSDS_EXPORT_DEFAULTS = { format: "json" } as const satisfies Required<HsdsExportOptions>;

/** An object of HSDS's JSON form: a `service_full`, an organization, or a location. */
export type HsdsObject = Record<string, unknown>;

/**
 * Writes a model as Open Referral HSDS 3.1. `json` gives an array of HSDS objects: one `service_full` per service,
 * then every department as an organization (with the functions it holds as attributes), then the service points
 * that offer no service as locations. `csv` gives the tabular data package: `datapackage.json` and one CSV file per
 * table, with HSDS 3.1's own field lists. Ids that are not UUIDs become name-based UUIDs, the original carried
 * in a `govgraph id` attribute, so that `fromHsds(toHsds(model))` gives the same ids back. Deterministic.
 * @example
 * const services = toHsds(model);                       // service_full objects, then organizations
 * const files = toHsds(model, { format: "csv" });       // { "datapackage.json": ..., "services.csv": ... }
 */
export function toHsds(model: Model, options: { format: "csv" }): Record<string, string>;
export function toHsds(model: Model, options?: { format?: "json" }): HsdsObject[];
export function toHsds(model: Model, options?: HsdsExportOptions): HsdsObject[] | Record<string, string>;
export function toHsds(model: Model, options: HsdsExportOptions = {}): HsdsObject[] | Record<string, string> {
  const fn = "toHsds";
  model = requireModel(fn, model);
  const o = resolveOptions(HSDS_EXPORT_DEFAULTS as Required<HsdsExportOptions>, options, fn, { format: oneOf(["json", "csv"]) });
  const tables = modelToTables(fn, model);
  return o.format === "csv" ? tablesToCsv(tables, model.meta) : tablesToJson(tables);
}
