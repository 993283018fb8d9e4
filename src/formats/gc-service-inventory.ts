/**
 * Government of Canada Service Inventory
 * ======================================
 * Maps Canada's GC Service Inventory (gcperformance/service-data, `si_2024.csv`) onto a govgraph model:
 * owner organisations are departments of one national region, programs are functions, services perform them,
 * client target groups are segments, channels come from the online-stage flags and per-channel volumes.
 * @module
 */
import type { ModelInput } from "../schemas/model.js";
import type { Channel } from "../schemas/service.js";
import { finish, importedModel, issue, readCsvRows, splitList } from "./_csv-rows.js";
import type { ImportResult } from "./us-fpi.js";

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
  const o = { ...GC_SERVICE_INVENTORY_DEFAULTS, ...options };
  const { rows, issues } = readCsvRows(csvText, fn, ["service_id", "service_name_en", "owner_org", "owner_org_title", "program_id"]);
  const departments = new Map<string, { id: string; name: string; regionId: string; identifiers: { scheme: string; id: string }[] }>();
  const functions = new Map<string, { id: string; name: string; attributes: { programCode: string; nameFr?: string } }>();
  const segments = new Map<string, { id: string; name: string }>();
  const assignments = new Map<string, { departmentId: string; functionId: string; role: "lead" }>();
  const services: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();

  for (const { line, record } of rows) {
    const get = (c: string) => (record[c] ?? "").trim();
    const missing = ["service_id", "service_name_en", "owner_org"].filter((c) => get(c) === "");
    if (missing.length > 0) {
      issues.push(issue(line, [missing[0]!], "missing_value", `line ${line}: ${missing.join(", ")} is empty`, "error"));
      continue;
    }
    const serviceId = get("service_id");
    const first = seen.get(serviceId);
    if (first !== undefined) {
      issues.push(issue(line, ["service_id"], "duplicate_id", `line ${line}: service "${serviceId}" was already mapped from line ${first}`, "error"));
      continue;
    }
    const volumes: Partial<Record<(typeof VOLUME_COLUMNS)[number], number>> = {};
    const bad: string[] = [];
    for (const column of VOLUME_COLUMNS) {
      const raw = get(column);
      // NA (not applicable) and ND (no data) are the inventory's own markers for an unknown volume.
      if (raw === "" || raw === "NA" || raw === "ND") continue;
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) bad.push(`${column} "${raw}"`);
      else volumes[column] = value;
    }
    if (bad.length > 0) {
      issues.push(issue(line, [bad[0]!.split(" ")[0]!], "not_a_number", `line ${line}: ${bad.join(", ")} is not a count`, "error"));
      continue;
    }
    seen.set(serviceId, line);

    const org = get("owner_org");
    const departmentId = `org:${org}`;
    if (!departments.has(departmentId)) {
      const title = get("owner_org_title").split(" | ")[0]!.trim() || org;
      departments.set(departmentId, { id: departmentId, name: title, regionId: "ca", identifiers: [{ scheme: "gc-owner-org", id: org }] });
    }
    const codes = splitList(get("program_id"), ",");
    const namesEn = splitQuoted(get("program_name_en"));
    const namesFr = splitQuoted(get("program_name_fr"));
    if (codes.length > 0 && namesEn.length !== codes.length) {
      issues.push(issue(line, ["program_name_en"], "list_mismatch", `line ${line}: ${codes.length} program ids but ${namesEn.length} names; names matched by position`, "warning"));
    }
    const functionIds: string[] = [];
    codes.forEach((code, k) => {
      const functionId = `program:${code}`;
      if (!functions.has(functionId)) {
        const attributes: { programCode: string; nameFr?: string } = { programCode: code };
        if (namesFr[k]) attributes.nameFr = namesFr[k];
        functions.set(functionId, { id: functionId, name: namesEn[k] || code, attributes });
      }
      if (!functionIds.includes(functionId)) functionIds.push(functionId);
      assignments.set(`${departmentId}\u0000${functionId}`, { departmentId, functionId, role: "lead" });
    });
    const segmentIds: string[] = [];
    for (const group of splitList(get("client_target_groups"), ",")) {
      const segmentId = `target:${group}`;
      if (!segments.has(segmentId)) segments.set(segmentId, { id: segmentId, name: GC_TARGET_GROUPS[group] ?? group });
      if (!segmentIds.includes(segmentId)) segmentIds.push(segmentId);
    }

    const flag = (c: string) => get(c).toUpperCase();
    const channels: Channel[] = [];
    const onlineStages = ["os_application", "os_decision", "os_issuance"].map(flag);
    if (flag("os_application") === "Y" || (volumes.num_applications_online ?? 0) > 0) {
      const endToEnd = onlineStages[0] === "Y" && onlineStages.every((s) => s === "Y" || s === "NA");
      channels.push({ kind: "online", endToEnd });
    }
    if ((volumes.num_applications_in_person ?? 0) > 0) channels.push({ kind: "in_person" });
    if ((volumes.num_applications_by_phone ?? 0) > 0 || (volumes.num_phone_enquiries ?? 0) > 0) channels.push({ kind: "phone" });
    if ((volumes.num_applications_by_mail ?? 0) > 0 || (volumes.num_applications_by_fax ?? 0) > 0) channels.push({ kind: "mail" });

    const attributes: Record<string, string | number | boolean> = { fiscalYear: get("fiscal_yr"), serviceFee: flag("service_fee") === "Y" };
    for (const c of ["service_type", "service_recipient_type", "service_scope", "service_name_fr"]) if (get(c) !== "") attributes[c] = get(c);
    for (const [column, value] of Object.entries(volumes)) attributes[column] = value;
    const service: Record<string, unknown> = {
      id: `service:${serviceId}`,
      name: get("service_name_en"),
      departmentId,
      functionIds,
      segmentIds,
      channels,
      attributes,
    };
    const description = get("service_description_en");
    if (description !== "") service.description = description;
    if (volumes.num_applications_total !== undefined) service.annualVolume = volumes.num_applications_total;
    const uri = get("service_uri_en");
    if (uri !== "" && uri !== "NA") service.published = { guide: true };
    services.push(service);
  }

  finish(fn, issues, o.strict);
  const input = {
    schemaVersion: 1,
    meta: {
      name: "Government of Canada Service Inventory 2023-24",
      source: "gcperformance/service-data",
      license: "Contains information licensed under the Open Government Licence - Canada",
    },
    regions: [{ id: "ca", name: "Canada", level: "nation" }],
    segments: [...segments.values()],
    departments: [...departments.values()],
    functions: [...functions.values()],
    assignments: [...assignments.values()],
    services,
  } as unknown as ModelInput;
  return { model: importedModel(fn, input), issues };
}
