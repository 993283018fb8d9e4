/**
 * Reading model files
 * ===================
 * A JSON file is read as bytes: strict UTF-8 (a byte that is not is an error, never a U+FFFD that could merge two
 * ids), every object checked for a key that appears twice, arrays parsed in batches. A file over
 * `LARGE_FILE_BYTES` is read in chunks, so that a 1 GB file is never held whole beside the model it becomes;
 * a smaller one in one read. Errors say where: `file:line:column`.
 */
import {
  GovGraphError,
  parseJsonBytes,
  validateModelJsonBytes,
  type EncodingIssue,
  type JsonBytes,
  type JsonBytesValidation,
  type JsonIssue,
} from "../index.js";
import { progress, type CliIo } from "./io.js";
import { notJsonError, otherJsonError, startsLikeJson } from "./sniff.js";

/** Files above this size (bytes) are read in chunks rather than in one piece. @internal */
export const LARGE_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a model file and validates it, every repeated key an issue; errors as `file:line:column`. A file that is
 * no JSON, or JSON of another format, is `unsupported_format` saying what it looks like (see sniff.ts). @internal
 */
export function readModelFile(io: CliIo, file: string): JsonBytesValidation {
  progress(io, `reading ${file}...`);
  const bytes = fileBytes(io, file);
  const head = headText(bytes);
  // Not UTF-8 at its start (a UTF-16 file, a stray byte): the reader says so, with the encoding it sees.
  const undecodable = head.charCodeAt(0) === 0xfffd || head.charCodeAt(0) === 0;
  if (!undecodable && !startsLikeJson(head)) throw notJsonError(file, head);
  progress(io, `parsing ${file}...`);
  let result: JsonBytesValidation;
  try {
    result = validateModelJsonBytes(bytes, { duplicateKeys: "all" });
  } catch (error) {
    throw located(file, error);
  }
  const other = result.ok ? undefined : otherJsonError(file, result.data);
  if (other) throw other;
  return result;
}

/** How much of a file is looked at to tell what it is. */
const HEAD_BYTES = 4096;

/** The first bytes of a file as text (a chunked file's first chunk), to tell what the file is. */
function headText(bytes: JsonBytes): string {
  let first: Uint8Array | undefined;
  if (bytes instanceof Uint8Array) first = bytes;
  else for (const chunk of bytes) {
    first = chunk;
    break;
  }
  return new TextDecoder().decode((first ?? new Uint8Array(0)).subarray(0, HEAD_BYTES));
}

/** Reads a JSON file that is not a model (scenario operations) the same way. @internal */
export function readJsonFile(io: CliIo, file: string): unknown {
  try {
    return parseJsonBytes(fileBytes(io, file), { duplicateKeys: "all" });
  } catch (error) {
    throw located(file, error);
  }
}

/** The file's bytes: in chunks when it is large, else at once (a test's `io` may only serve text). */
function fileBytes(io: CliIo, file: string): JsonBytes {
  const size = io.fileSize?.(file);
  if (io.readChunks && size !== undefined && size > LARGE_FILE_BYTES) return io.readChunks(file);
  if (io.readBytes) return io.readBytes(file);
  return new TextEncoder().encode(io.readFile(file));
}

/** An error of the bytes as `file:line:column: what is wrong`; any other error as it is. */
function located(file: string, error: unknown): unknown {
  if (!(error instanceof GovGraphError)) return error;
  const issue = error.issues[0] as (JsonIssue & Partial<EncodingIssue>) | undefined;
  if (!issue || issue.line === undefined) return error;
  const at = `${file}:${issue.line}:${issue.column}`;
  const reason = issue.message.replace(/^(line \d+, column \d+( \(byte \d+\))?|byte \d+): /, "");
  let message: string;
  if (error.code === "invalid_json" && issue.code === "invalid_json") message = `${at}: malformed JSON: ${reason}. Fix the JSON and try again.`;
  else if (error.code === "invalid_json") message = `${at}: ${reason}`; // repeated keys outside a model
  else if (error.code === "invalid_encoding" && issue.offset === 0 && /^the file is /.test(reason)) message = `${file}: ${error.message.replace(/^\w+: /, "")}`;
  else if (error.code === "invalid_encoding") {
    const what = issue.pointer ? `, at ${issue.pointer}` : "";
    message = `${at}: not UTF-8 text (byte ${issue.offset}${what}): ${reason}. Save the file as UTF-8 and try again.`;
  }
  else message = `${at}: ${error.message.replace(/^\w+: /, "")}`;
  return new GovGraphError(error.code, message, { issues: error.issues, cause: error });
}
