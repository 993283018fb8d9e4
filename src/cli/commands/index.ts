import type { CommandDef } from "../command.js";
import { analyze } from "./analyze.js";
import { compare } from "./compare.js";
import { convert } from "./convert.js";
import { coverage } from "./coverage.js";
import { duplicates } from "./duplicates.js";
import { generate } from "./generate.js";
import { importCommand } from "./import.js";
import { journeys } from "./journeys.js";
import { report } from "./report.js";
import { scenario } from "./scenario.js";
import { schema } from "./schema.js";
import { scorecardCommand } from "./scorecard.js";
import { validate } from "./validate.js";

/** Every command, in the order help lists them. @internal */
export const COMMANDS: readonly CommandDef[] = [analyze, duplicates, coverage, journeys, scorecardCommand, scenario, compare, report, validate, importCommand, convert, schema, generate];
