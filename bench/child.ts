/**
 * Runs one measurement in a fresh process: `node --import tsx bench/child.ts <module> [args...]` calls
 * `child(args)` of `bench/<module>.ts` and prints `{ result, peakRss }` as the last line of stdout.
 * Used through `inChild` of `_util.ts`, so that peak memory is the measurement's own.
 */
import { peakRss } from "./_util.js";

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error("usage: node --import tsx bench/child.ts <module> [args...]");
  process.exit(2);
}
const module = (await import(`./${name}.ts`)) as { child?: (args: string[]) => Promise<unknown> | unknown };
if (typeof module.child !== "function") {
  console.error(`bench/${name}.ts exports no child(args) function`);
  process.exit(2);
}
const result = await module.child(args);
console.log(JSON.stringify({ result, peakRss: peakRss() }));
