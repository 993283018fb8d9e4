import { generateModel, writeModelStream, type GenerateSize } from "../../index.js";
import { defineCommand, UsageError } from "../command.js";
import { progress } from "../io.js";
import { renderJson } from "../render/json.js";

const SIZES = ["county", "province", "nation"] as const satisfies readonly GenerateSize[];

/** `govgraph generate --size county|province|nation --seed N`: a seeded synthetic government as model JSON. @internal */
export const generate = defineCommand({
  name: "generate",
  summary: "Generate a seeded synthetic government with planted duplicates and gaps (model JSON)",
  args: [],
  options: {
    size: { type: "string", valueHint: SIZES.join("|"), choices: SIZES, description: "Tier (default: county)" },
    seed: { type: "string", valueHint: "N", description: "Seed, an integer (default: 1); the same seed gives the same bytes" },
    truth: { type: "string", valueHint: "FILE", description: "Also write the planted ground truth (JSON) to FILE" },
  },
  formats: ["json"],
  examples: ["--size province --seed 7 --out province.json --truth province.truth.json"],
  async run({ values, io }) {
    const size = (values.size as GenerateSize | undefined) ?? "county";
    const seedText = (values.seed as string | undefined) ?? "1";
    if (!/^-?\d+$/.test(seedText)) throw new UsageError(`Bad --seed "${seedText}". Use an integer such as 7.`, generate);
    progress(io, `generating the ${size} tier (seed ${seedText})...`);
    const { model, truth } = generateModel({ size, seed: Number(seedText) });
    if (typeof values.truth === "string") await io.writeFileAtomic(values.truth, (write) => write(renderJson(truth)));
    progress(io, `writing ${model.departments.length} departments and ${model.services.length} services...`);
    // Streamed record by record: the nation tier's JSON is too big for one string.
    return {
      output: (write) => {
        writeModelStream(model, write);
        write("\n");
      },
    };
  },
});
