/**
 * Kenya eCitizen
 * ==============
 * Maps the Kenya eCitizen services dataset (karaalv/kenya-ecitizen-services-dataset: ministries, departments,
 * agencies and services linked by stable hash ids) onto a govgraph model: ministries, departments and agencies
 * form one department tree in a national region, each service belongs to its agency and is offered online, and
 * (by default) each distinct service name is a function held by every agency offering a service of that name, so
 * that `findDuplication` finds the names repeated across agencies. See docs/real-data.md.
 * @module
 */
import { GovGraphError } from "../errors.js";
import { readCsvRows, slug, type CsvRow } from "../formats/csv-rows.js";
import { importedModel } from "../formats/imported.js";
import { csvHeader } from "../formats/csv-folder/drafts.js";
import { csvIssue, refuseOnErrors, sortCsvIssues, type CsvImportResult, type CsvIssue } from "../formats/csv-folder/issues.js";
import { oneOf, resolveOptions } from "../options.js";
import type { ModelInput } from "../schemas/model.js";
import { checkArgument, isJsonData } from "../guard.js";

/** Options of {@link fromKenyaEcitizen}. */
export interface KenyaEcitizenOptions {
  /** Throw when a row cannot be mapped (default), or map the rest and return the problems as issues. */
  strict?: boolean;
  /** `service_name` (default): one function per distinct service name (case and punctuation ignored); `none`: no functions. */
  functions?: "service_name" | "none";
}

/** Defaults of {@link fromKenyaEcitizen}. */
export const KENYA_ECITIZEN_DEFAULTS = { strict: true, functions: "service_name" } as const satisfies Required<KenyaEcitizenOptions>;

/** The files the importer reads, with the columns each must have. */
export const KENYA_ECITIZEN_FILES = {
  "ministries.csv": ["ministry_id", "ministry_name"],
  "departments.csv": ["department_id", "ministry_id", "department_name"],
  "agencies.csv": ["agency_id", "ministry_id", "department_id", "agency_name"],
  "services.csv": ["service_id", "agency_id", "department_id", "ministry_id", "service_name"],
} as const;

type FileName = keyof typeof KENYA_ECITIZEN_FILES;
type Rec = Record<string, unknown>;
const FN = "fromKenyaEcitizen";
const FILES = Object.keys(KENYA_ECITIZEN_FILES) as FileName[];

/** Checks that every file is there with its columns, reporting every missing column at once. */
function checkFiles(files: Readonly<Record<string, unknown>>): void {
  const missing: CsvIssue[] = [];
  for (const file of FILES) {
    const text = files[file];
    if (typeof text !== "string") {
      throw new GovGraphError("invalid_input", `${FN}: ${Object.hasOwn(files, file) ? `the file "${file}" is not text` : `no file "${file}"`}. Pass the four files ${FILES.join(", ")} as { "${file}": text, ... }.`);
    }
    const header = csvHeader(text);
    for (const column of KENYA_ECITIZEN_FILES[file]) {
      if (!header.includes(column)) missing.push(csvIssue(file, 1, column, "missing_column", `the header has no column "${column}"`));
    }
  }
  if (missing.length > 0) {
    throw new GovGraphError("invalid_input", `${FN}: ${missing[0]!.message}${missing.length > 1 ? ` (and ${missing.length - 1} more, listed in issues)` : ""}. Pass the files of the eCitizen dataset (see docs/real-data.md).`, { issues: missing });
  }
}

/** Reads one file's rows, naming the file in every problem. */
function rowsOf(files: Readonly<Record<string, unknown>>, file: FileName, issues: CsvIssue[]): CsvRow[] {
  const { rows, issues: found } = readCsvRows(files[file] as string, FN, []);
  for (const i of found) issues.push(csvIssue(file, i.path[0] as number, "", i.code, i.message.replace(/^line \d+: /, "")));
  return rows;
}

/** One mapped table: the records by source id, and the issue-reporting context. */
class Mapper {
  readonly issues: CsvIssue[] = [];
  readonly records = new Map<string, Map<string, { record: Rec; row: Record<string, string> }>>();

