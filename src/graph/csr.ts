import { checkArgument, checkArguments, describeArgument, type ArgumentRule } from "../guard.js";
import { integerIn } from "../options.js";
import { uint32Copy, uint32s, uint8s } from "../typed-arrays.js";

/** Compressed sparse rows: the targets of row `i` are `targets[offsets[i] .. offsets[i + 1])`. */
export interface Csr {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
}

/**
 * Gets the targets of row `i`, as a view (no copy).
 * @example
 * const index = indexModel(model);
 * const bureaus = getRow(index.functionDepartments, index.functions.of.get("f-licence")!);
 */
export function getRow(csr: Csr, i: number): Uint32Array {
  return rowOf("getRow", csr, i);
}

/**
 * Gets the number of targets of row `i`.
 * @example
 * const index = indexModel(model);
 * const services = getDegree(index.departmentServices, index.departments.of.get("edu")!);
 */
export function getDegree(csr: Csr, i: number): number {
  return degreeOf("getDegree", csr, i);
}

function rowOf(fn: string, csr: Csr, i: number): Uint32Array {
  if (!isRowOf(csr, i)) checkRow(fn, csr, i);
  return csr.targets.subarray(csr.offsets[i]!, csr.offsets[i + 1]!);
}

function degreeOf(fn: string, csr: Csr, i: number): number {
  if (!isRowOf(csr, i)) checkRow(fn, csr, i);
  return csr.offsets[i + 1]! - csr.offsets[i]!;
}

/** Whether `i` is a row of `csr` (the fast path of the argument check: a few comparisons). */
function isRowOf(csr: Csr, i: number): boolean {
  try {
    return csr.offsets instanceof Uint32Array && csr.targets instanceof Uint32Array && Number.isInteger(i) && i >= 0 && i < csr.offsets.length - 1;
  } catch {
    return false;
  }
}

const isCsr: ArgumentRule = (v) =>
  typeof v === "object" && v !== null && (v as Csr).offsets instanceof Uint32Array && (v as Csr).targets instanceof Uint32Array
    ? undefined
    : `must be a relation of indexModel's result (a Csr of Uint32Array offsets and targets), got ${describeArgument(v)}`;

/** Throws the `invalid_input` error of a bad `csr` or row `i`. */
function checkRow(fn: string, csr: Csr, i: number): void {
  checkArguments(fn, [["csr", csr, isCsr]], "Pass a relation of indexModel(model), such as index.departmentFunctions");
  const rows = csr.offsets.length - 1;
  checkArgument(fn, "i", i, integerIn(0, rows - 1), `Pass a dense index below ${rows}, such as index.departments.of.get(id)`);
}

/**
 * The targets of row `i`, as a view (no copy).
 * @deprecated Use {@link getRow}; `row` stays as an alias.
 */
export const row = (csr: Csr, i: number): Uint32Array => rowOf("row", csr, i);

/**
 * The number of targets of row `i`.
 * @deprecated Use {@link getDegree}; `degree` stays as an alias.
 */
export const degree = (csr: Csr, i: number): number => degreeOf("degree", csr, i);

/**
 * Builds a CSR of `rows` rows from a visitor that calls `emit(row, target)` for every pair, in two passes
 * (count, then fill), so no intermediate array of pairs is held. Targets keep their emission order within a row.
 * @internal
 */
export function buildCsr(rows: number, visit: (emit: (row: number, target: number) => void) => void): Csr {
  const offsets = uint32s(rows + 1);
  visit((r) => {
    offsets[r + 1]!++;
  });
  for (let i = 0; i < rows; i++) offsets[i + 1]! += offsets[i]!;
  const targets = uint32s(offsets[rows]!);
  const cursor = uint32Copy(offsets, rows);
  visit((r, t) => {
    targets[cursor[r]!++] = t;
  });
  return { offsets, targets };
}

/**
 * Builds a CSR of `rows` rows from parallel arrays of pairs `(from[k], to[k])` by counting sort; targets keep the
 * pairs' order within a row. Pairs whose `from` is negative are skipped. When `values` is given, the result's
 * `values` are aligned with its targets.
 * @internal
 */
export function csrFromPairs(
  rows: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  values?: Uint8Array,
): Csr & { values: Uint8Array | undefined } {
  const n = from.length;
  const offsets = uint32s(rows + 1);
  for (let k = 0; k < n; k++) {
    const r = from[k]!;
    if (r >= 0) offsets[r + 1]!++;
  }
  for (let i = 0; i < rows; i++) offsets[i + 1]! += offsets[i]!;
  const targets = uint32s(offsets[rows]!);
  const aligned = values ? uint8s(targets.length) : undefined;
  const cursor = uint32Copy(offsets, rows);
  for (let k = 0; k < n; k++) {
    const r = from[k]!;
    if (r < 0) continue;
    const at = cursor[r]!++;
    targets[at] = to[k]!;
    if (aligned) aligned[at] = values![k]!;
  }
  return { offsets, targets, values: aligned };
}

/**
 * The reverse relation: row `t` of the result lists every row that points to `t`, in increasing order.
 * When `values` (aligned with `csr.targets`) is given, the result's `values` are aligned with its targets.
 * @internal
 */
export function transpose(csr: Csr, columns: number, values?: Uint8Array): Csr & { values: Uint8Array | undefined } {
  const rows = csr.offsets.length - 1;
  const { offsets: src, targets: dst } = csr;
  const offsets = uint32s(columns + 1);
  for (let k = 0; k < dst.length; k++) offsets[dst[k]! + 1]!++;
  for (let i = 0; i < columns; i++) offsets[i + 1]! += offsets[i]!;
  const targets = uint32s(dst.length);
  const aligned = values ? uint8s(dst.length) : undefined;
  const cursor = uint32Copy(offsets, columns);
  for (let r = 0; r < rows; r++) {
    for (let k = src[r]!, end = src[r + 1]!; k < end; k++) {
      const at = cursor[dst[k]!]!++;
      targets[at] = r;
      if (aligned) aligned[at] = values![k]!;
    }
  }
  return { offsets, targets, values: aligned };
}
