/**
 * Openness
 * ========
 * How much of each service's description is published: guide, legal basis, fee, processing time, channels and
 * contact, each counted only where it applies, after the EU eGovernment Benchmark's "transparency of service
 * delivery" indicators and China's government-affairs openness (政务公开) service-guide items.
 */
import { compareIds } from "../model/records.js";
import type { Model } from "../schemas/model.js";
import { isActiveService, type Service } from "../schemas/service.js";
import { ratio, type Measured } from "./measured.js";
import { keptResult, sameFields } from "../model/lineage.js";
import { requireModel } from "../model/require-model.js";
import { deprecatedAlias } from "../guard.js";

/** The published items, in report order. */
export const OPENNESS_ITEMS = ["guide", "legalBasis", "fee", "processingTime", "channels", "contact"] as const;
export type OpennessItem = (typeof OPENNESS_ITEMS)[number];

/** Published and applicable counts of a department's items, pooled over its active services. */
export interface PublishedCount {
  applicable: number;
  published: number;
  /** `published / applicable`, or null when nothing applies. */
  share: number | null;
}

/** One active service's openness. */
export interface ServiceOpenness {
  serviceId: string;
  departmentId: string;
  /**
   * The items that apply to this service and that the model records, in {@link OPENNESS_ITEMS} order. Rows with
   * the same items share one frozen list (half a million services need no million lists).
   */
  applicable: readonly OpennessItem[];
  published: number;
  /** `published / applicable.length`, or null when no recorded item applies. */
  share: number | null;
  /** Applicable items not published (a shared, frozen list, as `applicable`). */
  missing: readonly OpennessItem[];
}

/** A department's openness over its active services (items pooled). */
export interface DepartmentOpenness extends PublishedCount {
  departmentId: string;
  services: number;
  /** Missing items by kind, over the department's services. */
  missing: Record<OpennessItem, number>;
}

/** The report of {@link scoreOpenness}. */
export interface OpennessReport {
  /** Active services, sorted by id. */
  services: ServiceOpenness[];
  /** Departments with at least one active service, sorted by id. */
  departments: DepartmentOpenness[];
  overall: {
    /** Published items over applicable items, every active service pooled (unit `items`; known: services with an applicable item). */
    share: Measured;
    services: number;
    /** Services that publish every applicable item the model records. */
    fullyPublished: number;
    /**
     * Per item: services publishing it over services it applies to (unit `services`). Null with `no_data` when no
     * active service states the item (the source says nothing about it), `not_applicable` when it applies to none.
     */
    byItem: Record<OpennessItem, Measured>;
  };
}

/** Which optional items apply: bit 1 the legal basis, bit 2 the fee (the other items always apply). */
function applies(service: Service, hasLegalBasis: ReadonlySet<string>): number {
  // A service that states whether it publishes its legal basis says it has one.
  let legal = service.published?.legalBasis !== undefined;
  for (let k = 0; k < service.functionIds.length && !legal; k++) legal = hasLegalBasis.has(service.functionIds[k]!);
  let fee = service.fee !== undefined;
  for (let k = 0; k < service.channels.length && !fee; k++) fee = service.channels[k]!.fee !== undefined;
  return (legal ? 1 : 0) | (fee ? 2 : 0);
}

/** Bit `i` set when item `i` of OPENNESS_ITEMS is stated (true or false) by some active service. */
function recordedItems(model: Model): number {
  let mask = 0;
  for (const s of model.services) {
    const p = s.published;
    if (!p || !isActiveService(s)) continue;
    OPENNESS_ITEMS.forEach((item, i) => {
      if (p[item] !== undefined) mask |= 1 << i;
    });
    if (mask === 63) break;
  }
  return mask;
}

/** The items of a bit mask over OPENNESS_ITEMS, in that order: one frozen list per mask, shared by the report's rows. */
const ITEM_LISTS: readonly (readonly OpennessItem[])[] = Array.from({ length: 64 }, (_, mask) => Object.freeze(OPENNESS_ITEMS.filter((_item, i) => mask & (1 << i))));

