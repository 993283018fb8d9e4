import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { displayWidth } from "../../src/cli/render/text.js";
import type { Model } from "../../src/index.js";
import { runIn } from "./run-cli.js";

/** Every command that prints text, on `model.json` (and `ops.json` for the scenario), and every --help. */
export function textRuns(): string[][] {
  return [
    ["analyze", "model.json"],
    ["duplicates", "model.json"],
    ["coverage", "model.json"],
    ["journeys", "model.json"],
    ["scorecard", "model.json"],
    ["validate", "model.json"],
    ["compare", "model.json", "after.json"],
    ["scenario", "model.json", "ops.json"],
    ["schema", "--list"],
    ["--help"],
    ...COMMANDS.map((c) => [c.name, "--help"]),
  ];
}

/** Writes the model, a scenario on it (a service digitized, one retired, two departments merged) and its result. */
export function writeInputs(dir: string, model: Model, after: Model, ops: unknown[]): void {
  writeFileSync(join(dir, "model.json"), JSON.stringify(model));
  writeFileSync(join(dir, "after.json"), JSON.stringify(after));
  writeFileSync(join(dir, "ops.json"), JSON.stringify(ops));
}

/** Runs the CLI with standard output a terminal of `width` columns and checks that no line of it is wider. */
export async function expectFits(dir: string, argv: string[], width: number): Promise<string> {
  const { code, stdout, stderr } = await runIn(dir, argv, { columns: width });
  expect([code, stderr]).toEqual([0, ""]);
  const lines = stdout.split("\n");
  const wide = lines.filter((line) => displayWidth(line) > width);
  expect(wide, `govgraph ${argv.join(" ")} at ${width} columns`).toEqual([]);
  expect(lines.length).toBeGreaterThan(3);
  return stdout;
}

/** Operations on a model: digitize its first service, retire its last, merge its first two departments. */
export function scenarioOps(model: Model): unknown[] {
  const [a, b] = model.departments;
  return [
    { op: "digitizeService", serviceId: model.services[0]!.id },
    { op: "retireService", serviceId: model.services.at(-1)!.id },
    { op: "mergeDepartments", ids: [a!.id, b!.id], into: a!.id },
  ];
}
