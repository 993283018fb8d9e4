/**
 * Service duplication: services of different departments that perform the same functions and serve the same
 * segments in overlapping regions, grouped by their (functions, segments) key so that only services that could
 * duplicate each other are compared, after GAO-15-49SP (docs/duplication.md).
 * @internal
 * @module
 */
import { row } from "../../graph/csr.js";
import type { SegmentId, ServiceId } from "../../schemas/ids.js";
import type { DuplicationContext } from "./context.js";
import { rowKey, sortedUnique } from "./sorted-ints.js";
import type { DuplicationFinding } from "./types.js";

/** Active services that perform at least one function, grouped by their sorted functions and segments. */
function serviceGroups(ctx: DuplicationContext): Map<string, number[]> {
  const { serviceFunctions, serviceSegments } = ctx.index;
  const groups = new Map<string, number[]>();
  for (let s = 0; s < ctx.nS; s++) {
    if (!ctx.active[s] || serviceFunctions.offsets[s + 1] === serviceFunctions.offsets[s]) continue;
    const key = rowKey(serviceFunctions, s) + "|" + rowKey(serviceSegments, s);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  return groups;
}

/** The findings of one group: services of two or more departments meeting in one region or along one chain. */
function groupFindings(ctx: DuplicationContext, group: readonly number[], out: DuplicationFinding[]): void {
  const { chains, index } = ctx;
  const owner = index.serviceDepartment;
  const { offsets: srOffsets, targets: srTargets } = index.serviceRegions;
  // One entry per (service, region served); a service listing a region twice counts once.
  const entryService: number[] = [];
  const entryRegion: number[] = [];
  for (const s of group) {
    for (let k = srOffsets[s]!; k < srOffsets[s + 1]!; k++) {
      entryService.push(s);
      entryRegion.push(srTargets[k]!);
    }
  }
  chains.load(entryService, entryRegion, false);
  const fns = sortedUnique(row(index.serviceFunctions, group[0]!));
  const functionIds = fns.map((f) => ctx.F[f]!);
  const segmentIds = sortedUnique(row(index.serviceSegments, group[0]!)).map((g) => index.segments.ids[g]! as SegmentId);
  const distinctOwners = (services: readonly number[]) => services.some((s) => owner[s] !== owner[services[0]!]);
  const emit = (services: number[], regions: number[], scope: "horizontal" | "vertical") => {
    if (!distinctOwners(services)) return;
    const ids = sortedUnique(services);
    const depts = sortedUnique(ids.map((s) => owner[s]!));
    out.push({
      kind: "service",
      ids: ids.map((s) => index.services.ids[s]! as ServiceId),
      departmentIds: depts.map((d) => ctx.D[d]!),
      scope,
      shared: { functionIds, segmentIds, regionIds: ctx.regionIds(regions) },
    });
    ctx.duplicates.add(depts, fns, false);
  };
  for (const r of chains.regions) {
    if (ctx.horizontalOk && chains.end[r]! - chains.begin[r]! >= 2) emit(chains.here(r), [r], "horizontal");
    if (ctx.verticalOk && chains.up[r]! >= 0 && !chains.inner[r]) emit(chains.chainItems(r), chains.chainRegions(r), "vertical");
  }
}

/** Adds the service-duplication findings to `out` and their department pairs to the context. @internal */
export function findServiceDuplication(ctx: DuplicationContext, out: DuplicationFinding[]): void {
  const owner = ctx.index.serviceDepartment;
  for (const group of serviceGroups(ctx).values()) {
    if (group.length >= 2 && group.some((s) => owner[s] !== owner[group[0]!])) groupFindings(ctx, group, out);
  }
}
