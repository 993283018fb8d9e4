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
  type JsonIssue,
  type ValidationResult,
} from "../index.js";
import { progress, type CliIo } from "./io.js";

/** Files above this size (bytes) are read in chunks rather than in one piece. @internal */
export const LARGE_FILE_BYTES = 64 * 1024 * 1024;

/** Reads a model file and validates it, every repeated key an issue; errors as `file:line:column`. @internal */
export function readModelFile(io: CliIo, file: string): ValidationResult {
  const bytes = fileBytes(io, file);
  progress(io, `reading ${file}...`);
  try {
    return validateModelJsonBytes(bytes, { duplicateKeys: "all" });
  } catch (error) {
    throw located(file, error);
  }
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
  else if (error.code === "invalid_encoding") message = `${at}: not UTF-8 text (byte ${issue.offset}): ${reason}. Save the file as UTF-8 and try again.`;
  else message = `${at}: ${error.message.replace(/^\w+: /, "")}`;
  return new GovGraphError(error.code, message, { issues: error.issues, cause: error });
}