  /** The row's trimmed values, or undefined (with an error) when one of `required` is empty or the id repeats. */
  take(file: FileName, { line, record }: CsvRow, idColumn: string, required: readonly string[]): Record<string, string> | undefined {
    const row: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) row[key] = (value ?? "").trim();
    const empty = required.find((c) => row[c] === "");
    if (empty !== undefined) {
      this.issues.push(csvIssue(file, line, empty, "missing_value", `${empty} is empty; the row is not mapped`));
      return undefined;
    }
    if (this.table(file).has(row[idColumn]!)) {
      this.issues.push(csvIssue(file, line, idColumn, "duplicate_id", `${idColumn} ${JSON.stringify(row[idColumn])} is repeated; the first row is kept`));
      return undefined;
    }
    return row;
  }

  table(file: FileName): Map<string, { record: Rec; row: Record<string, string> }> {
    let table = this.records.get(file);
    if (table === undefined) this.records.set(file, (table = new Map()));
    return table;
  }

  /** The parent row named by `column`, or undefined (with an error) when the parent file has no such id. */
  parent(file: FileName, line: number, row: Record<string, string>, column: string, parentFile: FileName) {
    const found = this.table(parentFile).get(row[column]!);
    if (found === undefined) this.issues.push(csvIssue(file, line, column, "unknown_reference", `${column} ${JSON.stringify(row[column])} is not in ${parentFile} (or was not mapped); the row is not mapped`));
    return found;
  }

  /** A warning when the row's `column` disagrees with its parent's. */
  agree(file: FileName, line: number, row: Record<string, string>, parentRow: Record<string, string>, column: string): void {
    if (row[column] !== parentRow[column]) {
      this.issues.push(csvIssue(file, line, column, "inconsistent_parent", `${column} ${JSON.stringify(row[column])} differs from its parent's (${JSON.stringify(parentRow[column])}); the parent's is kept`, "warning"));
    }
  }
}

