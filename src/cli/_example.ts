import { countyInput } from "../index.js";

/** The model commands use when no file is given: the bundled example county, as JSON input. @internal */
export function exampleModel(): unknown {
  return countyInput;
}
