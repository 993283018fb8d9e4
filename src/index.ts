/**
 * `govgraph`: a government as a typed graph of departments, functions, services and citizen needs, and the
 * analyses of duplication, coverage, journeys, openness and staffing. The HTML report is the second entry,
 * `govgraph/report`.
 * @module govgraph
 */
// Errors
export { GovGraphError, toPointer } from "./errors.js";
export type { GovGraphErrorCode, Issue } from "./errors.js";

// Schemas: the model's entities, as zod schemas and their types
export * from "./schemas/index.js";

// The model: validation, canonical order, editing, scenarios, the generator
export { validateModel, parseModel, VALIDATE_DEFAULTS } from "./model/validate.js";
export type { ValidateOptions, ValidationResult } from "./model/validate.js";
export { formatIssues } from "./issues.js";
export { addRecord, updateRecord } from "./model/edit/add-update.js";
export { removeRecord, findReferrers, REMOVE_DEFAULTS } from "./model/edit/remove.js";
export type { Referrer, RemoveOptions } from "./model/edit/remove.js";
export { editWithPatches, produceModel, applyModelPatches } from "./model/edit/patches.js";
export type { RecordInput, RecordKey } from "./model/edit/lookup.js";
export { canonicalize, compareIds } from "./model/records.js";
export type { RecordKeyValue } from "./model/records.js";
export { applyScenario } from "./model/scenario.js";
export type { ScenarioLogEntry, ScenarioResult } from "./model/scenario.js";
export { generateModel, GENERATE_DEFAULTS } from "./generate/generate-model.js";
export type { GeneratedModel, GenerateOptions, GenerateSize, GroundTruth } from "./generate/generate-model.js";

// Formats: JSON and JSON Schema
export { parseJson, parseModelJson } from "./formats/json/parse.js";
export type { JsonIssue } from "./formats/json/json-error.js";
export { parseJsonBytes, parseModelJsonBytes, validateModelJsonBytes, PARSE_MODEL_JSON_BYTES_DEFAULTS } from "./formats/json/bytes.js";
export type { ParseModelJsonBytesOptions, JsonBytes, JsonBytesValidation } from "./formats/json/bytes.js";
export type { EncodingIssue } from "./formats/json/byte-errors.js";
export { stringifyModel, STRINGIFY_DEFAULTS, writeModelStream, modelJsonChunks, WRITE_MODEL_STREAM_DEFAULTS } from "./formats/json/write.js";
export type { StringifyOptions, WriteModelStreamOptions } from "./formats/json/write.js";
export { toJsonSchemas, schemaFileName, SCHEMA_BASE_URI } from "./formats/json-schema.js";
export type { JsonSchema } from "./formats/json-schema.js";

// Sources: importers of real inventories
export type { ImportResult } from "./formats/imported.js";
export { fromFederalProgramInventory, FEDERAL_PROGRAM_INVENTORY_DEFAULTS, FEDERAL_PROGRAM_INVENTORY_COLUMNS } from "./sources/us-fpi.js";
export type { FederalProgramInventoryOptions } from "./sources/us-fpi.js";
export { fromGcServiceInventory, GC_SERVICE_INVENTORY_DEFAULTS, GC_TARGET_GROUPS } from "./sources/gc-service-inventory.js";
export type { GcServiceInventoryOptions } from "./sources/gc-service-inventory.js";
export { fromKenyaEcitizen, KENYA_ECITIZEN_DEFAULTS, KENYA_ECITIZEN_FILES } from "./sources/kenya-ecitizen.js";
export type { KenyaEcitizenOptions } from "./sources/kenya-ecitizen.js";

// Formats: CSV folder, graphs, diagrams
export { toCsvFolder, csvFolderChunks, CSV_FOLDER_CHUNKS_DEFAULTS } from "./formats/csv-folder/write.js";
export { formatCsvField, formatCsvRecord } from "./formats/csv-write.js";
export type { CsvFolderChunk, CsvFolderChunksOptions } from "./formats/csv-folder/write.js";
export { fromCsvFolder, CSV_FOLDER_DEFAULTS } from "./formats/csv-folder/read.js";
export type { CsvFolderFile, CsvFolderOptions } from "./formats/csv-folder/read.js";
export { CSV_FOLDER_FILES } from "./formats/csv-folder/tables.js";
export type { CsvImportResult, CsvIssue } from "./formats/csv-folder/issues.js";
export { toGraphML, graphmlChunks, GRAPHML_DEFAULTS } from "./formats/graphml.js";
export type { GraphMLOptions } from "./formats/graphml.js";
export { toGexf, GEXF_DEFAULTS, GEXF_COLORS } from "./formats/gexf.js";
export type { GexfOptions } from "./formats/gexf.js";
export { toMermaid, MERMAID_DEFAULTS } from "./formats/mermaid.js";
export type { MermaidOptions } from "./formats/mermaid.js";

// Formats: the public-service standards (Open Referral HSDS)
export { fromHsds, HSDS_IMPORT_DEFAULTS } from "./formats/hsds/from-hsds.js";
export type { HsdsImportOptions, HsdsInput } from "./formats/hsds/from-hsds.js";
export { toHsds, HSDS_EXPORT_DEFAULTS } from "./formats/hsds/to-hsds.js";
export type { HsdsExportOptions, HsdsObject } from "./formats/hsds/to-hsds.js";
export { HSDS_TABLES } from "./formats/hsds/schema.js";
export type { HsdsField, HsdsTable, HsdsTableName } from "./formats/hsds/schema.js";
export { HSDS_ATTRIBUTE_PREFIX } from "./formats/hsds/kept.js";

