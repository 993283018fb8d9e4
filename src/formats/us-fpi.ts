/**
 * US Federal Program Inventory
 * ============================
 * Maps the US Federal Program Inventory (FY2024, EOP-OMB/federal-program-inventory, one row per program)
 * onto a govgraph model: agencies and sub-agencies are departments of one national region, "Category -
 * Sub-category" pairs are functions, programs are services performing them, beneficiary types are segments,
 * obligations are the volume.
 * @module
 */
import type { Issue } from "../errors.js";
import type { Model, ModelInput } from "../schemas/model.js";
import { finish, importedModel, issue, readCsvRows, slug, splitList } from "./_csv-rows.js";

/** Options of {@link fromFederalProgramInventory}. */
export interface FederalProgramInventoryOptions {
  /** Throw when a row cannot be mapped (default), or map the rest and return the problems as issues. */
  strict?: boolean;
  /** Departments are sub-agencies under their agency (default), or agencies only. */
  departments?: "sub_agency" | "agency";
}

/** Defaults of {@link fromFederalProgramInventory}. */
export const FEDERAL_PROGRAM_INVENTORY_DEFAULTS = { strict: true, departments: "sub_agency" } as const satisfies Required<FederalProgramInventoryOptions>;

/** The columns the importer reads. */
export const FEDERAL_PROGRAM_INVENTORY_COLUMNS = [
  "id",
  "title",
  "popular_name",
  "agency",
  "sub_agency",
  "program_type",
  "categories",
  "beneficiary_types",
  "applicant_types",
  "assistance_types",
  "authorizations",
  "obligations_2024_usd",
  "objective",
] as const;

/** A model mapped from a catalogue, with the rows that could not be mapped (or were mapped with a warning). */
export interface ImportResult {
  model: Model;
  /** Each problem with its CSV line number as `path[0]`. */
  issues: Issue[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", sect: "§", ndash: "–", mdash: "—" };

/** Decodes the HTML entities the inventory's YAML carries (`&sect;`, `&#39;`...). @internal */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Maps the US Federal Program Inventory CSV (`us-fpi/programs.csv`) onto a valid model.
 * Rows that cannot be mapped are reported with their line numbers; with `{ strict: false }` the rest still maps.
 * @example
 * const { model, issues } = fromFederalProgramInventory(csvText, { strict: false });
 * findDuplication(model).fragmentation;
 */
export function fromFederalProgramInventory(csvText: string, options: FederalProgramInventoryOptions = {}): ImportResult {
  const fn = "fromFederalProgramInventory";
  const o = { ...FEDERAL_PROGRAM_INVENTORY_DEFAULTS, ...options };
  const { rows, issues } = readCsvRows(csvText, fn, ["id", "title", "agency", "categories"]);
  const departments = new Map<string, { id: string; name: string; regionId: string; parentId?: string; kind: string }>();
  const functions = new Map<string, { id: string; name: string; keywords: string[]; category: string }>();
  const segments = new Map<string, { id: string; name: string }>();
  const assignments = new Map<string, { departmentId: string; functionId: string; role: "lead" }>();
  const services: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();

  for (const { line, record } of rows) {
    const get = (c: string) => decodeEntities((record[c] ?? "").trim());
    const id = get("id");
    const title = get("title");
    const agency = get("agency");
    const missing = (["id", "title", "agency"] as const).filter((c) => get(c) === "");
    if (missing.length > 0) {
      issues.push(issue(line, [missing[0]!], "missing_value", `line ${line}: ${missing.join(", ")} is empty`, "error"));
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      issues.push(issue(line, ["id"], "duplicate_id", `line ${line}: program "${id}" was already mapped from line ${first}`, "error"));
      continue;
    }
    const rawObligations = get("obligations_2024_usd");
    let obligations: number | undefined;
    if (rawObligations !== "") {
      const value = Number(rawObligations);
      if (!Number.isFinite(value)) {
        issues.push(issue(line, ["obligations_2024_usd"], "not_a_number", `line ${line}: obligations_2024_usd "${rawObligations}" is not a number`, "error"));
        continue;
      }
      if (value < 0) {
        issues.push(
          issue(line, ["obligations_2024_usd"], "negative_amount", `line ${line}: obligations_2024_usd ${value} is negative (net de-obligation); kept as an attribute, not as volume`, "warning"),
        );
      } else obligations = value;
    }
    seen.set(id, line);

    const agencyId = `agency:${slug(agency)}`;
    if (!departments.has(agencyId)) departments.set(agencyId, { id: agencyId, name: agency, regionId: "us", kind: "agency" });
    let departmentId = agencyId;
    const sub = get("sub_agency");
    // "N/A" stands for no sub-agency in the inventory: such programs belong to the agency itself.
    if (o.departments === "sub_agency" && sub !== "" && sub !== agency && !/^n\/?a$/i.test(sub)) {
      departmentId = `${agencyId}/${slug(sub)}`;
      if (!departments.has(departmentId)) departments.set(departmentId, { id: departmentId, name: sub, regionId: "us", parentId: agencyId, kind: "sub_agency" });
    }

    const functionIds: string[] = [];
    for (const category of splitList(get("categories"))) {
      const functionId = `category:${slug(category)}`;
      if (!functions.has(functionId)) {
        const parts = category.split(" - ").map((p) => p.trim()).filter((p) => p !== "");
        functions.set(functionId, { id: functionId, name: category, keywords: parts, category: parts[0] ?? category });
      }
      if (!functionIds.includes(functionId)) functionIds.push(functionId);
      assignments.set(`${departmentId}\u0000${functionId}`, { departmentId, functionId, role: "lead" });
    }
    const segmentIds: string[] = [];
    for (const beneficiary of splitList(get("beneficiary_types"))) {
      const segmentId = `beneficiary:${slug(beneficiary)}`;
      if (!segments.has(segmentId)) segments.set(segmentId, { id: segmentId, name: beneficiary });
      if (!segmentIds.includes(segmentId)) segmentIds.push(segmentId);
    }
    const attributes: Record<string, string | number> = {};
    const keep = (key: string, value: string) => {
      if (value !== "") attributes[key] = value;
    };
    keep("assistanceListing", id);
    keep("popularName", get("popular_name"));
    keep("programType", get("program_type"));
    keep("applicantTypes", get("applicant_types"));
    keep("assistanceTypes", [...new Set(splitList(get("assistance_types")))].join("|"));
    keep("authorizations", get("authorizations"));
    if (rawObligations !== "") attributes.obligations2024Usd = Number(rawObligations);
    const service: Record<string, unknown> = {
      id: `program:${id}`,
      name: title,
      departmentId,
      functionIds,
      segmentIds,
      channels: [],
      attributes,
    };
    const objective = get("objective");
    if (objective !== "") service.description = objective;
    if (obligations !== undefined) service.annualVolume = obligations;
    if (get("authorizations") !== "") service.published = { legalBasis: true };
    services.push(service);
  }

  finish(fn, issues, o.strict);
  const input: ModelInput = {
    schemaVersion: 1,
    meta: {
      name: "US Federal Program Inventory FY2024",
      source: "EOP-OMB/federal-program-inventory",
      license: "US federal government work (public domain in the US)",
    },
    regions: [{ id: "us", name: "United States", level: "nation" }],
    segments: [...segments.values()],
    departments: [...departments.values()],
    functions: [...functions.values()],
    assignments: [...assignments.values()],
    services: services as ModelInput["services"],
  } as ModelInput;
  return { model: importedModel(fn, input), issues };
}
