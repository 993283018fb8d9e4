/**
 * Government of Canada Service Inventory
 * ======================================
 * Maps Canada's GC Service Inventory (gcperformance/service-data, `si_2024.csv`) onto a govgraph model:
 * owner organisations are departments of one national region, programs are functions, services perform them,
 * client target groups are segments, channels come from the online-stage flags and per-channel volumes.
 * @module
 */
import { resolveOptions } from "../options.js";
import type { Channel } from "../schemas/service.js";
import { readCsvRows, rowIssue, splitList } from "../formats/csv-rows.js";
import type { ImportResult } from "../formats/imported.js";
import { InventoryDraft } from "./inventory-draft.js";

/** Options of {@link fromGcServiceInventory}. */
export interface GcServiceInventoryOptions {
  /** Throw when a row cannot be mapped (default), or map the rest and return the problems as issues. */
  strict?: boolean;
}

/** Defaults of {@link fromGcServiceInventory}. */
export const GC_SERVICE_INVENTORY_DEFAULTS = { strict: true } as const satisfies Required<GcServiceInventoryOptions>;

/** Names of the inventory's client target group codes. */
export const GC_TARGET_GROUPS: Readonly<Record<string, string>> = {
  PERSON: "Individuals",
  ECONOM: "Businesses and economic segments",
  NGO: "Non-profit organisations",
  PTC: "Provinces, territories and communities",
  INTERN_GOV: "Federal government organisations",
  FOR: "Foreign entities",
};

const VOLUME_COLUMNS = [
  "num_phone_enquiries",
  "num_applications_by_phone",
  "num_website_visits",
  "num_applications_online",
  "num_applications_in_person",
  "num_applications_by_mail",
  "num_applications_by_email",
  "num_applications_by_fax",
  "num_applications_by_other",
  "num_applications_total",
] as const;

/** Splits the inventory's quoted program-name lists: `'A', 'B'` -> [A, B]. @internal */
export function splitQuoted(value: string): string[] {
  const quoted = [...value.matchAll(/'((?:[^']|'(?!\s*,\s*'|\s*$))*)'/g)].map((m) => m[1]!.trim());
  return quoted.length > 0 ? quoted : splitList(value, ",");
}

type Cell = (column: string) => string;
type Volumes = Partial<Record<(typeof VOLUME_COLUMNS)[number], number>>;

/**
 * Maps the GC Service Inventory CSV (`canada-gc-si/si_2024.csv`) onto a valid model.
 * Rows that cannot be mapped are reported with their line numbers; with `{ strict: false }` the rest still maps
 * (a repeated service id keeps its first row).
 * @example
 * const { model, issues } = fromGcServiceInventory(csvText, { strict: false });
 * findDuplication(model).duplication;
 */
export function fromGcServiceInventory(csvText: string, options: GcServiceInventoryOptions = {}): ImportResult {
  const fn = "fromGcServiceInventory";
  const o = resolveOptions<Required<GcServiceInventoryOptions>>(GC_SERVICE_INVENTORY_DEFAULTS, options, fn);
  const { rows, issues } = readCsvRows(csvText, fn, ["service_id", "service_name_en", "owner_org", "owner_org_title", "program_id"]);
  const draft = new InventoryDraft(fn, issues);
  for (const { line, record } of rows) mapService(draft, line, (c) => (record[c] ?? "").trim());
  return draft.finish(
    o.strict,
    {
      name: "Government of Canada Service Inventory 2023-24",
      source: "gcperformance/service-data",
      license: "Contains information licensed under the Open Government Licence - Canada",
    },
    { id: "ca", name: "Canada", level: "nation" },
  );
}

