/**
 * US Federal Program Inventory
 * ============================
 * Maps the US Federal Program Inventory (FY2024, EOP-OMB/federal-program-inventory, one row per program)
 * onto a govgraph model: agencies and sub-agencies are departments of one national region, "Category -
 * Sub-category" pairs are functions, programs are services performing them, beneficiary types are segments,
 * obligations are the volume.
 * @module
 */
import { oneOf, resolveOptions } from "../options.js";
import { readCsvRows, rowIssue, slug, splitList } from "../formats/csv-rows.js";
import type { ImportResult } from "../formats/imported.js";
import { InventoryDraft } from "./inventory-draft.js";

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

type Options = Required<FederalProgramInventoryOptions>;
type Cell = (column: string) => string;

/**
 * Maps the US Federal Program Inventory CSV (`us-fpi/programs.csv`) onto a valid model.
 * Rows that cannot be mapped are reported with their line numbers; with `{ strict: false }` the rest still maps.
 * @example
 * const { model, issues } = fromFederalProgramInventory(csvText, { strict: false });
 * findDuplication(model).fragmentation;
 */
export function fromFederalProgramInventory(csvText: string, options: FederalProgramInventoryOptions = {}): ImportResult {
  const fn = "fromFederalProgramInventory";
  const o = resolveOptions<Options>(FEDERAL_PROGRAM_INVENTORY_DEFAULTS, options, fn, { departments: oneOf(["sub_agency", "agency"]) });
  const { rows, issues } = readCsvRows(csvText, fn, ["id", "title", "agency", "categories"]);
  const draft = new InventoryDraft(fn, issues);
  for (const { line, record } of rows) mapProgram(draft, line, (c) => decodeEntities((record[c] ?? "").trim()), o);
  return draft.finish(
    o.strict,
    { name: "US Federal Program Inventory FY2024", source: "EOP-OMB/federal-program-inventory", license: "US federal government work (public domain in the US)" },
    { id: "us", name: "United States", level: "nation" },
  );
}

/** Maps one program row, or reports why it cannot be mapped. */
function mapProgram(draft: InventoryDraft, line: number, get: Cell, o: Options): void {
  const id = get("id");
  if (draft.lacks(line, get, ["id", "title", "agency"]) || draft.repeats(line, "id", "program", id)) return;
  const obligations = readObligations(draft, line, get("obligations_2024_usd"));
  if (obligations === null) return;
  const departmentId = programDepartment(draft, get, o);
  const functionIds: string[] = [];
  for (const category of splitList(get("categories"))) {
    draft.perform(departmentId, functionIds, `category:${slug(category)}`, () => {
      const parts = category.split(" - ").map((p) => p.trim()).filter((p) => p !== "");
      return { name: category, keywords: parts, category: parts[0] ?? category };
    });
  }
  const segmentIds: string[] = [];
  for (const beneficiary of splitList(get("beneficiary_types"))) draft.target(segmentIds, `beneficiary:${slug(beneficiary)}`, beneficiary);
  const service: Record<string, unknown> = {
    name: get("title"),
    departmentId,
    functionIds,
    segmentIds,
    channels: [],
    attributes: programAttributes(get),
  };
  const objective = get("objective");
  if (objective !== "") service.description = objective;
  if (obligations !== undefined) service.annualVolume = obligations;
  // Every program rests on a law (assistance listings on their authorizing statutes, tax expenditures on the tax
  // code); the inventory publishes the authorizations of some: the legal basis applies to all, published or not.
  service.published = { legalBasis: get("authorizations") !== "" };
  draft.service(line, id, { id: `program:${id}`, ...service });
}

/**
 * The yearly volume from the obligations column: undefined when empty or negative (a net de-obligation, a
 * warning), null when not a number (an error: the row is not mapped).
 */
function readObligations(draft: InventoryDraft, line: number, raw: string): number | undefined | null {
  if (raw === "") return undefined;
  const value = Number(raw);
  const column = "obligations_2024_usd";
  if (!Number.isFinite(value)) {
    draft.issues.push(rowIssue(line, [column], "not_a_number", `line ${line}: ${column} "${raw}" is not a number`, "error"));
    return null;
  }
  if (value >= 0) return value;
  const message = `line ${line}: ${column} ${value} is negative (net de-obligation); kept as an attribute, not as volume`;
  draft.issues.push(rowIssue(line, [column], "negative_amount", message, "warning"));
  return undefined;
}

/** The program's department: its agency, or the sub-agency under it. */
function programDepartment(draft: InventoryDraft, get: Cell, o: Options): string {
  const agency = get("agency");
  const agencyId = draft.department(`agency:${slug(agency)}`, () => ({ name: agency, regionId: "us", kind: "agency" }));
  const sub = get("sub_agency");
  // "N/A" stands for no sub-agency in the inventory: such programs belong to the agency itself.
  if (o.departments !== "sub_agency" || sub === "" || sub === agency || /^n\/?a$/i.test(sub)) return agencyId;
  return draft.department(`${agencyId}/${slug(sub)}`, () => ({ name: sub, regionId: "us", parentId: agencyId, kind: "sub_agency" }));
}

/** What the model has no field for, kept as the program's attributes. */
function programAttributes(get: Cell): Record<string, string | number> {
  const attributes: Record<string, string | number> = {};
  const keep = (key: string, value: string) => {
    if (value !== "") attributes[key] = value;
  };
  keep("assistanceListing", get("id"));
  keep("popularName", get("popular_name"));
  keep("programType", get("program_type"));
  keep("applicantTypes", get("applicant_types"));
  keep("assistanceTypes", [...new Set(splitList(get("assistance_types")))].join("|"));
  keep("authorizations", get("authorizations"));
  const obligations = get("obligations_2024_usd");
  if (obligations !== "") attributes.obligations2024Usd = Number(obligations);
  return attributes;
}
