import { canonicalize } from "../model/records.js";
import { deepFreeze } from "../model/freeze.js";
import { markValidated } from "../model/validated.js";
import type { Model, ModelInput } from "../schemas/model.js";
import { countyInput as rawCountyInput } from "./county-data.js";

/**
 * The fictional Qingshui County as JSON-like input, before validation; deep-frozen (copy it to edit).
 * @example
 * const draft = structuredClone(countyInput);
 * draft.departments?.push({ id: "new-bureau", name: "New Bureau", regionId: "qingshui" });
 * const result = validateModel(draft);
 */
export const countyInput: ModelInput = /* @__PURE__ */ deepFreeze(rawCountyInput);

/**
 * The bundled example: the fictional Qingshui County as a validated, deep-frozen {@link Model} in canonical order.
 * It costs no validation at import: the input already spells out every default, so the model is the input in
 * canonical order, and the test suite proves it equal to `parseModel(countyInput)`.
 * @example
 * const { duplication } = findDuplication(exampleCounty);
 */
export const exampleCounty: Model = /* @__PURE__ */ markValidated(canonicalize(countyInput as unknown as Model));
