/** Compressed sparse rows: the targets of row `i` are `targets[offsets[i] .. offsets[i + 1])`. */
export interface Csr {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
}

/** The targets of row `i`, as a view (no copy). */
export function row(csr: Csr, i: number): Uint32Array {
  return csr.targets.subarray(csr.offsets[i]!, csr.offsets[i + 1]!);
}

/** The number of targets of row `i`. */
export function degree(csr: Csr, i: number): number {
  return csr.offsets[i + 1]! - csr.offsets[i]!;
}

/**
 * Builds a CSR of `rows` rows from a visitor that calls `emit(row, target)` for every pair, in two passes
 * (count, then fill), so no intermediate array of pairs is held. Targets keep their emission order within a row.
 * @internal
 */
export function buildCsr(rows: number, visit: (emit: (row: number, target: number) => void) => void): Csr {
  const offsets = new Uint32Array(rows + 1);
  visit((r) => {
    offsets[r + 1]!++;
  });
  for (let i = 0; i < rows; i++) offsets[i + 1]! += offsets[i]!;
  const targets = new Uint32Array(offsets[rows]!);
  const cursor = offsets.slice(0, rows);
  visit((r, t) => {
    targets[cursor[r]!++] = t;
  });
  return { offsets, targets };
}

/** The reverse relation: row `t` of the result lists every row that points to `t`, in increasing order. @internal */
export function transpose(csr: Csr, columns: number): Csr {
  const rows = csr.offsets.length - 1;
  return buildCsr(columns, (emit) => {
    for (let r = 0; r < rows; r++) {
      for (let k = csr.offsets[r]!; k < csr.offsets[r + 1]!; k++) emit(csr.targets[k]!, r);
    }
  });
}
