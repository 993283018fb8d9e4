import { ChannelKind, COVERAGE_DEFAULTS, scoreCoverage, type CatchmentMethod, type CoverageOptions } from "../../index.js";
import { checkChoices, commaList, defineModelCommand, numberOption, type CommandDef, type OptionValues } from "../command.js";
import { progress } from "../io.js";
import { Names } from "../names.js";
import { documentResult } from "../output.js";
import { failOnOption, TABLE_OPTION, VIEW_OPTIONS } from "../output-options.js";
import { heading } from "../render/document.js";
import { coverageFails, coverageSection, renderCoverage } from "../sections/coverage.js";

const METHODS = ["2sfca", "e2sfca", "3sfca", "gravity"] as const;

function options(values: OptionValues, command: CommandDef): CoverageOptions {
  const out: CoverageOptions = {};
  const maxCost = numberOption(values, "max-cost", command, (n) => n >= 0, "a non-negative number");
  if (maxCost !== undefined) out.maxCost = maxCost;
  if (values.method !== undefined) out.method = values.method as CatchmentMethod;
  const kinds = commaList(values, "channels", command);
  if (kinds) {
    checkChoices(kinds, ChannelKind.options, "channel kind", command);
    out.channels = kinds as ChannelKind[];
  }
  if (values["include-planned"]) out.includePlanned = true;
  return out;
}

/** `govgraph coverage [file]`: who is reached, where, through which channel, with what capacity; the gaps. @internal */
export const coverage: CommandDef = defineModelCommand({
  name: "coverage",
  summary: "Score service coverage: reach and capacity by need, region, segment, department; gaps; Gini",
  options: {
    "max-cost": { type: "string", valueHint: "N", description: `Travel cost (minutes or km) within which a service point reaches a region (default ${COVERAGE_DEFAULTS.maxCost})` },
    method: { type: "string", valueHint: METHODS.join("|"), choices: METHODS, description: "Floating catchment that shares out point capacity (default 2sfca)" },
    channels: { type: "string", valueHint: "KIND,KIND", description: `Channel kinds counted as remote (default ${COVERAGE_DEFAULTS.channels.join(",")})` },
    "include-planned": { type: "boolean", description: "Count planned services as active" },
    ...VIEW_OPTIONS,
    ...TABLE_OPTION,
    ...failOnOption(["gaps"]),
  },
  examples: ["", "model.json --max-cost 45 --method e2sfca", "model.json --format csv --table coverage-regions --out regions.csv", "model.json --fail-on gaps"],
  stages: () => [{ prefix: coverageSection.title, weight: coverageSection.weight ?? 1 }],
  run({ name, model }, ctx) {
    const coverageOptions = options(ctx.values, coverage);
    progress(ctx.io, `${coverageSection.title}...`);
    const report = scoreCoverage(model, coverageOptions);
    const blocks = [heading(`Coverage: ${name}`, 1), ...renderCoverage(report, { names: new Names([model], true) })];
    return documentResult(ctx, { blocks, json: () => report }, coverageFails(report, ctx.failOn) ? 3 : 0);
  },
});
