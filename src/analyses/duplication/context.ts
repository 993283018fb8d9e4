/**
 * What every phase of the duplication analysis reads: the model's index, the resolved options, which services
 * take part and their volumes, and the department pairs found duplicating each other so far.
 * @internal
 * @module
 */
import { ROLE_LEAD, ROLE_SUPPORT, type ModelIndex } from "../../graph/index-model.js";
import type { DepartmentId, FunctionId, RegionId } from "../../schemas/ids.js";
import type { Model } from "../../schemas/model.js";
import { DuplicateGroups } from "./duplicate-groups.js";
import { PriorFindings, startLog, type KeptFindings } from "./kept-findings.js";
import { RegionChains } from "./region-chains.js";
import { sortedUnique } from "./sorted-ints.js";
import type { DuplicationOptions } from "./types.js";

/** The options of `findDuplication` with every default filled in. @internal */
export type ResolvedDuplicationOptions = Required<DuplicationOptions>;

/** The shared state of one duplication analysis. @internal */
export class DuplicationContext {
  readonly nD: number;
  readonly nF: number;
  readonly nS: number;
  readonly nN: number;
  readonly D: readonly DepartmentId[];
  readonly R: readonly RegionId[];
  readonly F: readonly FunctionId[];
  readonly deptRegion: Int32Array;
  readonly include: ReadonlySet<string>;
  /** 1 for the roles that count as holding a function (indexed by `ROLE_LEAD`, `ROLE_SUPPORT`). */
  readonly allowRole = new Uint8Array(2);
  /** 1 for a service that takes part: retired services take part in nothing (docs/duplication.md). */
  readonly active: Uint8Array;
  /** Each service's `annualVolume`, NaN when unknown. */
  readonly volumeOf: Float64Array;
  readonly horizontalOk: boolean;
  readonly verticalOk: boolean;
  /** Reused by every phase that arranges departments or services along the region tree. */
  readonly chains: RegionChains;
  /** The departments of each duplication finding, with the functions concerned (which pairs are duplicates). */
  readonly duplicates: DuplicateGroups;
  /** The findings of the model this one was made from, for the functions and needs whose inputs are the same. */
  readonly prior: PriorFindings | undefined;
  /** Where the findings of each function and need are kept for models made from this one (a validated model). */
  readonly log: KeptFindings | undefined;

  /** `internal`: the report stays with the caller, so kept findings go into it as they are (frozen), not copied. */
  constructor(
    readonly model: Model,
    readonly index: ModelIndex,
    readonly o: ResolvedDuplicationOptions,
    readonly internal = false,
  ) {
    this.nD = index.departments.ids.length;
    this.nF = index.functions.ids.length;
    this.nS = index.services.ids.length;
    this.nN = index.needs.ids.length;
    this.D = index.departments.ids as DepartmentId[];
    this.R = index.regions.ids as RegionId[];
    this.F = index.functions.ids as FunctionId[];
    this.deptRegion = index.departmentRegion;
    this.include = new Set<string>(o.include);
    for (const role of o.roles) this.allowRole[role === "lead" ? ROLE_LEAD : ROLE_SUPPORT] = 1;
    this.active = new Uint8Array(this.nS);
    this.volumeOf = new Float64Array(this.nS).fill(NaN);
    for (let s = 0; s < this.nS; s++) {
      const service = model.services[s]!;
      // Planned services take part: a duplicate is worth finding before it opens.
      this.active[s] = service.status === "retired" ? 0 : 1;
      if (service.annualVolume !== undefined) this.volumeOf[s] = service.annualVolume;
    }
    this.horizontalOk = o.scope !== "vertical";
    this.verticalOk = o.scope !== "horizontal";
    this.chains = new RegionChains(index.regionTree);
    this.duplicates = new DuplicateGroups(this.nD, this.deptRegion);
    this.prior = PriorFindings.of(model, index, o);
    this.log = startLog(model, o, this.nF, this.nN);
  }

  /** The ids of a list of regions, sorted and unique. */
  regionIds(regions: readonly number[]): RegionId[] {
    return sortedUnique(regions).map((r) => this.R[r]!);
  }
}
