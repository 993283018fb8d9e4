import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { BUNDLE_MODULE, reportBundleModule } from "../../scripts/build-report.js";

it("the page script renderReport inlines is the build of src/report/client as it is now (npm test rebuilds it first)", async () => {
  expect(await reportBundleModule()).toBe(readFileSync(BUNDLE_MODULE, "utf8"));
});
