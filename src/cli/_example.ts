import tinyCounty from "../../test/cli/fixtures/tiny-county.json" with { type: "json" };

/** The model commands use when no file is given. @internal */
export function exampleModel(): unknown {
  return tinyCounty;
}
