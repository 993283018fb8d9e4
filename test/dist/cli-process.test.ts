import { join } from "node:path";
import { processCases } from "../cli/process-cases.js";

// The built CLI as users run it: closed pipes and signals (test/hostile/cli-process.test.ts runs the sources).
processCases([process.execPath, join(import.meta.dirname, "../../dist/cli.js")]);
