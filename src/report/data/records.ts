import { GovGraphError, type Model } from "../../index.js";
import type { RecordTable, ServiceTable, Share } from "./types.js";

/** Rounds a share or a score to four decimals: enough for a percentage with two. @internal */
export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * A share or score read from an analysis report: a finite number, or null when the report has none. Also reads
 * a basis object (`{ value, ... }`), the shape reports take where they say why a value is missing.
 * @internal
 */
export function share(x: unknown): Share {
  if (typeof x === "number") return Number.isFinite(x) ? round4(x) : null;
  if (x !== null && typeof x === "object" && "value" in x) return share((x as { value: unknown }).value);
  return null;
}

/** The words for the reasons analysis reports give for a missing value. */
const REASONS: Readonly<Record<string, string>> = { no_data: "no data", no_demand: "no demand data", not_applicable: "not applicable", not_computed: "not computed" };

/** Why a report value is missing: its own `reason` when it gives one (in words), else `fallback`; null when it has a value. @internal */
export function reasonOf(x: unknown, fallback: string): string | null {
  if (share(x) !== null) return null;
  if (x !== null && typeof x === "object" && "reason" in x && typeof (x as { reason: unknown }).reason === "string") {
    const reason = (x as { reason: string }).reason;
    return REASONS[reason] ?? reason;
  }
  return fallback;
}

/** Ids and names of a collection, in the model's order, and the position of each id. @internal */
export function recordTable(records: readonly { id: string; name: string }[]): { table: RecordTable; at: Map<string, number> } {
  const ids = records.map((r) => r.id);
  return { table: { ids, names: records.map((r) => r.name) }, at: new Map(ids.map((id, i) => [id, i])) };
}

/** Position of an id in a table made by {@link recordTable}. @internal */
export function position(at: ReadonlyMap<string, number>, id: string): number {
  const i = at.get(id);
  if (i === undefined) throw notInModel(id);
  return i;
}

/** A report that names a record the model lacks was computed from another model. */
function notInModel(id: string): GovGraphError {
  return new GovGraphError("invalid_input", `renderReport: a report names ${JSON.stringify(id)}, which is not in the model. Pass reports computed from this model, or none.`);
}

/** The services a report refers to, added on first use so that only those are embedded. @internal */
export class ServiceRefs {
  readonly table: ServiceTable = { ids: [], names: [], department: [] };
  private readonly at = new Map<string, number>();
  private byId: Map<string, Model["services"][number]> | undefined;

  constructor(
    private readonly model: Model,
    private readonly departments: ReadonlyMap<string, number>,
  ) {}

  /** The service record with this id. */
  record(id: string): Model["services"][number] {
    this.byId ??= new Map(this.model.services.map((s) => [s.id, s]));
    const s = this.byId.get(id);
    if (!s) throw notInModel(id);
    return s;
  }

  /** The position of a service in the table, adding it when new. */
  ref(id: string): number {
    let i = this.at.get(id);
    if (i === undefined) {
      const s = this.record(id);
      i = this.table.ids.length;
      this.at.set(id, i);
      this.table.ids.push(s.id);
      this.table.names.push(s.name);
      this.table.department.push(position(this.departments, s.departmentId));
    }
    return i;
  }
}

/** The position of every id of a model's collections the report interns. @internal */
export interface Positions {
  departments: Map<string, number>;
  functions: Map<string, number>;
  regions: Map<string, number>;
  needs: Map<string, number>;
  segments: Map<string, number>;
  evidence: Map<string, number>;
}
