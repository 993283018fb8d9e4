import { describe, expect, it } from "vitest";
import type { Issue } from "../../../src/index.js";
import { countIssues, renderIssueLines, renderIssuesMarkdown } from "../../../src/cli/render/issues.js";
import { displayWidth } from "../../../src/cli/render/text.js";

const warning = (i: number): Issue => ({
  code: "service_without_channel",
  path: ["services", i, "channels"],
  pointer: `/services/${i}/channels`,
  message: `Service "s${i}" has no channel, so no one can obtain it.`,
  severity: "warning",
});
const error = (i: number): Issue => ({ code: "duplicate_id", path: ["regions", i, "id"], pointer: `/regions/${i}/id`, message: `Duplicate region id "r".`, severity: "error" });
const view = { width: 80, maxIssues: 1000, verbose: false };

describe("issues for a person", () => {
  it("list errors one by one and group warnings by code with three examples", () => {
    const issues = [warning(0), error(1), warning(1), warning(2), warning(3), warning(4)];
    expect(renderIssueLines(issues, view).join("\n")).toMatchInlineSnapshot(`
      "error /regions/1/id  duplicate_id: Duplicate region id "r".
      warning 5 x service_without_channel, for example:
              /services/0/channels  Service "s0" has no channel, so no one can obtain
                                    it.
              /services/1/channels  Service "s1" has no channel, so no one can obtain
                                    it.
              /services/2/channels  Service "s2" has no channel, so no one can obtain
                                    it.
              … and 2 more (--verbose lists them)"
    `);
    expect(countIssues(issues)).toBe("1 error, 5 warnings");
  });

  it("list every warning with --verbose, up to the cap, then count the rest by code", () => {
    const issues = [error(1), error(2), ...Array.from({ length: 5 }, (_, i) => warning(i))];
    const lines = renderIssueLines(issues, { ...view, verbose: true, maxIssues: 4 });
    expect(lines.filter((l) => /^(error|warning) /.test(l))).toHaveLength(4);
    expect(lines.slice(-2).join(" ")).toBe("… and 3 more, of which 0 errors: 3 x service_without_channel (--max-issues 7 lists them all; --format json lists every issue)");
  });

  it("cap 200,000 issues without overflowing the stack (a spread of them did past 120,000)", () => {
    const issues = Array.from({ length: 200_000 }, (_, i) => error(i));
    const lines = renderIssueLines(issues, view);
    expect(lines.filter((l) => l.startsWith("error "))).toHaveLength(1000);
    expect(lines.join(" ")).toContain("… and 199,000 more, of which 199,000 errors: 199,000 x duplicate_id");
  });

  it("cut a 1 MB pointer and message, and escape control characters", () => {
    const key = "k".repeat(1 << 20);
    const huge: Issue = { code: "unrecognized_keys", path: ["regions", 0, key], pointer: `/regions/0/${key}`, message: `Unknown field "${key}\u001b[2J".`, severity: "error" };
    const lines = renderIssueLines([huge], view);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(lines.join("\n").length).toBeLessThan(2_000);
    const evil: Issue = { ...huge, pointer: "/x", message: 'Name "\u001b[31mred\u0000"' };
    expect(renderIssueLines([evil], view)).toEqual(['error /x  unrecognized_keys: Name "\\u001b[31mred\\u0000"']);
  });

  it("draw Markdown tables: the listed issues, then the warning codes", () => {
    expect(renderIssuesMarkdown([error(1), ...Array.from({ length: 4 }, (_, i) => warning(i))], view)).toMatchInlineSnapshot(`
      "| severity | where | code | message |
      | --- | --- | --- | --- |
      | error | \`/regions/1/id\` | duplicate_id | Duplicate region id "r". |

      | warning | count | for example (--verbose lists them all) |
      | --- | --- | --- |
      | service_without_channel | 4 | \`/services/0/channels\` Service "s0" has no channel, so no one can obtain it.<br>\`/services/1/channels\` Service "s1" has no channel, so no one can obtain it.<br>\`/services/2/channels\` Service "s2" has no channel, so no one can obtain it. |

      "
    `);
  });
});