/** The items that apply to a service of {@link applies} code `code`, as a bit mask. */
const applicableMask = (code: number) => 0b111001 | (code & 1 ? 0b10 : 0) | (code & 2 ? 0b100 : 0);

/** A department's running counts, by item position in OPENNESS_ITEMS. */
interface Tally {
  applicable: number;
  published: number;
  services: number;
  missing: Int32Array;
}

/** Counts by item position as a record, keys in {@link OPENNESS_ITEMS} order. */
const itemRecord = (c: Int32Array): Record<OpennessItem, number> =>
  ({ guide: c[0]!, legalBasis: c[1]!, fee: c[2]!, processingTime: c[3]!, channels: c[4]!, contact: c[5]! });

/** A department's or the model's pooled share: null when nothing applies. */
const pooled = (applicable: number, published: number): PublishedCount => ({ applicable, published, share: applicable === 0 ? null : published / applicable });

/** The per-item measures: null with no_data when the item is not recorded, not_applicable when it applies nowhere. */
function byItem(itemApplicable: Int32Array, itemPublished: Int32Array, recorded: number, services: number): Record<OpennessItem, Measured> {
  const out = {} as Record<OpennessItem, Measured>;
  OPENNESS_ITEMS.forEach((item, i) => {
    const known = itemApplicable[i]!;
    const reason = recorded & (1 << i) ? "not_applicable" : "no_data";
    out[item] = ratio(itemPublished[i]!, known, { unit: "services", known, total: services, records: "services", reason });
  });
  return out;
}

/** The running counts of one pass over the services. */
interface Counts {
  itemApplicable: Int32Array;
  itemPublished: Int32Array;
  fullyPublished: number;
  withItems: number;
  services: number;
}

/** What {@link scoreOpenness} reports of each active service, by department, when asked for the detail. */
interface Detail {
  services: ServiceOpenness[];
  byDepartment: Map<string, Tally>;
}

/** A department's tally in the detail, looked up only when the department changes (services come grouped by it). */
function tallyOf(detail: Detail, departmentId: string, last: { id?: string; tally?: Tally }): Tally {
  if (last.tally && last.id === departmentId) return last.tally;
  let t = detail.byDepartment.get(departmentId);
  if (!t) detail.byDepartment.set(departmentId, (t = { applicable: 0, published: 0, services: 0, missing: new Int32Array(OPENNESS_ITEMS.length) }));
  last.id = departmentId;
  last.tally = t;
  return t;
}

/** Counts the applicable and published items of every active service, and fills `detail` when given. */
function countItems(model: Model, recorded: number, detail: Detail | undefined): Counts {
  const hasLegalBasis = new Set<string>();
  for (const f of model.functions) if (f.legalBasis && f.legalBasis.length > 0) hasLegalBasis.add(f.id);
  // Counts by item position in OPENNESS_ITEMS (typed arrays: no lookups by item name in the loop).
  const counts: Counts = { itemApplicable: new Int32Array(OPENNESS_ITEMS.length), itemPublished: new Int32Array(OPENNESS_ITEMS.length), fullyPublished: 0, withItems: 0, services: 0 };
  const last = {};
  for (const s of model.services) {
    if (!isActiveService(s)) continue;
    const mask = applicableMask(applies(s, hasLegalBasis)) & recorded;
    const d = detail && tallyOf(detail, s.departmentId, last);
    let missing = 0;
    for (let i = 0; i < OPENNESS_ITEMS.length; i++) {
      if (!(mask & (1 << i))) continue;
      counts.itemApplicable[i]!++;
      if (s.published?.[OPENNESS_ITEMS[i]!] === true) counts.itemPublished[i]!++;
      else {
        missing |= 1 << i;
        if (d) d.missing[i]!++;
      }
    }
    const applicable = ITEM_LISTS[mask]!.length;
    const published = applicable - ITEM_LISTS[missing]!.length;
    counts.services++;
    if (applicable > 0) {
      counts.withItems++;
      if (missing === 0) counts.fullyPublished++;
    }
    if (!detail || !d) continue;
    detail.services.push({ serviceId: s.id, departmentId: s.departmentId, applicable: ITEM_LISTS[mask]!, published, share: applicable ? published / applicable : null, missing: ITEM_LISTS[missing]! });
    d.applicable += applicable;
    d.published += published;
    d.services++;
  }
  return counts;
}

