import type { DuplicationReport } from "../../index.js";
import { position, round4, share, type Positions, type ServiceRefs } from "./records.js";
import type { DuplicationData, DuplicationRow, FragmentationRow, GraphData, NearDuplicateRow, OverlapRow, RecordTable } from "./types.js";

/** Shared items of an overlap finding shown by name in the table; the count says how many there are. */
const OVERLAP_EXAMPLES = 3;

/** The duplication section: its summary, the laid-out graph and the four lists of findings. @internal */
export function duplicationData(report: DuplicationReport, pos: Positions, services: ServiceRefs, graph: GraphData, names: { functions: RecordTable; needs: RecordTable; segments: RecordTable }): DuplicationData {
  const s = report.summary;
  const held = s.heldFunctions > 0;
  const fragmentation: FragmentationRow[] = report.fragmentation.map((f) => [
    f.kind === "function" ? 0 : 1,
    position(f.kind === "function" ? pos.functions : pos.needs, f.id),
    position(pos.regions, f.regionId),
    round4(f.hhi),
    Math.round(f.effectiveNumber * 100) / 100,
    f.departmentIds.map((id) => position(pos.departments, id)),
  ]);
  const duplication: DuplicationRow[] = report.duplication.map((x) => [
    x.kind === "function" ? 0 : 1,
    x.kind === "function" ? [position(pos.functions, x.id)] : x.ids.map((id) => services.ref(id)),
    x.departmentIds.map((id) => position(pos.departments, id)),
    x.scope === "horizontal" ? 0 : 1,
    (x.kind === "function" ? x.regionIds : x.shared.regionIds).map((id) => position(pos.regions, id)),
    x.kind === "function" ? [] : x.shared.functionIds.map((id) => position(pos.functions, id)),
    x.kind === "function" ? [] : x.shared.segmentIds.map((id) => position(pos.segments, id)),
  ]);
  const basisOf = { functions: [0, pos.functions, names.functions], needs: [1, pos.needs, names.needs], segments: [2, pos.segments, names.segments] } as const;
  const overlap: OverlapRow[] = report.overlap.map((o) => {
    const [basis, at, table] = basisOf[o.basis];
    const examples = o.shared.slice(0, OVERLAP_EXAMPLES).map((id) => table.names[position(at, id)]!);
    return [position(pos.departments, o.departmentIds[0]), position(pos.departments, o.departmentIds[1]), round4(o.score), basis, o.shared.length, examples];
  });
  const nearDuplicates: NearDuplicateRow[] = report.nearDuplicateFunctions.map((x) => [position(pos.functions, x.functionIds[0]), position(pos.functions, x.functionIds[1]), round4(x.similarity)]);
  return {
    summary: {
      functions: s.functions,
      heldFunctions: s.heldFunctions,
      duplicatedFunctions: s.duplicatedFunctions,
      fragmentedFunctions: s.fragmentedFunctions,
      duplicatedShare: held ? share(s.duplicatedShare) : null,
      fragmentedShare: held ? share(s.fragmentedShare) : null,
      duplicatedServices: s.duplicatedServices,
    },
    graph,
    duplication,
    fragmentation,
    overlap,
    nearDuplicates,
  };
}
