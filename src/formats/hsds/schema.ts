/**
 * HSDS 3.1 tables
 * ===============
 * The tables of Open Referral's Human Services Data Specification 3.1 as its own tabular data package declares
 * them (openreferral/specification, `datapackage.json` of the 3.1 branch): file, fields in order, types, formats,
 * required and unique flags, enums and foreign keys; and how the JSON form nests one table's records in another's.
 * Titles, descriptions and examples are left out: see the HSDS schema reference.
 * @module
 */

/** The HSDS table (data package resource) names. */
export type HsdsTableName =
  | "organization" | "program" | "service" | "attribute" | "service_at_location" | "location" | "phone" | "contact"
  | "address" | "schedule" | "funding" | "service_area" | "required_document" | "language" | "accessibility"
  | "taxonomy_term" | "metadata" | "meta_table_description" | "cost_option" | "organization_identifier" | "taxonomy"
  | "service_capacity" | "unit" | "url";

/** One field of an HSDS table, as in its data package descriptor. */
export interface HsdsField {
  name: string;
  type: "string" | "number" | "date" | "datetime" | "time";
  format?: "uuid" | "email" | "uri";
  required: boolean;
  unique: boolean;
  enum?: string[];
}

/** One HSDS table: its CSV file, fields and foreign keys (`[field, table]`). */
export interface HsdsTable {
  name: HsdsTableName;
  path: string;
  fields: HsdsField[];
  foreignKeys: [string, HsdsTableName][];
}

// One token per field: name, "!" required, "+" unique, ":type" when not a string, "@format".
const T: [HsdsTableName, string, string, string][] = [
  ["organization", "organizations.csv", "id!+@uuid name! alternate_name description! email@email website@uri tax_status tax_id year_incorporated:number legal_status logo uri@uri parent_organization_id@uuid", ""],
  ["program", "programs.csv", "id!+@uuid organization_id!+@uuid name! alternate_name description!", "organization_id>organization"],
  ["service", "services.csv", "id!+@uuid organization_id!@uuid program_id@uuid name! alternate_name description url@uri email@email status! interpretation_services application_process fees_description wait_time fees accreditations eligibility_description minimum_age:number maximum_age:number assured_date:date assurer_email@email licenses alert last_modified:datetime", "organization_id>organization program_id>program"],
  ["attribute", "attributes.csv", "id!+@uuid link_id!@uuid taxonomy_term_id!@uuid link_type link_entity! value label", "taxonomy_term_id>taxonomy_term"],
  ["service_at_location", "service_at_location.csv", "id!+@uuid service_id!@uuid location_id!@uuid description", "service_id>service location_id>location"],
  ["location", "locations.csv", "id!+@uuid location_type! url@uri organization_id@uuid name alternate_name description transportation latitude:number longitude:number external_identifier external_identifier_type", "organization_id>organization"],
  ["phone", "phones.csv", "id!+@uuid location_id@uuid service_id@uuid organization_id@uuid contact_id@uuid service_at_location_id@uuid number! extension:number type description", "contact_id>contact location_id>location organization_id>organization service_id>service service_at_location_id>service_at_location"],
  ["contact", "contacts.csv", "id!+@uuid organization_id@uuid service_id@uuid service_at_location_id@uuid location_id@uuid name title department email@email", "location_id>location organization_id>organization service_id>service service_at_location_id>service_at_location"],
  ["address", "addresses.csv", "id!+@uuid location_id@uuid attention address_1! address_2 city! region state_province! postal_code! country! address_type!", "location_id>location"],
  ["schedule", "schedules.csv", "id!+@uuid service_id@uuid location_id@uuid service_at_location_id@uuid valid_from:date valid_to:date dtstart:date timezone:number until:date count:number wkst freq interval:number byday byweekno bymonthday byyearday description opens_at:time closes_at:time schedule_link@uri attending_type notes", "location_id>location service_id>service service_at_location_id>service_at_location"],
  ["funding", "funding.csv", "id!+@uuid organization_id@uuid service_id@uuid source", "organization_id>organization service_id>service"],
  ["service_area", "service_areas.csv", "id!+@uuid service_id@uuid service_at_location_id@uuid name description extent extent_type uri", "service_id>service service_at_location_id>service_at_location"],
  ["required_document", "required_documents.csv", "id!+@uuid service_id@uuid document uri@uri", "service_id>service"],
  ["language", "languages.csv", "id!+@uuid service_id@uuid location_id@uuid phone_id@uuid name code note", "location_id>location phone_id>phone service_id>service"],
  ["accessibility", "accessibility.csv", "id!+@uuid location_id@uuid description details url@uri", "location_id>location"],
  ["taxonomy_term", "taxonomy_terms.csv", "id!+@uuid code+ name! description! parent_id@uuid taxonomy language taxonomy_id@uuid term_uri@uri", "taxonomy_id>taxonomy"],
  ["metadata", "metadata.csv", "id!+@uuid resource_id!@uuid resource_type! last_action_date!:date last_action_type! field_name! previous_value! replacement_value! updated_by!", ""],
  ["meta_table_description", "meta_table_descriptions.csv", "id!+@uuid name language character_set", ""],
  ["cost_option", "cost_options.csv", "id!+@uuid service_id!@uuid valid_from:date valid_to:date option currency amount:number amount_description", "service_id>service"],
  ["organization_identifier", "organization_identifiers.csv", "id!+@uuid organization_id!@uuid identifier_scheme identifier_type! identifier!", "organization_id>organization"],
  ["taxonomy", "taxonomies.csv", "id!+@uuid name! description! uri@uri version", ""],
  ["service_capacity", "service_capacity.csv", "service_id!@uuid unit_id!@uuid", "service_id>service unit_id>unit"],
  ["unit", "units.csv", "", ""],
  ["url", "url.csv", "id!+@uuid label url!@uri organization_id@uuid service_id@uuid", "organization_id>organization service_id>service"],
];

