import type { Issue } from "../errors.js";
import { dotPath } from "./integrity.js";

/**
 * Readable lines for a list of issues, in the style of zod's `prettifyError`: `✖` for errors, `⚠` for warnings,
 * then where (`→ at services[3].departmentId`). For CLIs and logs.
 * @example
 * console.error(formatIssues(validateModel(input).issues));
 * // ✖ Service "s1" refers to department "d9" in departmentId, but there is no such department in departments. ...
 * //   → at services[0].departmentId
 */
export function formatIssues(issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length ? `\n  → at ${dotPath(issue.path)}` : "";
      return `${issue.severity === "warning" ? "⚠" : "✖"} ${issue.message}${where}`;
    })
    .join("\n");
}
