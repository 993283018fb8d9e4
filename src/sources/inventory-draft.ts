import { GovGraphError, type Issue } from "../errors.js";
import { rowIssue } from "../formats/csv-rows.js";
import { importedModel, type ImportResult } from "../formats/imported.js";
import type { ModelInput } from "../schemas/model.js";

type Draft = { id: string } & Record<string, unknown>;

/**
 * The records an importer maps from the rows of a national inventory, row by row: each record kept once (from the
 * first row naming it), each function lead-assigned to the department of a service performing it, every problem an
 * issue at its CSV line.
 * @internal
 */
export class InventoryDraft {
  private readonly departments = new Map<string, Draft>();
  private readonly functions = new Map<string, Draft>();
  private readonly segments = new Map<string, Draft>();
  private readonly assignments = new Map<string, { departmentId: string; functionId: string; role: "lead" }>();
  private readonly services: Draft[] = [];
  /** The line each service's row id was mapped from. */
  private readonly lines = new Map<string, number>();

  constructor(
    private readonly fn: string,
    readonly issues: Issue[],
  ) {}

  /** Reports a row lacking a value in any of `columns` (an error naming them all); true when it does. */
  lacks(line: number, get: (column: string) => string, columns: readonly string[]): boolean {
    const missing = columns.filter((c) => get(c) === "");
    if (missing.length === 0) return false;
    this.issues.push(rowIssue(line, [missing[0]!], "missing_value", `line ${line}: ${missing.join(", ")} is empty`, "error"));
    return true;
  }

  /** Reports a row whose `id` (in `column`, naming a `what`) an earlier row mapped already; true when it does. */
  repeats(line: number, column: string, what: string, id: string): boolean {
    const first = this.lines.get(id);
    if (first === undefined) return false;
    this.issues.push(rowIssue(line, [column], "duplicate_id", `line ${line}: ${what} "${id}" was already mapped from line ${first}`, "error"));
    return true;
  }

  /** Adds a department unless one has its id; returns the id. */
  department(id: string, make: () => Omit<Draft, "id">): string {
    if (!this.departments.has(id)) this.departments.set(id, { id, ...make() });
    return id;
  }

  /** Adds a function unless one has its id, lead-assigns it to the department and lists it once in `functionIds`. */
  perform(departmentId: string, functionIds: string[], id: string, make: () => Omit<Draft, "id">): void {
    if (!this.functions.has(id)) this.functions.set(id, { id, ...make() });
    if (!functionIds.includes(id)) functionIds.push(id);
    this.assignments.set(`${departmentId}\u0000${id}`, { departmentId, functionId: id, role: "lead" });
  }

  /** Adds a segment unless one has its id, and lists it once in `segmentIds`. */
  target(segmentIds: string[], id: string, name: string): void {
    if (!this.segments.has(id)) this.segments.set(id, { id, name });
    if (!segmentIds.includes(id)) segmentIds.push(id);
  }

  /** Adds the service mapped from the row at `line` whose id was `rowId`. */
  service(line: number, rowId: string, service: Draft): void {
    this.lines.set(rowId, line);
    this.services.push(service);
  }

  /**
   * The model of every record added, in one region, validated, with the issues in line order; in strict mode a row
   * that could not be mapped throws `invalid_input` listing every issue.
   */
  finish(strict: boolean, meta: NonNullable<ModelInput["meta"]>, region: { id: string; name: string; level: string }): ImportResult {
    const { fn, issues } = this;
    issues.sort((a, b) => (a.path[0] as number) - (b.path[0] as number));
    const errors = issues.filter((i) => i.severity === "error");
    if (strict && errors.length > 0) {
      throw new GovGraphError(
        "invalid_input",
        `${fn}: ${errors.length} row(s) could not be mapped, first ${errors[0]!.message}. Fix those rows, or pass { strict: false } to map the rest and get the problems as issues.`,
        { issues },
      );
    }
    const input = {
      schemaVersion: 1,
      meta,
      regions: [region],
      segments: [...this.segments.values()],
      departments: [...this.departments.values()],
      functions: [...this.functions.values()],
      assignments: [...this.assignments.values()],
      services: this.services,
    } as unknown as ModelInput;
    return { model: importedModel(fn, input), issues };
  }
}
