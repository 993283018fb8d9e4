import { PILLARS, scorecard, type PillarId } from "../../index.js";
import { defineCommand, loadPlanned, MODEL_FILE_ARG, UsageError, type CommandDef } from "../command.js";
import { progress } from "../io.js";
import { documentResult } from "../output.js";
import { TABLE_OPTION, VIEW_OPTIONS } from "../output-options.js";
import { heading } from "../render/document.js";
import { renderScorecard, scorecardSection } from "../sections/scorecard.js";

/** Parses `--weight pillar=2` options (repeatable, or comma-separated). @internal */
export function parseWeights(values: readonly string[] | undefined, command: CommandDef): Partial<Record<PillarId, number>> {
  const weights: Partial<Record<PillarId, number>> = {};
  for (const part of (values ?? []).flatMap((v) => v.split(","))) {
    const m = /^\s*([A-Za-z]+)\s*=\s*([0-9.]+)\s*$/.exec(part);
    if (!m || !(PILLARS as readonly string[]).includes(m[1]!) || !Number.isFinite(Number(m[2]))) {
      throw new UsageError(`Bad --weight "${part}". Use PILLAR=NUMBER with PILLAR one of ${PILLARS.join(", ")}.`, command);
    }
    weights[m[1] as PillarId] = Number(m[2]);
  }
  return weights;
}

/** `govgraph scorecard [file]`: the five reform pillars 0-100 and the composite. @internal */
export const scorecardCommand = defineCommand({
  name: "scorecard",
  summary: "Score the five reform pillars 0-100 (functions, services, innovation, openness, civil service) and a composite",
  args: [MODEL_FILE_ARG],
  options: {
    weight: { type: "string", multiple: true, valueHint: "PILLAR=N", description: `Weight of a pillar in the composite (repeatable; default 1 each): ${PILLARS.join(", ")}` },
    ...VIEW_OPTIONS,
    ...TABLE_OPTION,
  },
  examples: ["", "model.json --weight civilService=2 --weight openness=0.5", "--format json"],
  run(ctx) {
    // Bad weights are a usage error before any file is read.
    const weights = parseWeights(ctx.values.weight as string[] | undefined, scorecardCommand);
    const { name, model } = loadPlanned(ctx, ctx.positionals[0], [{ prefix: scorecardSection.title, weight: 18 }]);
    progress(ctx.io, `${scorecardSection.title}...`);
    const report = scorecard(model, { weights });
    return documentResult(ctx, { blocks: [heading(`Reform scorecard: ${name}`, 1), ...renderScorecard(report)], json: () => report });
  },
});
