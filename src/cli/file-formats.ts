import {
  CSV_FOLDER_FILES,
  csvFolderChunks,
  FEDERAL_PROGRAM_INVENTORY_COLUMNS,
  fromCsvFolder,
  fromFederalProgramInventory,
  fromGcServiceInventory,
  fromHsds,
  fromCpsvAp,
  fromKenyaEcitizen,
  GovGraphError,
  graphmlChunks,
  HSDS_TABLES,
  KENYA_ECITIZEN_FILES,
  toCpsvAp,
  toGexf,
  toHsds,
  toMermaid,
  writeModelStream,
  type ImportResult,
  type Model,
} from "../index.js";
import { folderFiles, readAll, type FolderOutput } from "./folder.js";
import type { CliIo } from "./io.js";

/** An option a format takes on the command line (an `OptionDef` of `import` or `convert`). @internal */
export interface FormatOption {
  type: "string";
  valueHint: string;
  description: string;
  choices?: readonly string[];
  /** The value must be a whole number (checked by the command). */
  integer?: boolean;
}

/** Parsed option values, by option name. @internal */
export type FormatValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** What a reader is given: the input's path (a file or a directory), strictness and the options. @internal */
export interface ReadRequest {
  io: CliIo;
  path: string;
  strict: boolean;
  values: FormatValues;
}

/** How a format is read into a model: what INPUT is, and the library call. @internal */
export interface FormatReader {
  input: "file" | "dir" | "file-or-dir";
  /** What INPUT holds, for help and errors: `programs.csv`, `a folder of ministries.csv, ...`. */
  expects: string;
  options?: Record<string, FormatOption>;
  read(request: ReadRequest): ImportResult | Promise<ImportResult>;
}

/** One file's text, whole or written in chunks. @internal */
export type FileOutput = string | ((write: (chunk: string) => void) => void | Promise<void>);

/** How a model is written in a format: one file or a folder of files, and the library call. @internal */
export interface FormatWriter {
  output: "file" | "dir";
  options?: Record<string, FormatOption>;
  write(model: Model, values: FormatValues): FileOutput | FolderOutput | Promise<FileOutput | FolderOutput>;
}

/**
 * A file format of `govgraph import` (its `read`) and `govgraph convert` (its `write`). Adding a format, or a
 * direction of one, is adding an entry to {@link FILE_FORMATS}.
 * @internal
 */
