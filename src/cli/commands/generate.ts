import { resolve } from "node:path";
import { generateModel, modelJsonChunks, type GenerateSize, type Model } from "../../index.js";
import { checkOutOption } from "../args.js";
import { defineCommand, UsageError } from "../command.js";
import { sameFile } from "../files.js";
import { progress } from "../io.js";
import { renderJson } from "../render/json.js";

const SIZES = ["county", "province", "nation"] as const satisfies readonly GenerateSize[];

/** The largest seed: seeds are unsigned 32-bit integers, so every seed gives its own model. */
const SEED_MAX = 2 ** 32 - 1;

/** `govgraph generate --size county|province|nation --seed N`: a seeded synthetic government as model JSON. @internal */
export const generate = defineCommand({
  name: "generate",
  summary: "Generate a seeded synthetic government with planted duplicates and gaps (model JSON)",
  args: [],
  options: {
    size: { type: "string", valueHint: SIZES.join("|"), choices: SIZES, description: "Tier (default: county)" },
    seed: { type: "string", valueHint: "N", description: `Seed, an integer from 0 to ${SEED_MAX} (default: 1); the same seed gives the same bytes` },
    truth: { type: "string", valueHint: "FILE", description: "Also write the planted ground truth (JSON) to FILE, once the model is written" },
  },
  formats: ["json"],
  examples: ["--size province --seed 7 --out province.json --truth province.truth.json"],
  run({ values, io }) {
    const size = (values.size as GenerateSize | undefined) ?? "county";
    const seed = parseSeed(values.seed as string | undefined);
    const truthFile = values.truth as string | undefined;
    if (truthFile !== undefined) {
      checkOutOption(io.cwd, "--truth", truthFile, "file", generate, "truth.json");
      if (typeof values.out === "string" && sameFile(resolve(io.cwd, values.out), resolve(io.cwd, truthFile))) {
        throw new UsageError(`--truth ${truthFile} and --out ${values.out} name the same file. Give two files.`, generate);
      }
    }
    progress(io, `generating the ${size} tier (seed ${seed})...`);
    const { model, truth } = generateModel({ size, seed });
    // Streamed record by record: the nation tier's JSON is too big for one string. The truth follows the model.
    return { output: modelJson(model), files: truthFile === undefined ? [] : [{ option: "--truth", path: truthFile, output: renderJson(truth) }] };
  },
});

/** `--seed` as a number: digits only, at most {@link SEED_MAX} (4294967297 would otherwise give the data of 1). */
function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^\d{1,10}$/.test(text) || Number(text) > SEED_MAX) {
    throw new UsageError(`Bad --seed "${text}". Use an integer from 0 to ${SEED_MAX}, such as 7.`, generate);
  }
  return Number(text);
}

function* modelJson(model: Model): Generator<string, void, undefined> {
  yield* modelJsonChunks(model);
  yield "\n";
}