/** `attributes` from the non-empty values among `columns`, renamed; counts become numbers. */
function attributesOf(row: Record<string, string>, columns: Record<string, string>): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {};
  for (const [column, key] of Object.entries(columns)) {
    const value = row[column] ?? "";
    if (value === "") continue;
    out[key] = key.endsWith("Count") && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const withAttributes = (record: Rec, attributes: Rec | undefined): Rec => (attributes ? { ...record, attributes } : record);

/** Ministries, departments and agencies as departments, each under its parent. */
function mapTree(files: Readonly<Record<string, unknown>>, m: Mapper): void {
  for (const r of rowsOf(files, "ministries.csv", m.issues)) {
    const row = m.take("ministries.csv", r, "ministry_id", ["ministry_id", "ministry_name"]);
    if (!row) continue;
    const attributes = attributesOf(row, { ministry_description: "description", ministry_url: "url", reported_agency_count: "reportedAgencyCount", reported_service_count: "reportedServiceCount" });
    const record = withAttributes({ id: `ministry:${row.ministry_id}`, name: row.ministry_name, regionId: "ke", kind: "ministry" }, attributes);
    m.table("ministries.csv").set(row.ministry_id!, { record, row });
  }
  for (const r of rowsOf(files, "departments.csv", m.issues)) {
    const row = m.take("departments.csv", r, "department_id", ["department_id", "ministry_id", "department_name"]);
    const ministry = row && m.parent("departments.csv", r.line, row, "ministry_id", "ministries.csv");
    if (!row || !ministry) continue;
    const record = withAttributes({ id: `department:${row.department_id}`, name: row.department_name, regionId: "ke", parentId: ministry.record.id, kind: "department" }, attributesOf(row, { ministry_departments_url: "url" }));
    m.table("departments.csv").set(row.department_id!, { record, row });
  }
  for (const r of rowsOf(files, "agencies.csv", m.issues)) {
    const row = m.take("agencies.csv", r, "agency_id", ["agency_id", "department_id", "agency_name"]);
    const department = row && m.parent("agencies.csv", r.line, row, "department_id", "departments.csv");
    if (!row || !department) continue;
    m.agree("agencies.csv", r.line, row, department.row, "ministry_id");
    const attributes = attributesOf(row, { agency_description: "description", agency_url: "url" });
    const record = withAttributes({ id: `agency:${row.agency_id}`, name: row.agency_name, regionId: "ke", parentId: department.record.id, kind: "agency" }, attributes);
    m.table("agencies.csv").set(row.agency_id!, { record, row });
  }
}

/** Services under their agencies; with `service_name`, one function per distinct name, held by its agencies. */
function mapServices(files: Readonly<Record<string, unknown>>, m: Mapper, byName: KenyaEcitizenOptions["functions"]) {
  const functions = new Map<string, Rec>();
  const assignments = new Map<string, Rec>();
  const services: Rec[] = [];
  for (const r of rowsOf(files, "services.csv", m.issues)) {
    const row = m.take("services.csv", r, "service_id", ["service_id", "agency_id", "service_name"]);
    const agency = row && m.parent("services.csv", r.line, row, "agency_id", "agencies.csv");
    if (!row || !agency) continue;
    m.agree("services.csv", r.line, row, agency.row, "department_id");
    m.agree("services.csv", r.line, row, agency.row, "ministry_id");
    const agencyId = agency.record.id as string;
    const service: Rec = { id: `service:${row.service_id}`, name: row.service_name, departmentId: agencyId, channels: [{ kind: "online" }] };
    if (row.service_description) service.description = row.service_description;
    if (byName === "service_name") {
      const functionId = `service-name:${slug(row.service_name!)}`;
      if (!functions.has(functionId)) functions.set(functionId, { id: functionId, name: row.service_name });
      assignments.set(`${agencyId}\u0000${functionId}`, { departmentId: agencyId, functionId, role: "lead" });
      service.functionIds = [functionId];
    }
    services.push(withAttributes(service, attributesOf(row, { service_url: "url", requirements: "requirements" })));
    m.table("services.csv").set(row.service_id!, { record: service, row });
  }
  return { functions, assignments, services };
}

/**
 * Maps the Kenya eCitizen dataset (`kenya-ecitizen/{ministries,departments,agencies,services}.csv`, file name ->
 * text) onto a valid model: 27 ministries, 54 departments and 286 agencies as one department tree, 5,489 services
 * each under its agency, and one function per distinct service name. Every problem comes back with its file, line
 * and column; with `{ strict: false }` the rows that can be mapped still are.
 * @example
 * const { model } = fromKenyaEcitizen({ "ministries.csv": m, "departments.csv": d, "agencies.csv": a, "services.csv": s });
 * findDuplication(model).duplication; // service names offered by several agencies
 */
export function fromKenyaEcitizen(files: Readonly<Record<string, string>>, options: KenyaEcitizenOptions = {}): CsvImportResult {
  checkArgument(FN, "files", files, isJsonData("an object of file names and texts"), 'Pass { "ministries.csv": text, ... }');
  const o = resolveOptions(KENYA_ECITIZEN_DEFAULTS, options, FN, { functions: oneOf(["service_name", "none"]) });
  if (typeof files !== "object" || files === null || Array.isArray(files)) {
    throw new GovGraphError("invalid_input", `${FN}: expected an object of file names and texts, got ${Array.isArray(files) ? "an array" : typeof files}. Pass { "ministries.csv": text, ... }.`);
  }
  checkFiles(files);
  const m = new Mapper();
  for (const name of Object.keys(files)) if (!FILES.includes(name as FileName)) m.issues.push(csvIssue(name, 1, "", "unknown_file", "not a file of the eCitizen dataset; ignored", "warning"));
  mapTree(files, m);
  const { functions, assignments, services } = mapServices(files, m, o.functions);
  const issues = sortCsvIssues(m.issues, FILES);
  refuseOnErrors(FN, issues, o.strict);
  const tree = (["ministries.csv", "departments.csv", "agencies.csv"] as const).flatMap((f) => [...m.table(f).values()].map((v) => v.record));
  const input = {
    schemaVersion: 1,
    meta: { name: "Kenya eCitizen services (2026-02 snapshot)", source: "karaalv/kenya-ecitizen-services-dataset (ecitizen.go.ke)", license: "CC BY 4.0" },
    regions: [{ id: "ke", name: "Kenya", level: "nation" }],
    departments: tree,
    functions: [...functions.values()],
    assignments: [...assignments.values()],
    services,
  } as unknown as ModelInput;
  return { model: importedModel(FN, input), issues };
}