export interface FileFormat {
  name: string;
  title: string;
  read?: FormatReader;
  write?: FormatWriter;
  /**
   * Whether a file given as a model that is no JSON is in this format, from its name and first line: by itself
   * (`"file"`), or as one file of a folder in this format (`"part"`).
   */
  looksLike?(name: string, firstLine: string): "file" | "part" | undefined;
  /** Whether a JSON value given as a model (one without `schemaVersion`) is in this format. */
  looksLikeJson?(data: unknown): boolean;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const hasSomeKey = (x: unknown, keys: readonly string[]) => isObject(x) && keys.some((key) => Object.hasOwn(x, key));
// Keys of HSDS's service, organization and location objects that a govgraph model never has at its top.
const HSDS_KEYS = ["service_at_locations", "organization", "organization_id", "required_documents", "parent_organization_id", "organization_identifiers", "legal_status", "location_type"];
const hasColumns = (line: string, columns: readonly string[]) => columns.every((c) => line.split(",").some((h) => h.trim().replace(/^"|"$/g, "") === c));
const integer = (values: FormatValues, name: string) => (typeof values[name] === "string" ? Number(values[name]) : undefined);
const each = <T>(items: Iterable<T>, f: (item: T) => void) => {
  for (const item of items) f(item);
};
/** A folder output writing the files `chunks` gives, in order (each file's chunks one after the other). */
const folderOf = (chunks: () => Iterable<{ file: string; text: string }>): FolderOutput => ({ folder: (write) => each(chunks(), ({ file, text }) => write(file, text)) });
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The CSV tables (and `datapackage.json`) of an HSDS folder, read. */
function hsdsTables(io: CliIo, path: string): Record<string, string> {
  const files = readAll(folderFiles(io, path, (name) => name.endsWith(".csv") || name === "datapackage.json"));
  if (!Object.keys(files).some((name) => name.endsWith(".csv"))) {
    throw new GovGraphError("invalid_input", `import hsds: ${path} holds no CSV table. Pass the folder of the HSDS tables (organizations.csv, services.csv, ...).`);
  }
  return files;
}

/** A model's JSON written in chunks, ending with a line break (as `govgraph generate` writes it). @internal */
export function modelJson(model: Model): (write: (chunk: string) => void) => void {
  return (write) => {
    writeModelStream(model, write);
    write("\n");
  };
}

/** Reads a govgraph CSV folder (a directory), every file read when its table is. @internal */
export function readCsvFolderDir(io: CliIo, path: string, strict: boolean): ImportResult {
  return fromCsvFolder(folderFiles(io, path), { strict });
}

// CPSV-AP's options: a reader picks texts in a language, a writer tags them with one (distinct names: `convert`
// takes the options of both sides).
const CPSV_READ: Record<string, FormatOption> = {
  language: { type: "string", valueHint: "TAG", description: "cpsv-ap: the language texts are picked in (default English, then the first)" },
};
const CPSV_WRITE: Record<string, FormatOption> = {
  base: { type: "string", valueHint: "IRI", description: "cpsv-ap: the IRI record IRIs start with (default https://example.org/govgraph/)" },
  "language-tag": { type: "string", valueHint: "TAG", description: "cpsv-ap: the language tag of every text written (default en)" },
};
const cpsvRead =
  (format: "turtle" | "jsonld" | undefined): FormatReader["read"] =>
  ({ io, path, strict, values }) =>
    fromCpsvAp(io.readFile(path), defined({ format, strict, language: values.language as string | undefined }));
const cpsvWrite =
  (format: "turtle" | "jsonld"): FormatWriter["write"] =>
  (model, values) =>
    toCpsvAp(model, defined({ format, base: values.base as string | undefined, language: values["language-tag"] as string | undefined }));

/** Every format `import` reads and `convert` writes, in the order help lists them. @internal */
export const FILE_FORMATS: readonly FileFormat[] = [
  {
    name: "json",
    title: "govgraph model JSON",
    write: { output: "file", write: modelJson },
  },
  {
    name: "csv",
    title: "govgraph CSV folder",
    read: { input: "dir", expects: "a folder of meta.json, regions.csv, departments.csv, ...", read: ({ io, path, strict }) => readCsvFolderDir(io, path, strict) },
    write: { output: "dir", write: (model) => folderOf(() => csvFolderChunks(model)) },
    // govgraph's headers are field names (`id`, `departmentId`, `staff.actual`), never snake_case.
    looksLike: (name, line) => (CSV_FOLDER_FILES.includes(name) && !line.includes("_") ? "part" : undefined),
  },
  {
    name: "us-fpi",
    title: "US Federal Program Inventory",
    read: {
      input: "file",
      expects: "programs.csv",
      options: { departments: { type: "string", valueHint: "sub_agency|agency", choices: ["sub_agency", "agency"], description: "us-fpi: departments are sub-agencies under their agency (default), or agencies only" } },
      read: ({ io, path, strict, values }) =>
        fromFederalProgramInventory(io.readFile(path), defined({ strict, departments: values.departments as "agency" | "sub_agency" | undefined })),
    },
    looksLike: (_, line) => (hasColumns(line, FEDERAL_PROGRAM_INVENTORY_COLUMNS.slice(0, 4)) ? "file" : undefined),
  },
  {
    name: "gc-si",
    title: "Government of Canada Service Inventory",
    read: { input: "file", expects: "si_2024.csv", read: ({ io, path, strict }) => fromGcServiceInventory(io.readFile(path), { strict }) },
    looksLike: (_, line) => (hasColumns(line, ["service_id", "owner_org"]) ? "file" : undefined),
  },
  {
    name: "kenya-ecitizen",
    title: "Kenya eCitizen services",
    read: {
      input: "dir",
      expects: `a folder of ${Object.keys(KENYA_ECITIZEN_FILES).join(", ")}`,
      options: { functions: { type: "string", valueHint: "service_name|none", choices: ["service_name", "none"], description: "kenya-ecitizen: one function per distinct service name (default), or none" } },
      read: ({ io, path, strict, values }) => {
        const files = readAll(folderFiles(io, path, (name) => Object.hasOwn(KENYA_ECITIZEN_FILES, name)));
        return fromKenyaEcitizen(files, defined({ strict, functions: values.functions as "service_name" | "none" | undefined }));
      },
    },
    looksLike: (name, line) => (Object.hasOwn(KENYA_ECITIZEN_FILES, name) && hasColumns(line, KENYA_ECITIZEN_FILES[name as keyof typeof KENYA_ECITIZEN_FILES].slice(0, 1)) ? "part" : undefined),
  },
  {
    name: "hsds",
    title: "Open Referral HSDS 3.1",
    read: {
      input: "file-or-dir",
      expects: "an HSDS JSON file, or a folder of HSDS CSV tables (with or without datapackage.json)",
      read: ({ io, path, strict }) => fromHsds(io.isDirectory(path) ? hsdsTables(io, path) : io.readFile(path), { strict }),
    },
    write: { output: "file", write: (model) => JSON.stringify(toHsds(model), null, 2) + "\n" },
    looksLike: (name, line) => (HSDS_TABLES.some((t) => t.path === name) && hasColumns(line, ["id"]) ? "part" : undefined),
    looksLikeJson: (data) => hasSomeKey(Array.isArray(data) ? data[0] : isObject(data) && Array.isArray(data.items) ? data.items[0] : data, HSDS_KEYS),
  },
  {
    name: "hsds-csv",
    title: "Open Referral HSDS 3.1 (tabular data package)",
    write: { output: "dir", write: (model) => folderOf(() => Object.entries(toHsds(model, { format: "csv" })).map(([file, text]) => ({ file, text }))) },
  },
  {
    name: "cpsv-ap",
    title: "CPSV-AP 3.2 (JSON-LD)",
    read: { input: "file", expects: "a CPSV-AP document: JSON-LD, or Turtle (told apart by the first character)", options: CPSV_READ, read: cpsvRead(undefined) },
    write: { output: "file", options: CPSV_WRITE, write: cpsvWrite("jsonld") },
    looksLikeJson: (data) => hasSomeKey(data, ["@context"]),
  },
  {
    name: "cpsv-ap-turtle",
    title: "CPSV-AP 3.2 (Turtle)",
    read: { input: "file", expects: "a CPSV-AP document in Turtle", options: CPSV_READ, read: cpsvRead("turtle") },
    write: { output: "file", options: CPSV_WRITE, write: cpsvWrite("turtle") },
    looksLike: (name, line) => (/\.ttl$/i.test(name) || /^\s*(@prefix|@base|PREFIX|BASE)\s/i.test(line) ? "file" : undefined),
  },
  {
    name: "graphml",
    title: "GraphML (networkx, Cytoscape, yEd)",
    write: { output: "file", write: (model) => (write) => void each(graphmlChunks(model), write) },
  },
  {
    name: "gexf",
    title: "GEXF 1.3 (Gephi), laid out",
    write: {
      output: "file",
      options: { iterations: { type: "string", valueHint: "N", integer: true, description: "gexf: ForceAtlas2 iterations of the layout (default 100; 0 for a large model)" } },
      write: (model, values) => toGexf(model, defined({ iterations: integer(values, "iterations") })),
    },
  },
  {
    name: "mermaid",
    title: "Mermaid flowchart",
    write: {
      output: "file",
      options: {
        level: { type: "string", valueHint: "department|journey", choices: ["department", "journey"], description: "mermaid: departments sharing functions (default), or one need's journey" },
        id: { type: "string", valueHint: "ID", description: "mermaid: the department (department level) or the need (journey level)" },
      },
      write: (model, values) => toMermaid(model, defined({ level: values.level as "department" | "journey" | undefined, id: values.id as string | undefined })),
    },
  },
];
