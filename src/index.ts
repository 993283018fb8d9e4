// Errors
export { GovGraphError, toPointer } from "./errors.js";
export type { GovGraphErrorCode, Issue } from "./errors.js";

// Schemas: the model's entities, as zod schemas and their types
export * from "./schemas/index.js";

// The model: validation, canonical order, editing, scenarios, the generator
export { validateModel, parseModel } from "./model/validate.js";
export type { ValidationResult } from "./model/validate.js";
export { formatIssues } from "./model/format-issues.js";
export {
  addRecord,
  updateRecord,
  removeRecord,
  findReferrers,
  editWithPatches,
  produceModel,
  applyModelPatches,
  REMOVE_DEFAULTS,
} from "./model/edit.js";
export type { RecordInput, RecordKey, Referrer, RemoveOptions } from "./model/edit.js";
export { canonicalize, compareIds } from "./model/canonical.js";
export { applyScenario } from "./model/scenario.js";
export type { ScenarioLogEntry, ScenarioResult } from "./model/scenario.js";
export { generateModel, GENERATE_DEFAULTS } from "./model/generate.js";
export type { GeneratedModel, GenerateOptions, GenerateSize, GroundTruth } from "./model/generate.js";

// Formats: JSON, JSON Schema, real inventories
export { parseModelJson, stringifyModel, STRINGIFY_DEFAULTS } from "./formats/json.js";
export type { JsonIssue, StringifyOptions } from "./formats/json.js";
export { parseModelJsonBytes, PARSE_MODEL_JSON_BYTES_DEFAULTS } from "./formats/json-bytes.js";
export type { ParseModelJsonBytesOptions } from "./formats/json-bytes.js";
export { toJsonSchemas, schemaFileName, SCHEMA_BASE_URI } from "./formats/json-schema.js";
export type { JsonSchema } from "./formats/json-schema.js";
export { fromFederalProgramInventory, FEDERAL_PROGRAM_INVENTORY_DEFAULTS, FEDERAL_PROGRAM_INVENTORY_COLUMNS } from "./formats/us-fpi.js";
export type { FederalProgramInventoryOptions, ImportResult } from "./formats/us-fpi.js";
export { fromGcServiceInventory, GC_SERVICE_INVENTORY_DEFAULTS, GC_TARGET_GROUPS } from "./formats/gc-service-inventory.js";
export type { GcServiceInventoryOptions } from "./formats/gc-service-inventory.js";
export { writeModelStream, modelJsonChunks, WRITE_MODEL_STREAM_DEFAULTS } from "./formats/json-stream.js";
export type { WriteModelStreamOptions } from "./formats/json-stream.js";

// The graph and the index
export { indexModel, ROLE_LEAD, ROLE_SUPPORT, EVIDENCE_CITIZEN, EVIDENCE_REUSED } from "./graph/index-model.js";
export type { IdTable, ModelIndex, Tree } from "./graph/index-model.js";
export { row, degree } from "./graph/csr.js";
export type { Csr } from "./graph/csr.js";
export { toGraph, nodeKey, edgeKey } from "./graph/to-graph.js";
export { NODE_KINDS, EDGE_KINDS } from "./graph/types.js";
export type {
  BaseNodeAttributes,
  DepartmentNodeAttributes,
  EdgeAttributes,
  EdgeKind,
  EvidenceNodeAttributes,
  FunctionNodeAttributes,
  GovGraph,
  GraphAttributes,
  HoldsEdgeAttributes,
  NeedNodeAttributes,
  NodeAttributes,
  NodeKind,
  PlainEdgeAttributes,
  PointNodeAttributes,
  RegionNodeAttributes,
  RequiresEdgeAttributes,
  SegmentNodeAttributes,
  ServiceNodeAttributes,
} from "./graph/types.js";

// Analyses
export { analyzeJourneys, JOURNEYS_DEFAULTS, REMOTE_CHANNELS } from "./analyses/journeys.js";
export type { JourneyResult, JourneysOptions, JourneysReport, JourneysSummary } from "./analyses/journeys.js";
export { scoreTransparency, TRANSPARENCY_ITEMS } from "./analyses/transparency.js";
export type { DepartmentTransparency, PublishedCount, ServiceTransparency, TransparencyItem, TransparencyReport } from "./analyses/transparency.js";
export { analyzeStaffing, STAFFING_DEFAULTS } from "./analyses/staffing.js";
export type { DepartmentStaffing, StaffingFlag, StaffingOptions, StaffingReport } from "./analyses/staffing.js";
export { findDuplication, DUPLICATION_DEFAULTS } from "./analyses/duplication.js";
export type {
  DuplicationFinding,
  DuplicationOptions,
  DuplicationPart,
  DuplicationReport,
  DuplicationSummary,
  FragmentationFinding,
  FunctionDuplication,
  NearDuplicateFunction,
  OverlapFinding,
  ServiceDuplication,
} from "./analyses/duplication.js";
export { floatingCatchment, weights, FLOATING_CATCHMENT_DEFAULTS, parseCatchmentJson, parseCostMatrix, readCostMatrix, createCostMatrixReader } from "./analyses/accessibility.js";
export type { CatchmentCost, CatchmentCostArrays, CatchmentInput, CatchmentJson, CatchmentLocation, CatchmentMethod, CatchmentResult, CostMatrixLocations, CostMatrixOptions, CostMatrixReader, WeightFunction } from "./analyses/accessibility.js";
export { suggestConsolidation, CONSOLIDATION_DEFAULTS } from "./analyses/consolidation.js";
export type { ConsolidationCluster, ConsolidationOptions, ConsolidationReport, SmallDepartment } from "./analyses/consolidation.js";
export { buildTravelCosts, buildGeoCosts, travelCosts, geoCosts, greatCircleKm, EARTH_RADIUS_KM } from "./analyses/travel-costs.js";
export type { GeoLocation, LatLon, TravelCostOptions, TravelCostTable } from "./analyses/travel-costs.js";
export { scoreCoverage, COVERAGE_DEFAULTS } from "./analyses/coverage.js";
export type { CoverageGap, CoverageOptions, CoverageReport, CoverageRow } from "./analyses/coverage.js";
export { scorecard, PILLARS, SCORECARD_DEFAULTS } from "./analyses/scorecard.js";
export type { Indicator, Pillar, PillarId, ScorecardInputs, ScorecardOptions, ScorecardReport } from "./analyses/scorecard.js";
export { compareModels } from "./analyses/compare.js";
export type { CompareOptions, ComparisonReport, Delta, JourneyChange, RecordChanges, RecordKeyValue } from "./analyses/compare.js";

// The bundled example
export { countyInput, exampleCounty } from "./examples/index.js";
