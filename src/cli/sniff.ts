import { basename, dirname, join } from "node:path";
import { GovGraphError } from "../index.js";
import { FILE_FORMATS, type FileFormat } from "./file-formats.js";

/** The first line of a text, a byte order mark left out. */
function firstLine(head: string): string {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  return text.split(/\r?\n/, 1)[0] ?? "";
}

/** A header as a message shows it: quoted, cut to 120 characters. */
const shown = (line: string) => JSON.stringify(line.length > 120 ? `${line.slice(0, 120)}...` : line);

/** What a text that is not JSON looks like: `a CSV file (header "id,title,...")`. */
function describe(head: string): string {
  const line = firstLine(head);
  if (/^\s*</.test(line)) return "an XML or HTML file";
  if (/^\s*(@prefix|@base|PREFIX|BASE)\s/im.test(head)) return "an RDF Turtle file";
  if (line.includes("\t")) return `a tab-separated file (header ${shown(line.replace(/\t/g, " | "))})`;
  if (line.includes(",")) return `a CSV file (header ${shown(line)})`;
  return `text starting ${JSON.stringify(line.slice(0, 40))}`;
}

/** Whether a file's first bytes start a JSON value, after a byte order mark and blanks. @internal */
export function startsLikeJson(head: string): boolean {
  // A lone scalar ("x", 3, null) is JSON too, though no model: validation says so.
  return /^\uFEFF?\s*[[{]/.test(head) || /^\uFEFF?\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)?\s*$/.test(head);
}

/** The sentence naming the format and the command that imports `input`, or the generic advice. */
function advice(format: FileFormat | undefined, input: string): string {
  if (format?.name === "csv") return `Pass its folder, ${input}, as the model`;
  if (format?.read === undefined) return "Pass a model JSON file or a CSV folder, or import it first (govgraph import --help lists the formats it reads)";
  return `Import it first: govgraph import ${format.name} ${input} --out model.json`;
}

/**
 * The error for a file given as a model that is not JSON: what it looks like and, when one of `FILE_FORMATS` knows
 * it, the `govgraph import` command that reads it (given the file's folder when the file is part of one). @internal
 */
export function notJsonError(path: string, head: string): GovGraphError {
  const line = firstLine(head);
  let part = false;
  const format = FILE_FORMATS.find((f) => {
    const kind = f.read ? f.looksLike?.(basename(path), line) : undefined;
    part = kind === "part";
    return kind !== undefined;
  });
  const what = `${describe(head)}${format ? `, ${format.title}${part ? " (one file of a folder)" : ""}` : ""}`;
  return new GovGraphError("unsupported_format", `loadModel: ${path} is not a model JSON file: it looks like ${what}. ${advice(format, part ? dirname(path) : path)}.`);
}

/**
 * The error for JSON given as a model that is in another format (no `schemaVersion`, and a format of
 * `FILE_FORMATS` recognises it), or undefined. @internal
 */
export function otherJsonError(path: string, data: unknown): GovGraphError | undefined {
  if (typeof data !== "object" || data === null || (!Array.isArray(data) && Object.hasOwn(data, "schemaVersion"))) return undefined;
  const format = FILE_FORMATS.find((f) => f.read && f.looksLikeJson?.(data));
  const linked = !Array.isArray(data) && Object.hasOwn(data, "@context");
  if (format === undefined && !linked) return undefined;
  const what = format ? format.title : "JSON-LD (linked data)";
  return new GovGraphError("unsupported_format", `loadModel: ${path} is not a model JSON file: it looks like ${what}. ${advice(format, path)}.`);
}

/**
 * The error for a directory given as a model that is no govgraph CSV folder (`heads`: the first bytes of each of
 * its files), or undefined when it is one. @internal
 */
export function notCsvFolderError(path: string, heads: Readonly<Record<string, string>>): GovGraphError | undefined {
  const files = Object.entries(heads).map(([name, head]) => [name, firstLine(head)] as const);
  const claims = (f: FileFormat) => files.some(([name, line]) => f.looksLike?.(name, line) !== undefined);
  if (FILE_FORMATS.some((f) => f.name === "csv" && claims(f))) return undefined;
  const names = files.map(([name]) => name);
  const holds = names.length === 0 ? "holds no file" : `holds ${names.slice(0, 4).join(", ")}${names.length > 4 ? ", ..." : ""}`;
  const start = `loadModel: ${path} is not a govgraph CSV folder (meta.json, regions.csv, departments.csv, ...): it ${holds}`;
  // A file that a format reads whole, known by its columns, says more than a file name that a folder format has too
  // (HSDS has a programs.csv, and so does the US inventory).
  for (const [name, line] of files) {
    const whole = FILE_FORMATS.find((f) => f.read && f.looksLike?.(name, line) === "file");
    if (whole) return new GovGraphError("unsupported_format", `${start}; ${name} looks like ${whole.title}. ${advice(whole, join(path, name))}.`);
  }
  const format = FILE_FORMATS.find((f) => f.read && f.read.input !== "file" && claims(f));
  const like = format ? `, like ${format.title}` : "";
  return new GovGraphError("unsupported_format", `${start}${like}. ${advice(format, path)}.`);
}
