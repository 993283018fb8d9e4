import { readFileSync, writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { sweepMarkdown } from "../../examples/sweep.js";

const file = new URL("../../docs/scenarios.md", import.meta.url);
const BLOCK = /(<!-- sweep:begin -->\n)([\s\S]*?)(<!-- sweep:end -->)/;

it("docs/scenarios.md shows the sweep exactly as examples/sweep.ts prints it", () => {
  const doc = readFileSync(file, "utf8");
  expect(doc).toMatch(BLOCK);
  const printed = sweepMarkdown() + "\n";
  // UPDATE_DOCS=1 pastes the current output into the page (then review the diff of docs/scenarios.md).
  if (process.env.UPDATE_DOCS === "1") writeFileSync(file, doc.replace(BLOCK, (_, begin: string, _old: string, end: string) => begin + printed + end));
  else expect(BLOCK.exec(doc)![2]).toBe(printed);
});