// Formats: the public-service standards (CPSV-AP)
export { toCpsvAp, TO_CPSV_AP_DEFAULTS } from "./formats/cpsv-ap/to-cpsv-ap.js";
export type { ToCpsvApOptions } from "./formats/cpsv-ap/to-cpsv-ap.js";
export { fromCpsvAp, FROM_CPSV_AP_DEFAULTS } from "./formats/cpsv-ap/from-cpsv-ap.js";
export type { FromCpsvApOptions, FromCpsvApResult } from "./formats/cpsv-ap/from-cpsv-ap.js";
export { CPSV_AP_EXTENSION_NAMESPACE } from "./formats/cpsv-ap/vocabulary.js";
export { CPSV_AP_CONTEXT_URLS } from "./formats/cpsv-ap/document-loader.js";
export type { CpsvApFormat } from "./formats/cpsv-ap/parse.js";
export type { RdfIssue } from "./formats/cpsv-ap/issues.js";

// The graph and the index
export { indexModel, ROLE_LEAD, ROLE_SUPPORT } from "./graph/index-model.js";
export type { ModelIndex } from "./graph/index-model.js";
export { EVIDENCE_CITIZEN, EVIDENCE_REUSED } from "./graph/service-relations.js";
export type { IdTable } from "./graph/id-table.js";
export type { Tree } from "./graph/tree.js";
export { getRow, getDegree, row, degree } from "./graph/csr.js";
export type { Csr } from "./graph/csr.js";
export { toGraph } from "./graph/to-graph.js";
export { nodeKey, edgeKey } from "./graph/keys.js";
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
  LocatedNodeAttributes,
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
export type { Measured, MeasureRecords, MeasureUnit, MissingReason } from "./analyses/measured.js";
export { analyzeJourneys, JOURNEYS_DEFAULTS } from "./analyses/journeys/analyze-journeys.js";
export type { JourneysOptions } from "./analyses/journeys/analyze-journeys.js";
export type { JourneyResult, JourneysReport, JourneysSummary } from "./analyses/journeys/types.js";
export { REMOTE_CHANNELS } from "./analyses/service-channels.js";
export { scoreOpenness, OPENNESS_ITEMS, scoreTransparency, TRANSPARENCY_ITEMS } from "./analyses/openness.js";
export type { DepartmentOpenness, OpennessItem, OpennessReport, PublishedCount, ServiceOpenness } from "./analyses/openness.js";
export type { DepartmentTransparency, ServiceTransparency, TransparencyItem, TransparencyReport } from "./analyses/openness.js";
export { analyzeStaffing, STAFFING_DEFAULTS } from "./analyses/staffing.js";
export type { DepartmentStaffing, StaffingFlag, StaffingOptions, StaffingReport } from "./analyses/staffing.js";
export { findDuplication, DUPLICATION_DEFAULTS } from "./analyses/duplication/find-duplication.js";
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
  OverlapHub,
  ServiceDuplication,
} from "./analyses/duplication/types.js";
export { floatingCatchment, weights, FLOATING_CATCHMENT_DEFAULTS, parseCatchmentJson, parseCostMatrix, readCostMatrix, createCostMatrixReader } from "./analyses/accessibility.js";
export type { CatchmentCost, CatchmentCostArrays, CatchmentInput, CatchmentJson, CatchmentLocation, CatchmentMethod, CatchmentResult, CostMatrixLocations, CostMatrixOptions, CostMatrixReader, WeightFunction } from "./analyses/accessibility.js";
export { suggestConsolidation, CONSOLIDATION_DEFAULTS } from "./analyses/consolidation/suggest-consolidation.js";
export type { ConsolidationOptions } from "./analyses/consolidation/suggest-consolidation.js";
export type { ConsolidationCluster, ConsolidationReport, SmallDepartment } from "./analyses/consolidation/types.js";
export { buildTravelCosts, buildGeoCosts, travelCosts, geoCosts, greatCircleKm, EARTH_RADIUS_KM } from "./analyses/travel-costs.js";
export type { GeoLocation, LatLon, TravelCostOptions, TravelCostTable } from "./analyses/travel-costs.js";
export { scoreCoverage, COVERAGE_DEFAULTS } from "./analyses/coverage/score-coverage.js";
export type { CoverageOptions } from "./analyses/coverage/score-coverage.js";
export type { CoverageGap, CoverageReport, CoverageRow } from "./analyses/coverage/types.js";
export { buildScorecard, scorecard, PILLARS, SCORECARD_DEFAULTS } from "./analyses/scorecard.js";
export type { Indicator, Pillar, PillarId, ScorecardInputs, ScorecardOptions, ScorecardReport, ScorecardReports, WeightedScore } from "./analyses/scorecard.js";
export { compareModels, COMPARE_DEFAULTS } from "./analyses/compare.js";
export type { CompareOptions, CompareReport, ComparisonReport, Delta, JourneyChange, RecordChanges } from "./analyses/compare.js";

// The bundled example
export { countyInput, exampleCounty } from "./examples/index.js";
