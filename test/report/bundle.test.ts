import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { BUNDLE_MODULE, reportBundleModule } from "../../scripts/build-report.js";

it("the committed page script is built from src/report/client (npm run report:bundle rebuilds it)", async () => {
  expect(await reportBundleModule()).toBe(readFileSync(BUNDLE_MODULE, "utf8"));
});
