import { describe, expect, it } from "vitest";
import { exampleCounty, toMermaid } from "../../../src/index.js";
import { runIn } from "../run-cli.js";

describe("analyze --format md: the departments sharing functions as a Mermaid diagram", () => {
  it("follows the duplication section, drawn by toMermaid with at most 100 links", async () => {
    const { code, stdout } = await runIn(".", ["analyze", "--format", "md"]);
    expect(code).toBe(0);
    const block = "```mermaid\n" + toMermaid(exampleCounty, { level: "department", maxEdges: 100 }) + "```\n";
    const at = stdout.indexOf(block);
    const duplication = stdout.indexOf("## Duplication");
    expect(at).toBeGreaterThan(duplication);
    expect(at).toBeLessThan(stdout.indexOf("\n## ", duplication + 1));
    expect(stdout.split("```mermaid")).toHaveLength(2);
  });

  it("is left out of text and JSON, and of Markdown without the duplication section", async () => {
    for (const argv of [["analyze"], ["analyze", "--format", "json"], ["analyze", "--format", "md", "--only", "summary,coverage"]]) {
      expect((await runIn(".", argv)).stdout, argv.join(" ")).not.toContain("mermaid");
    }
  });
});
