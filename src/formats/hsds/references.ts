/**
 * HSDS references
 * ===============
 * Checks that every id a row names is the id of a row in the input: the foreign keys HSDS's data package
 * declares (errors in the tabular form; warnings in the JSON form, whose references may point outside the
 * document), a service's organization (always an error: a service needs its department), and the references
 * HSDS does not declare as foreign keys (a parent organization, a parent term, a metadata entry's resource:
 * warnings, their values kept).
 * @module
 */
import type { Issue } from "../../errors.js";
import { TABLE, type HsdsTableName } from "./schema.js";
import { rowIssue, rowOf, type HsdsRow, type HsdsTables } from "./tables.js";

const SOFT: [HsdsTableName, string, HsdsTableName][] = [
  ["organization", "parent_organization_id", "organization"],
  ["taxonomy_term", "parent_id", "taxonomy_term"],
];

/** Reports every reference naming no row; the rows are left as they are (a dangling key links to nothing). @internal */
export function checkReferences(tables: HsdsTables, issues: Issue[], form: "json" | "csv"): void {
  const declared = form === "csv" ? "error" : "warning";
  for (const [table, rows] of tables) {
    for (const row of rows.values()) {
      for (const [column, target] of TABLE[table].foreignKeys) {
        const severity = table === "service" && column === "organization_id" ? "error" : declared;
        dangling(tables, issues, row, column, target, severity);
      }
      for (const [from, column, target] of SOFT) if (from === table) dangling(tables, issues, row, column, target, "warning");
      if (table === "attribute") linked(tables, issues, row, "link_entity", "link_id", declared);
      if (table === "metadata") linked(tables, issues, row, "resource_type", "resource_id", "warning");
    }
  }
}

function dangling(tables: HsdsTables, issues: Issue[], row: HsdsRow, column: string, target: HsdsTableName, severity: Issue["severity"]): void {
  const value = row.fields[column];
  if (value === undefined || rowOf(tables, target, value)) return;
  issues.push(rowIssue(row.at, column, "unknown_reference", `${row.table} "${row.id}" names ${target} ${JSON.stringify(value)}, which is not in the input`, severity));
}

function linked(tables: HsdsTables, issues: Issue[], row: HsdsRow, entityColumn: string, idColumn: string, severity: Issue["severity"]): void {
  const entity = row.fields[entityColumn];
  if (typeof entity !== "string" || !Object.hasOwn(TABLE, entity)) {
    const what = entity === undefined ? "no table" : `${JSON.stringify(entity)}, which is no HSDS table`;
    issues.push(rowIssue(row.at, entityColumn, "unknown_reference", `${row.table} "${row.id}" names ${what}; it links to nothing`, severity));
    return;
  }
  dangling(tables, issues, row, idColumn, entity as HsdsTableName, severity);
}
