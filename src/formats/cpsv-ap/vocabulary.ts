/**
 * CPSV-AP vocabulary
 * ==================
 * The namespaces and terms govgraph reads and writes as CPSV-AP 3.2.0 (SEMICeu/CPSV-AP, releases/3.2.0), the
 * 2.x terms still found in catalogues, and govgraph's own extension namespace (docs/cpsv-ap.md).
 * @module
 */

/** Namespace IRIs, keyed by the prefix written in Turtle and JSON-LD. @internal */
export const NS = {
  cpsv: "http://purl.org/vocab/cpsv#",
  cv: "http://data.europa.eu/m8g/",
  dct: "http://purl.org/dc/terms/",
  skos: "http://www.w3.org/2004/02/skos/core#",
  eli: "http://data.europa.eu/eli/ontology#",
  foaf: "http://xmlns.com/foaf/0.1/",
  org: "http://www.w3.org/ns/org#",
  adms: "http://www.w3.org/ns/adms#",
  dcat: "http://www.w3.org/ns/dcat#",
  locn: "http://www.w3.org/ns/locn#",
  gsp: "http://www.opengis.net/ont/geosparql#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  gg: "https://govgraph.dev/ns/cpsv-ap#",
} as const;

/**
 * govgraph's extension namespace (`gg:`): what CPSV-AP has no term for (docs/cpsv-ap.md lists its terms).
 * @example
 * turtle.includes(`<${CPSV_AP_EXTENSION_NAMESPACE}>`) // the prefix toCpsvAp declares
 */
export const CPSV_AP_EXTENSION_NAMESPACE = NS.gg;

const cpsv = (local: string) => NS.cpsv + local;
const cv = (local: string) => NS.cv + local;
const dct = (local: string) => NS.dct + local;
const skos = (local: string) => NS.skos + local;
const gg = (local: string) => NS.gg + local;

/** The terms the writer and the reader use. @internal */
export const T = {
  type: NS.rdf + "type",
  // classes
  PublicService: cpsv("PublicService"),
  Rule: cpsv("Rule"),
  PublicOrganisation: cv("PublicOrganisation"),
  Agent: NS.foaf + "Agent",
  DctAgent: dct("Agent"),
  Channel: cv("Channel"),
  Cost: cv("Cost"),
  Evidence: cv("Evidence"),
  EvidenceType: cv("EvidenceType"),
  Requirement: cv("Requirement"),
  CriterionRequirement: cv("CriterionRequirement"),
  Participation: cv("Participation"),
  Event: cv("Event"),
  LifeEvent: cv("LifeEvent"),
  BusinessEvent: cv("BusinessEvent"),
  LegalResource: NS.eli + "LegalResource",
  Location: dct("Location"),
  LinguisticSystem: dct("LinguisticSystem"),
  Concept: skos("Concept"),
  ConceptScheme: skos("ConceptScheme"),
  Identifier: NS.adms + "Identifier",
  // properties
  identifier: dct("identifier"),
  title: dct("title"),
  description: dct("description"),
  spatial: dct("spatial"),
  language: dct("language"),
  audience: dct("audience"),
  dctType: dct("type"),
  isPartOf: dct("isPartOf"),
  relation: dct("relation"),
  publisher: dct("publisher"),
  conformsTo: dct("conformsTo"),
  source: dct("source"),
  license: dct("license"),
  prefLabel: skos("prefLabel"),
  altLabel: skos("altLabel"),
  definition: skos("definition"),
  notation: skos("notation"),
  inScheme: skos("inScheme"),
  rdfsLabel: NS.rdfs + "label",
  foafName: NS.foaf + "name",
  geographicName: NS.locn + "geographicName",
  geometry: NS.locn + "geometry",
  subOrganizationOf: NS.org + "subOrganizationOf",
  admsIdentifier: NS.adms + "identifier",
  schemeAgency: NS.adms + "schemeAgency",
  status: NS.adms + "status",
  keyword: NS.dcat + "keyword",
  hasCompetentAuthority: cv("hasCompetentAuthority"),
  hasCompetentAuthority2: cpsv("hasCompetentAuthority"),
  hasParticipation: cv("hasParticipation"),
  hasParticipant: cv("hasParticipant"),
  playsRole: cv("playsRole"),
  role: cv("role"),
  hasChannel: cv("hasChannel"),
  hasCost: cv("hasCost"),
  hasValue: cv("hasValue"),
  ifAccessedThrough: cv("ifAccessedThrough"),
  processingTime: cv("processingTime"),
  hasInput: cpsv("hasInput"),
  hasInputType: cv("hasInputType"),
  holdsRequirement: cv("holdsRequirement"),
  hasCriterion: cv("hasCriterion"),
  hasSupportingEvidence: cv("hasSupportingEvidence"),
  hasLegalResource: cv("hasLegalResource"),
  follows: cpsv("follows"),
  implements: cpsv("implements"),
  hasFormalFramework: cv("hasFormalFramework"),
  hasFormalFramework2: cpsv("hasFormalFramework"),
  isClassifiedBy: cv("isClassifiedBy"),
  thematicArea: cv("thematicArea"),
  sector: cv("sector"),
  isGroupedBy: cv("isGroupedBy"),
  hasRelatedService: cv("hasRelatedService"),
  eliTitle: NS.eli + "title",
  // the extension
  Model: gg("Model"),
  ServicePoint: gg("ServicePoint"),
  TravelCost: gg("TravelCost"),
  Assignment: gg("Assignment"),
  schemaVersion: gg("schemaVersion"),
  leads: gg("leads"),
  supports: gg("supports"),
  assignmentOf: gg("department"),
  assignedFunction: gg("function"),
  region: gg("region"),
  point: gg("point"),
  cost: gg("cost"),
  level: gg("level"),
  kind: gg("kind"),
  population: gg("population"),
  staff: gg("staff"),
  budget: gg("budget"),
  category: gg("category"),
  domain: gg("domain"),
  legalBasis: gg("legalBasis"),
  reusedInput: gg("reusedInput"),
  processingDays: gg("processingDays"),
  annualVolume: gg("annualVolume"),
  published: gg("published"),
  quality: gg("quality"),
  noDescription: gg("noDescription"),
  endToEnd: gg("endToEnd"),
  visits: gg("visits"),
  capacity: gg("capacity"),
  demand: gg("demand"),
  weight: gg("weight"),
  journey: gg("journey"),
  offers: gg("offers"),
  tag: gg("tag"),
  attributes: gg("attributes"),
  listOrder: gg("listOrder"),
  partnerRole: gg("partner"),
  channelKinds: gg("ChannelKinds"),
} as const;

/** Datatypes. @internal */
export const XSD = {
  string: NS.xsd + "string",
  integer: NS.xsd + "integer",
  double: NS.xsd + "double",
  decimal: NS.xsd + "decimal",
  boolean: NS.xsd + "boolean",
  duration: NS.xsd + "duration",
  anyURI: NS.xsd + "anyURI",
  langString: NS.rdf + "langString",
  json: NS.rdf + "JSON",
  wkt: NS.gsp + "wktLiteral",
} as const;
