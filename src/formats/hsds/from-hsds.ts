/**
 * Open Referral HSDS 3.1 import
 * =============================
 * Reads the Human Services Data Specification's JSON form (`service_full`, `organization_full`, locations, arrays
 * of them, an API page) or its tabular data package (CSV tables) and maps it onto a govgraph model.
 * Mapping, defaults and losses: docs/hsds.md.
 * @module
 */
import { GovGraphError, type Issue } from "../../errors.js";
import { resolveOptions, type OptionRule } from "../../options.js";
import { importedModel, type ImportResult } from "../imported.js";
import { readJson } from "../json/parse.js";
import { flattenJson } from "./flatten.js";
import { readCsvTables } from "./read-csv.js";
import { checkReferences } from "./references.js";
import { tablesToModel } from "./to-model.js";
import { checkArgument, isJsonData } from "../../guard.js";

/** Options of {@link fromHsds}. */
export interface HsdsImportOptions {
  /** Throw when something cannot be mapped (default), or map the rest and return the problems as issues. */
  strict?: boolean;
  /** The id of the root region every department and service point is given (HSDS has no jurisdictions). */
  rootRegionId?: string;
  /** The name of that root region, also the model's name. */
  rootRegionName?: string;
}

/** Defaults of {@link fromHsds}. */
export const HSDS_IMPORT_DEFAULTS = { strict: true, rootRegionId: "catalogue", rootRegionName: "HSDS catalogue" } as const satisfies Required<HsdsImportOptions>;

/** The HSDS input `fromHsds` reads: JSON text or a parsed value, or the tabular package as file name to CSV text. */
export type HsdsInput = string | Record<string, string> | unknown[] | Record<string, unknown>;

const nonEmpty: OptionRule = (v) => (typeof v === "string" && v !== "" ? undefined : `must be a non-empty string, got ${JSON.stringify(v)}`);

/** Whether the input is a tabular package: an object of strings with a `.csv` file or `datapackage.json`. */
function isTabular(input: object): input is Record<string, string> {
  const keys = Object.keys(input);
  return keys.length > 0 && keys.every((k) => typeof (input as Record<string, unknown>)[k] === "string") && keys.some((k) => k.endsWith(".csv") || k === "datapackage.json");
}


/**
 * Maps Open Referral HSDS 3.1 data onto a valid model: organizations as departments, services, locations as
 * service points, taxonomy terms as functions, service areas as regions, required documents as evidence types;
 * what HSDS says beyond the model (contacts, schedules, phones...) is kept in `attributes` under `hsds.*` keys.
 * Problems come back as issues naming the table, line and column (or the JSON path); in strict mode (the default)
 * any error throws `invalid_input` listing them all.
 * @example
 * const { model, issues } = fromHsds(await (await fetch("service_full.json")).text());
 * const tabular = fromHsds({ "datapackage.json": dp, "services.csv": services, "organizations.csv": orgs }, { strict: false });
 */
export function fromHsds(input: HsdsInput, options: HsdsImportOptions = {}): ImportResult {
  const fn = "fromHsds";
  if (typeof input !== "string") checkArgument(fn, "input", input, isJsonData("HSDS JSON (text or parsed) or the tables of a data package", { array: true }), "Pass a file's text, or an object of file name to CSV text");
  const o = resolveOptions(HSDS_IMPORT_DEFAULTS as Required<HsdsImportOptions>, options, fn, { rootRegionId: nonEmpty, rootRegionName: nonEmpty });
  if (input === null || (typeof input !== "string" && typeof input !== "object")) {
    throw new GovGraphError("invalid_input", `${fn}: expected HSDS JSON (text or parsed) or the tables of a data package, got ${input === null ? "null" : typeof input}. Pass a file's text, or an object of file name to CSV text.`);
  }
  const issues: Issue[] = [];
  const tabular = typeof input === "object" && !Array.isArray(input) && isTabular(input);
  const tables = tabular ? readCsvTables(fn, input as Record<string, string>, issues) : flattenJson(typeof input === "string" ? readJson(input, fn) : input, issues);
  checkReferences(tables, issues, tabular ? "csv" : "json");
  const mapped = tablesToModel(tables, issues, { id: o.rootRegionId, name: o.rootRegionName });
  const errors = issues.filter((i) => i.severity === "error");
  if (o.strict && errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error(s), listed in issues)` : "";
    throw new GovGraphError("invalid_input", `${fn}: ${errors[0]!.message}${more}. Fix the input, or pass { strict: false } to map the rest and get the problems as issues.`, { issues });
  }
  return { model: importedModel(fn, mapped), issues };
}
