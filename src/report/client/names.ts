import type { RecordTable, ReportData } from "../data/types.js";

const nameOf = (table: RecordTable, i: number) => table.names[i] ?? table.ids[i] ?? `#${i}`;

/** Names of the records a report's rows refer to by position. */
export class Names {
  constructor(readonly data: ReportData) {}

  department(i: number): string {
    return nameOf(this.data.departments, i);
  }
  function(i: number): string {
    return nameOf(this.data.functions, i);
  }
  region(i: number): string {
    return nameOf(this.data.regions, i);
  }
  need(i: number): string {
    return nameOf(this.data.needs, i);
  }
  /** A segment's name; -1 is everyone. */
  segment(i: number): string {
    return i < 0 ? "everyone" : nameOf(this.data.segments, i);
  }
  evidence(i: number): string {
    return nameOf(this.data.evidence, i);
  }
  service(i: number): string {
    return nameOf(this.data.services, i);
  }
  /** Names joined by commas, at most `max` of them and a count of the rest. */
  list(items: readonly number[], name: (i: number) => string, max = 4): string {
    const shown = items.slice(0, max).map(name).join(", ");
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
  }
}
