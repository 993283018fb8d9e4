import { nodeIo, type CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/main.js";

/** What a CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process on the real file system from `cwd`, capturing its output; no environment variables and
 * stderr not a terminal unless `io` says otherwise.
 */
export async function runIn(cwd: string, argv: string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    ...nodeIo(),
    cwd,
    env: {},
    stderrIsTTY: false,
    ...io,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}