/** The overall part of the report from the counts. */
function overallOf(c: Counts, recorded: number): OpennessReport["overall"] {
  const total = (x: Int32Array) => x.reduce((a, b) => a + b, 0);
  const share = ratio(total(c.itemPublished), total(c.itemApplicable), { unit: "items", known: c.withItems, total: c.services, records: "services" });
  return { share, services: c.services, fullyPublished: c.fullyPublished, byItem: byItem(c.itemApplicable, c.itemPublished, recorded, c.services) };
}

/** The service fields the overall openness reads (besides the functions' `legalBasis`). */
const OVERALL_FIELDS = ["status", "published", "fee", "channels", "functionIds"];

const overalls = new WeakMap<Model, OpennessReport["overall"]>();

/**
 * The openness report with its overall part only (no service or department rows): what the scorecard reads. Kept
 * for a validated model, and reused for one made from it with the same functions whose services kept their positions
 * and the fields the overall reads (a merge of departments moves services, nothing else). @internal
 */
export function opennessOverall(model: Model): OpennessReport {
  const unchanged = (base: Model) => base.functions === model.functions && sameFields(model, base, "services", OVERALL_FIELDS);
  const overall = keptResult(overalls, model, unchanged, () => {
    const recorded = recordedItems(model);
    return overallOf(countItems(model, recorded, undefined), recorded);
  });
  return { services: [], departments: [], overall: structuredClone(overall) };
}

/**
 * Scores how much of each active service is published, rolled up per department and overall.
 * The guide, processing time, channels and contact apply to every service; the legal basis applies when one of the
 * service's functions records a `legalBasis` or the service states `published.legalBasis` (true or false); the fee
 * applies when the service or one of its channels has a `fee` (0 included: "free" is worth publishing). An item no
 * active service states (true or false) is not recorded: the model says nothing about it, so it counts nowhere
 * and its share is null. Retired and planned services are left out.
 * @example
 * const { overall } = scoreOpenness(exampleCounty);
 * overall.byItem.fee.value // share of fee-charging services that publish their fee
 */
export function scoreOpenness(model: Model): OpennessReport {
  model = requireModel("scoreOpenness", model);
  const recorded = recordedItems(model);
  const detail: Detail = { services: [], byDepartment: new Map() };
  const counts = countItems(model, recorded, detail);
  // The rows come in id order, as requireModel gives a model whose services are in id order; checked in one pass
  // (sorting a sorted list with a comparator cost the nation 70 ms), sorted if ever not.
  const services = detail.services;
  for (let k = 1; k < services.length; k++) {
    if (services[k - 1]!.serviceId < services[k]!.serviceId) continue;
    services.sort((a, b) => compareIds(a.serviceId, b.serviceId));
    break;
  }
  const departments = [...detail.byDepartment]
    .map(([departmentId, t]) => ({ departmentId, services: t.services, ...pooled(t.applicable, t.published), missing: itemRecord(t.missing) }))
    .sort((a, b) => compareIds(a.departmentId, b.departmentId));
  return { services, departments, overall: overallOf(counts, recorded) };
}

/** @deprecated Use {@link scoreOpenness}: the same analysis under the one word govgraph uses for it. */
export const scoreTransparency: (model: Model) => OpennessReport = deprecatedAlias("scoreTransparency", "scoreOpenness", scoreOpenness);
/** @deprecated Use {@link OPENNESS_ITEMS}. */
export const TRANSPARENCY_ITEMS = OPENNESS_ITEMS;
/** @deprecated Use {@link OpennessItem}. */
export type TransparencyItem = OpennessItem;
/** @deprecated Use {@link ServiceOpenness}. */
export type ServiceTransparency = ServiceOpenness;
/** @deprecated Use {@link DepartmentOpenness}. */
export type DepartmentTransparency = DepartmentOpenness;
/** @deprecated Use {@link OpennessReport}. */
export type TransparencyReport = OpennessReport;
