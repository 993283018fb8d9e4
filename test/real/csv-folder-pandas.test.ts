// pandas reads govgraph's CSV folders without options (run by `npm run test:real`; skipped when Python's pandas
// is not installed, except in CI, where .ci/run installs Debian's python3-pandas and a missing pandas fails). The query is the pandas one of docs/csv.md.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateModel, parseModel, toCsvFolder } from "../../src/index.js";

const python = process.env.PYTHON ?? "/usr/bin/python3";
const hasPandas = spawnSync(python, ["-c", "import pandas"]).status === 0;

const READ = `
import glob, json, os, sys
import pandas as pd
folder = sys.argv[1]
shapes = {}
for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
    frame = pd.read_csv(path)
    shapes[os.path.basename(path)] = [len(frame), list(frame.columns)]
# docs/csv.md: functions held by several departments
a = pd.read_csv(os.path.join(folder, "assignments.csv"))
held = a.groupby("functionId")["departmentId"].nunique()
s = pd.read_csv(os.path.join(folder, "services.csv"))
print(json.dumps({"shapes": shapes, "shared": int((held > 1).sum()), "volume": float(s["annualVolume"].sum()), "volumeType": str(s["annualVolume"].dtype)}))
`;

describe.skipIf(!hasPandas && !process.env.CI)("pandas.read_csv on toCsvFolder", () => {
  const dir = mkdtempSync(join(tmpdir(), "govgraph-csv-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loads every file of a generated county with its rows and columns, numbers as numbers", () => {
    const { model } = generateModel({ size: "county", seed: 1 });
    const files = toCsvFolder(model);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const run = spawnSync(python, ["-c", READ, dir], { encoding: "utf8", maxBuffer: 1 << 26 });
    expect(run.stderr).toBe("");
    const read = JSON.parse(run.stdout) as { shapes: Record<string, [number, string[]]>; shared: number; volume: number; volumeType: string };
    for (const [name, text] of Object.entries(files)) {
      if (!name.endsWith(".csv")) continue;
      const [rows, columns] = read.shapes[name]!;
      expect(columns, name).toEqual(text.slice(0, text.indexOf("\r\n")).split(","));
      // Every record is one row for pandas, whatever line breaks its quoted values hold.
      expect(rows, name).toBe(rowCount(name, model));
    }
    const holders = new Map<string, Set<string>>();
    for (const a of model.assignments) (holders.get(a.functionId) ?? holders.set(a.functionId, new Set()).get(a.functionId)!).add(a.departmentId);
    expect(read.shared).toBe([...holders.values()].filter((d) => d.size > 1).length);
    expect(["int64", "float64"]).toContain(read.volumeType);
    expect(read.volume).toBe(model.services.reduce((sum, s) => sum + (s.annualVolume ?? 0), 0));
  });

  it("reads names holding commas, quotes, line breaks, edge spaces and any script exactly as written", () => {
    const names = ['Tax, fees "and" levies', "Line\nbreak", "Carriage\r\nreturn", " leading and trailing ", "Café 市场监督管理局", "a|b"];
    const model = parseModel({ schemaVersion: 1, regions: names.map((name, i) => ({ id: `r${i}`, name })) });
    const folder = mkdtempSync(join(dir, "names-"));
    writeFileSync(join(folder, "regions.csv"), toCsvFolder(model)["regions.csv"]!);
    const code = 'import json, sys, pandas as pd; print(json.dumps(list(pd.read_csv(sys.argv[1])["name"])))';
    const run = spawnSync(python, ["-c", code, join(folder, "regions.csv")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(names);
  });
});

function rowCount(file: string, model: ReturnType<typeof generateModel>["model"]): number {
  const nested: Record<string, number> = {
    "department-identifiers.csv": model.departments.reduce((n, d) => n + (d.identifiers?.length ?? 0), 0),
    "function-legal-bases.csv": model.functions.reduce((n, f) => n + (f.legalBasis?.length ?? 0), 0),
    "service-channels.csv": model.services.reduce((n, s) => n + s.channels.length, 0),
    "service-evidence.csv": model.services.reduce((n, s) => n + (s.evidence?.length ?? 0), 0),
    "need-demand.csv": model.needs.reduce((n, s) => n + (s.demand?.length ?? 0), 0),
    "need-journey.csv": model.needs.reduce((n, s) => n + (s.journey?.length ?? 0), 0),
  };
  if (file in nested) return nested[file]!;
  const collection = { "service-points.csv": "servicePoints", "travel-costs.csv": "travelCosts" }[file] ?? file.replace(/\.csv$/, "");
  return (model[collection as keyof typeof model] as unknown[]).length;
}
