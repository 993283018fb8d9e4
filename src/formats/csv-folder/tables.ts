/**
 * The layout of a CSV folder: one table per collection, and one per list of nested records (a service's channels,
 * a need's journey...), each with its columns in order. The writer and the reader both follow this list, so it is
 * the one place that says which field goes in which column.
 * @module
 */
import type { CollectionName } from "../../schemas/model.js";

/**
 * How a column's cells are written: `text` as is, `number`, `boolean`, `list` (absent when empty), `ids` (a list
 * the model always has, empty cell = empty list), `attributes` (JSON), `rows` (`[]` when the record has the nested
 * list but it is empty; otherwise empty, the rows of the nested table being the list).
 * @internal
 */
export type CellKind = "text" | "number" | "boolean" | "list" | "ids" | "attributes" | "rows";

/** One column: its header (the field's path joined by dots), the field's path in the record, its kind. @internal */
export interface Column {
  name: string;
  path: readonly [string] | readonly [string, string];
  kind: CellKind;
  /** A record without this field is invalid: a file without the column is refused. */
  required: boolean;
}

/** One CSV file of the folder. @internal */
export interface Table {
  file: string;
  collection: CollectionName;
  /** For a table of nested records: the owner's list field and the column holding the owner's id. */
  nested?: { field: string; ownerColumn: string };
  columns: readonly Column[];
}

/** `name*` is required, `name:kind` has a kind other than text, `a.b` is a field of an object field. */
function columns(spec: string): Column[] {
  return spec.split(" ").map((item) => {
    const [head, kind = "text"] = item.split(":") as [string, CellKind?];
    const required = head.endsWith("*");
    const name = required ? head.slice(0, -1) : head;
    const path = name.split(".") as [string] | [string, string];
    return { name, path, kind, required };
  });
}

const USER = "tags:list attributes:attributes";

/** Every file of a CSV folder but `meta.json`, in the order they are written; nested tables follow their owner. @internal */
export const TABLES: readonly Table[] = [
  { file: "regions.csv", collection: "regions", columns: columns(`id* name* parentId level population:number location.lat:number location.lon:number ${USER}`) },
  { file: "segments.csv", collection: "segments", columns: columns(`id* name* description ${USER}`) },
  {
    file: "departments.csv",
    collection: "departments",
    columns: columns(`id* name* regionId* parentId level kind staff.authorized:number staff.actual:number budget:number identifiers:rows ${USER}`),
  },
  {
    file: "department-identifiers.csv",
    collection: "departments",
    nested: { field: "identifiers", ownerColumn: "departmentId" },
    columns: columns("scheme* id*"),
  },
  { file: "functions.csv", collection: "functions", columns: columns(`id* name* description category domain legalBasis:rows keywords:list ${USER}`) },
  { file: "function-legal-bases.csv", collection: "functions", nested: { field: "legalBasis", ownerColumn: "functionId" }, columns: columns("title* uri") },
  { file: "assignments.csv", collection: "assignments", columns: columns(`departmentId* functionId* role ${USER}`) },
  {
    file: "services.csv",
    collection: "services",
    columns: columns(
      "id* name* description departmentId* partnerIds:list functionIds:ids needIds:ids segmentIds:ids regionIds:list evidence:rows " +
        "processingDays:number fee:number annualVolume:number status published.guide:boolean published.legalBasis:boolean " +
        "published.fee:boolean published.processingTime:boolean published.channels:boolean published.contact:boolean " +
        `quality.satisfaction:number quality.onTimeRate:number ${USER}`,
    ),
  },
  {
    file: "service-channels.csv",
    collection: "services",
    nested: { field: "channels", ownerColumn: "serviceId" },
    columns: columns(`kind* endToEnd:boolean visits:number processingDays:number fee:number capacity:number ${USER}`),
  },
  { file: "service-evidence.csv", collection: "services", nested: { field: "evidence", ownerColumn: "serviceId" }, columns: columns("evidenceId* source*") },
  { file: "needs.csv", collection: "needs", columns: columns(`id* name* kind* segmentIds:ids demand:rows weight:number journey:rows ${USER}`) },
  {
    file: "need-demand.csv",
    collection: "needs",
    nested: { field: "demand", ownerColumn: "needId" },
    columns: columns(`regionId* segmentId volume*:number ${USER}`),
  },
  { file: "need-journey.csv", collection: "needs", nested: { field: "journey", ownerColumn: "needId" }, columns: columns(`serviceId* after:list ${USER}`) },
  { file: "evidence.csv", collection: "evidence", columns: columns(`id* name* issuerId ${USER}`) },
  {
    file: "service-points.csv",
    collection: "servicePoints",
    columns: columns(`id* name* regionId* location.lat:number location.lon:number serviceIds:ids capacity:number kind ${USER}`),
  },
  { file: "travel-costs.csv", collection: "travelCosts", columns: columns(`regionId* pointId* cost*:number ${USER}`) },
];

/** The file holding the model's `schemaVersion` and `meta`. @internal */
export const META_FILE = "meta.json";

/** The names of every file of a CSV folder, in the order they are written. */
export const CSV_FOLDER_FILES: readonly string[] = [META_FILE, ...TABLES.map((t) => t.file)];

/** The table of a collection's records, or of one of its nested lists. @internal */
export function tableOf(collection: CollectionName, nestedField?: string): Table | undefined {
  return TABLES.find((t) => t.collection === collection && t.nested?.field === nestedField);
}
