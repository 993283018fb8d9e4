/**
 * Trees with constant-time ancestor tests, from the entry and exit times of one iterative depth-first walk (the
 * parenthesis theorem, Cormen et al., Introduction to Algorithms, 3rd ed., section 22.3).
 */
import { GovGraphError } from "../errors.js";
import { csrFromPairs, type Csr } from "./csr.js";
import { uint32s } from "../typed-arrays.js";

/** A forest given by parent indexes, with constant-time ancestor tests. */
export interface Tree {
  /** The parent of each node, or -1 for a root. */
  readonly parent: Int32Array;
  /** Depth of each node (roots are 0). */
  readonly depth: Uint32Array;
  /** Children of each node. */
  readonly children: Csr;
  /** Entry time of each node in one depth-first walk: sorting nodes by it lists them in pre-order. */
  readonly preorder: Uint32Array;
  /** True when `a` is `b` or one of its ancestors. */
  isAncestorOrSelf(a: number, b: number): boolean;
}

/** `0, 1, ..., n - 1`. @internal */
export function identity(n: number): Uint32Array {
  const out = uint32s(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** A CSR without the extra fields the builders return. @internal */
export function plain(csr: Csr): Csr {
  return { offsets: csr.offsets, targets: csr.targets };
}

/** The forest of `parentOf` (-1 for a root); a cycle is an `invalid_model` error. @internal */
export function buildTree(parentOf: Int32Array): Tree {
  const n = parentOf.length;
  const children = plain(csrFromPairs(n, parentOf, identity(n)));
  const depth = new Uint32Array(n);
  const enter = new Uint32Array(n);
  const exit = new Uint32Array(n);
  // Iterative depth-first walk (trees can be deep), numbering entry and exit times for ancestor tests.
  const stack = new Int32Array(n);
  const next = new Uint32Array(n);
  let clock = 0;
  for (let root = 0; root < n; root++) {
    if (parentOf[root]! >= 0) continue;
    let top = 0;
    stack[0] = root;
    next[root] = children.offsets[root]!;
    enter[root] = clock++;
    while (top >= 0) {
      const node = stack[top]!;
      if (next[node]! < children.offsets[node + 1]!) {
        const child = children.targets[next[node]!++]!;
        depth[child] = depth[node]! + 1;
        next[child] = children.offsets[child]!;
        enter[child] = clock++;
        stack[++top] = child;
      } else {
        exit[node] = clock++;
        top--;
      }
    }
  }
  if (clock !== 2 * n) {
    throw new GovGraphError("invalid_model", "indexModel: a parentId cycle was found. Run validateModel first.");
  }
  return {
    parent: parentOf,
    depth,
    children,
    preorder: enter,
    isAncestorOrSelf: (a, b) => enter[a]! <= enter[b]! && exit[b]! <= exit[a]!,
  };
}