/** Maps one service row, or reports why it cannot be mapped. */
function mapService(draft: InventoryDraft, line: number, get: Cell): void {
  const serviceId = get("service_id");
  if (draft.lacks(line, get, ["service_id", "service_name_en", "owner_org"]) || draft.repeats(line, "service_id", "service", serviceId)) return;
  const volumes = readVolumes(draft, line, get);
  if (volumes === undefined) return;
  const org = get("owner_org");
  const departmentId = draft.department(`org:${org}`, () => ({
    name: get("owner_org_title").split(" | ")[0]!.trim() || org,
    regionId: "ca",
    identifiers: [{ scheme: "gc-owner-org", id: org }],
  }));
  const functionIds = programs(draft, line, get, departmentId);
  const segmentIds: string[] = [];
  for (const group of splitList(get("client_target_groups"), ",")) draft.target(segmentIds, `target:${group}`, GC_TARGET_GROUPS[group] ?? group);
  const attributes: Record<string, string | number | boolean> = { fiscalYear: get("fiscal_yr"), serviceFee: get("service_fee").toUpperCase() === "Y" };
  for (const c of ["service_type", "service_recipient_type", "service_scope", "service_name_fr"]) if (get(c) !== "") attributes[c] = get(c);
  for (const [column, value] of Object.entries(volumes)) attributes[column] = value;
  const service: Record<string, unknown> = {
    name: get("service_name_en"),
    departmentId,
    functionIds,
    segmentIds,
    channels: channels(get, volumes),
    attributes,
  };
  const description = get("service_description_en");
  if (description !== "") service.description = description;
  if (volumes.num_applications_total !== undefined) service.annualVolume = volumes.num_applications_total;
  const uri = get("service_uri_en");
  if (uri !== "" && uri !== "NA") service.published = { guide: true };
  draft.service(line, serviceId, { id: `service:${serviceId}`, ...service });
}

/** The row's volumes (the inventory's NA and ND markers left out); undefined, with an error, when one is not a count. */
function readVolumes(draft: InventoryDraft, line: number, get: Cell): Volumes | undefined {
  const volumes: Volumes = {};
  const bad: string[] = [];
  for (const column of VOLUME_COLUMNS) {
    const raw = get(column);
    // NA (not applicable) and ND (no data) are the inventory's own markers for an unknown volume.
    if (raw === "" || raw === "NA" || raw === "ND") continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) bad.push(`${column} "${raw}"`);
    else volumes[column] = value;
  }
  if (bad.length === 0) return volumes;
  draft.issues.push(rowIssue(line, [bad[0]!.split(" ")[0]!], "not_a_number", `line ${line}: ${bad.join(", ")} is not a count`, "error"));
  return undefined;
}

/** The service's programs as functions of its department (names matched to codes by position). */
function programs(draft: InventoryDraft, line: number, get: Cell, departmentId: string): string[] {
  const codes = splitList(get("program_id"), ",");
  const namesEn = splitQuoted(get("program_name_en"));
  const namesFr = splitQuoted(get("program_name_fr"));
  if (codes.length > 0 && namesEn.length !== codes.length) {
    draft.issues.push(
      rowIssue(line, ["program_name_en"], "list_mismatch", `line ${line}: ${codes.length} program ids but ${namesEn.length} names; names matched by position`, "warning"),
    );
  }
  const functionIds: string[] = [];
  codes.forEach((code, k) => {
    draft.perform(departmentId, functionIds, `program:${code}`, () => {
      const attributes: { programCode: string; nameFr?: string } = { programCode: code };
      if (namesFr[k]) attributes.nameFr = namesFr[k];
      return { name: namesEn[k] || code, attributes };
    });
  });
  return functionIds;
}

/** Channels from the online-stage flags and the per-channel volumes. */
function channels(get: Cell, volumes: Volumes): Channel[] {
  const flag = (c: string) => get(c).toUpperCase();
  const out: Channel[] = [];
  const onlineStages = ["os_application", "os_decision", "os_issuance"].map(flag);
  if (flag("os_application") === "Y" || (volumes.num_applications_online ?? 0) > 0) {
    const endToEnd = onlineStages[0] === "Y" && onlineStages.every((s) => s === "Y" || s === "NA");
    out.push({ kind: "online", endToEnd });
  }
  if ((volumes.num_applications_in_person ?? 0) > 0) out.push({ kind: "in_person" });
  if ((volumes.num_applications_by_phone ?? 0) > 0 || (volumes.num_phone_enquiries ?? 0) > 0) out.push({ kind: "phone" });
  if ((volumes.num_applications_by_mail ?? 0) > 0 || (volumes.num_applications_by_fax ?? 0) > 0) out.push({ kind: "mail" });
  return out;
}