const ENUMS: Record<string, string[]> = {
  "service.status": ["active", "inactive", "defunct", "temporarily closed"],
  "location.location_type": ["physical", "postal", "virtual"],
  "address.address_type": ["physical", "postal", "virtual"],
  "schedule.wkst": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
  "schedule.freq": ["WEEKLY", "MONTHLY"],
};

function field(table: string, token: string): HsdsField {
  const m = /^([a-z_0-9]+)(!?)(\+?)(?::(\w+))?(?:@(\w+))?$/.exec(token)!;
  const f: HsdsField = { name: m[1]!, type: (m[4] ?? "string") as HsdsField["type"], required: m[2] === "!", unique: m[3] === "+" };
  if (m[5]) f.format = m[5] as HsdsField["format"];
  const values = ENUMS[`${table}.${f.name}`];
  if (values) f.enum = values;
  return f;
}

/**
 * Every HSDS 3.1 table, in the order of its data package.
 * @example
 * HSDS_TABLES.find((t) => t.name === "service")!.fields.map((f) => f.name); // ["id", "organization_id", "program_id", "name", ...]
 */
export const HSDS_TABLES: readonly HsdsTable[] = T.map(([name, path, spec, keys]) => ({
  name,
  path,
  fields: spec === "" ? [] : spec.split(" ").map((token) => field(name, token)),
  foreignKeys: keys === "" ? [] : keys.split(" ").map((k) => k.split(">") as [string, HsdsTableName]),
}));

/** The tables by name. @internal */
export const TABLE: Readonly<Record<HsdsTableName, HsdsTable>> = Object.fromEntries(HSDS_TABLES.map((t) => [t.name, t])) as Record<HsdsTableName, HsdsTable>;

/**
 * How the JSON form nests a table in another. `many`: the property lists child records whose `key` column
 * names the owner (for attributes and metadata, together with `link_entity` / `resource_type` = the owner's table).
 * `one`: the property holds the record the owner's `key` column names. `record`: a record govgraph maps on its
 * own (a department, service or service point), never kept inside another record's attributes.
 * @internal
 */
export interface HsdsRelation {
  property: string;
  table: HsdsTableName;
  key: string;
  one?: boolean;
  record?: boolean;
}

const many = (property: string, table: HsdsTableName, key: string, record = false): HsdsRelation => ({ property, table, key, ...(record ? { record } : {}) });
const one = (property: string, table: HsdsTableName, key: string, record = false): HsdsRelation => ({ property, table, key, one: true, ...(record ? { record } : {}) });

/** The column of attribute and metadata rows that names the owner's table. @internal */
export const ENTITY_COLUMN: Partial<Record<HsdsTableName, string>> = { attribute: "link_entity", metadata: "resource_type" };

const common = [many("attributes", "attribute", "link_id"), many("metadata", "metadata", "resource_id")];
const own: Partial<Record<HsdsTableName, HsdsRelation[]>> = {
  organization: [
    many("funding", "funding", "organization_id"), many("contacts", "contact", "organization_id"), many("phones", "phone", "organization_id"),
    many("locations", "location", "organization_id", true), many("programs", "program", "organization_id"),
    many("organization_identifiers", "organization_identifier", "organization_id"), many("additional_websites", "url", "organization_id"),
    many("services", "service", "organization_id", true),
  ],
  service: [
    one("organization", "organization", "organization_id", true), one("program", "program", "program_id"),
    many("phones", "phone", "service_id"), many("schedules", "schedule", "service_id"), many("service_areas", "service_area", "service_id"),
    many("service_at_locations", "service_at_location", "service_id"), many("languages", "language", "service_id"),
    many("funding", "funding", "service_id"), many("cost_options", "cost_option", "service_id"),
    many("required_documents", "required_document", "service_id"), many("contacts", "contact", "service_id"),
    many("capacities", "service_capacity", "service_id"), many("additional_urls", "url", "service_id"),
  ],
  service_at_location: [
    one("location", "location", "location_id", true), many("contacts", "contact", "service_at_location_id"),
    many("phones", "phone", "service_at_location_id"), many("schedules", "schedule", "service_at_location_id"),
    many("service_areas", "service_area", "service_at_location_id"),
  ],
  location: [
    many("languages", "language", "location_id"), many("addresses", "address", "location_id"), many("contacts", "contact", "location_id"),
    many("accessibility", "accessibility", "location_id"), many("phones", "phone", "location_id"), many("schedules", "schedule", "location_id"),
  ],
  contact: [many("phones", "phone", "contact_id")],
  phone: [many("languages", "language", "phone_id")],
  service_capacity: [one("unit", "unit", "unit_id")],
  attribute: [one("taxonomy_term", "taxonomy_term", "taxonomy_term_id")],
  taxonomy_term: [one("taxonomy_detail", "taxonomy", "taxonomy_id")],
};

const RELATIONS = Object.fromEntries(
  HSDS_TABLES.map(({ name }) => {
    const mine = own[name] ?? [];
    return [name, name === "metadata" ? mine : name === "attribute" ? [...mine, common[1]!] : [...mine, ...common]];
  }),
) as unknown as Record<HsdsTableName, readonly HsdsRelation[]>;

/** The nested properties of each table's JSON objects. @internal */
export function relationsOf(table: HsdsTableName): readonly HsdsRelation[] {
  return RELATIONS[table];
}
