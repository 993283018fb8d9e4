/**
 * Duplicate groups: the departments of each duplication finding with the functions concerned, kept once per
 * finding. Which departments duplicate each other is answered from the groups, so a finding with N departments
 * costs N, never the N (N - 1) / 2 pairs it implies (docs/duplication.md, "Duplication").
 * @internal
 * @module
 */
import { buildCsr, type Csr } from "../../graph/csr.js";
import { u32, u8 } from "../typed-column.js";

/** The departments and functions of every duplication finding. @internal */
export class DuplicateGroups {
  private readonly memberStart = u32();
  private readonly members = u32();
  private readonly functionStart = u32();
  private readonly functions = u32();
  private readonly crossLevel = u8();
  private byDepartment: Csr | undefined;

  /** `departmentRegion`: each department's region, for groups where only departments of different levels pair. */
  constructor(
    private readonly nDepartments: number,
    private readonly departmentRegion: Int32Array,
  ) {
    this.memberStart.push(0);
    this.functionStart.push(0);
  }

  /** The number of groups. */
  get size(): number {
    return this.crossLevel.size;
  }

  /**
   * Records a finding: `departments` (sorted, unique) duplicate each other on `functions` (sorted, unique); with
   * `crossLevelOnly`, only departments of different regions do (a vertical function finding).
   */
  add(departments: readonly number[], functions: readonly number[], crossLevelOnly: boolean): void {
    for (const d of departments) this.members.push(d);
    for (const f of functions) this.functions.push(f);
    this.memberStart.push(this.members.size);
    this.functionStart.push(this.functions.size);
    this.crossLevel.push(crossLevelOnly ? 1 : 0);
    this.byDepartment = undefined;
  }

  /** The members of group `g`, sorted (a view). */
  membersOf(g: number): Uint32Array {
    return this.members.data.subarray(this.memberStart.data[g]!, this.memberStart.data[g + 1]!);
  }

  /** The functions of group `g`, sorted (a view). */
  functionsOfGroup(g: number): Uint32Array {
    return this.functions.data.subarray(this.functionStart.data[g]!, this.functionStart.data[g + 1]!);
  }

  /** True when only members of different regions duplicate each other in group `g`. */
  crossLevelOnly(g: number): boolean {
    return this.crossLevel.data[g] === 1;
  }

  /** True when departments `x` and `y` of group `g` duplicate each other there. */
  private pairs(g: number, x: number, y: number): boolean {
    if (x === y || (this.crossLevel.data[g] === 1 && this.departmentRegion[x] === this.departmentRegion[y])) return false;
    return contains(this.membersOf(g), y);
  }

  /** The groups of each department, in group order. */
  private groupsByDepartment(): Csr {
    this.byDepartment ??= buildCsr(this.nDepartments, (emit) => {
      for (let g = 0; g < this.size; g++) for (const d of this.membersOf(g)) emit(d, g);
    });
    return this.byDepartment;
  }

  /** True when departments `x` and `y` are in a duplication finding together (the groups of the one in fewer are tested). */
  has(x: number, y: number): boolean {
    const { offsets, targets } = this.groupsByDepartment();
    const swap = offsets[x + 1]! - offsets[x]! > offsets[y + 1]! - offsets[y]!;
    const a = swap ? y : x;
    const b = swap ? x : y;
    for (let k = offsets[a]!; k < offsets[a + 1]!; k++) if (this.pairs(targets[k]!, a, b)) return true;
    return false;
  }
}

/** True when the increasing list `list` holds `value` (binary search). */
function contains(list: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === value;
}
