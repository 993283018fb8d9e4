/**
 * Accessibility
 * =============
 * Floating-catchment measures of spatial access, with the semantics of PySAL's `access` package.
 *
 * - 2SFCA: Luo, W. & Wang, F. (2003). Measures of spatial accessibility to health care in a GIS environment.
 *   Environment and Planning B 30(6), 865-884.
 * - E2SFCA: Luo, W. & Qi, Y. (2009). An enhanced two-step floating catchment area (E2SFCA) method for measuring
 *   spatial accessibility to primary care physicians. Health & Place 15(4), 1100-1107.
 * - 3SFCA: Wan, N., Zou, B. & Sternberg, T. (2012). A three-step floating catchment area method for analyzing
 *   spatial access to health services. International Journal of Geographical Information Science 26(6), 1073-1089.
 * - Gravity: Joseph, A. E. & Bantock, P. R. (1982). Measuring potential physical accessibility to general
 *   practitioners in rural areas. Social Science & Medicine 16(1), 85-90.
 * - Saxon, J., Koschinsky, J. et al. `access` (PySAL), https://pysal.org/access/.
 *
 * Everything runs on sparse pair lists in time linear in the number of cost entries (counting sorts, no
 * demand-by-supply matrix), with sums taken in id order so that the result does not depend on the order of the
 * input records. The modules live in `accessibility/`; this file is what the rest of the library imports.
 */
export type { CatchmentCost, CatchmentCostArrays, CatchmentInput, CatchmentLocation, CatchmentMethod, CatchmentResult, WeightFunction } from "./accessibility/types.js";
export { FLOATING_CATCHMENT_DEFAULTS, weights, defaultWeight } from "./accessibility/weights.js";
export { catchmentAccess, type CatchmentPairs } from "./accessibility/kernel.js";
export { floatingCatchment } from "./accessibility/floating-catchment.js";
export { createCostMatrixReader, parseCostMatrix, readCostMatrix } from "./accessibility/cost-matrix.js";
export { parseCatchmentJson, type CatchmentJson } from "./accessibility/catchment-json.js";
export type { CostMatrixLocations, CostMatrixOptions, CostMatrixReader } from "./accessibility/cost-matrix.js";

