import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIn } from "./run-cli.js";

// While the code is restructured (one owner per idea), `analyze --format json` must print the same bytes as
// before on the example county and on the province tier of seed 1. Drop this test once the restructuring is done.
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const dir = mkdtempSync(join(tmpdir(), "govgraph-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("analyze --format json is byte-identical across the restructuring", () => {
  it("on the example county", async () => {
    const run = await runIn(dir, ["analyze", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(sha256(run.stdout)).toBe("6268e1de27689d305c5da1028090b8250578df45e07eee86e1bdea6bbca1e19d");
  });

  it("on generate --size province --seed 1", async () => {
    const generated = await runIn(dir, ["generate", "--size", "province", "--seed", "1", "--out", "province.json"]);
    expect(generated.code).toBe(0);
    const run = await runIn(dir, ["analyze", "province.json", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(sha256(run.stdout)).toBe("9930fbe598c91ee4b80e4d90d63205b8efb0ed2d1b602c8c622e0f5f05e32e39");
  });
});
