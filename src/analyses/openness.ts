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
  /** The items that apply to this service and that the model records, in {@link OPENNESS_ITEMS} order. */
  applicable: OpennessItem[];
  published: number;
  /** `published / applicable.length`, or null when no recorded item applies. */
  share: number | null;
  /** Applicable items not published. */
  missing: OpennessItem[];
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

/** The items of a bit mask over OPENNESS_ITEMS, in that order (one shared array per mask: copy before changing). */
const ITEM_LISTS: readonly (readonly OpennessItem[])[] = Array.from({ length: 64 }, (_, mask) => OPENNESS_ITEMS.filter((_item, i) => mask & (1 << i)));

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
  const hasLegalBasis = new Set<string>();
  for (const f of model.functions) if (f.legalBasis && f.legalBasis.length > 0) hasLegalBasis.add(f.id);
  const recorded = recordedItems(model);

  const services: ServiceOpenness[] = [];
  // Counts by item position in OPENNESS_ITEMS (typed arrays: no lookups by item name in the loop).
  const byDepartment = new Map<string, Tally>();
  const itemApplicable = new Int32Array(OPENNESS_ITEMS.length);
  const itemPublished = new Int32Array(OPENNESS_ITEMS.length);
  let fullyPublished = 0;
  let withItems = 0;
  let lastDepartment: string | undefined;
  let d: Tally | undefined;
  for (const s of model.services) {
    if (!isActiveService(s)) continue;
    const mask = applicableMask(applies(s, hasLegalBasis)) & recorded;
    const applicable = ITEM_LISTS[mask]!.slice();
    // Services of one department usually come together: look the department up only when it changes.
    if (!d || s.departmentId !== lastDepartment) {
      lastDepartment = s.departmentId;
      d = byDepartment.get(s.departmentId);
      if (!d) byDepartment.set(s.departmentId, (d = { applicable: 0, published: 0, services: 0, missing: new Int32Array(OPENNESS_ITEMS.length) }));
    }
    const missing: OpennessItem[] = [];
    for (let i = 0; i < OPENNESS_ITEMS.length; i++) {
      if (!(mask & (1 << i))) continue;
      itemApplicable[i]!++;
      if (s.published?.[OPENNESS_ITEMS[i]!] === true) itemPublished[i]!++;
      else {
        missing.push(OPENNESS_ITEMS[i]!);
        d.missing[i]!++;
      }
    }
    const published = applicable.length - missing.length;
    if (applicable.length > 0) {
      withItems++;
      if (missing.length === 0) fullyPublished++;
    }
    services.push({ serviceId: s.id, departmentId: s.departmentId, applicable, published, share: applicable.length ? published / applicable.length : null, missing });
    d.applicable += applicable.length;
    d.published += published;
    d.services++;
  }
  services.sort((a, b) => compareIds(a.serviceId, b.serviceId));
  const departments = [...byDepartment]
    .map(([departmentId, t]) => ({ departmentId, services: t.services, ...pooled(t.applicable, t.published), missing: itemRecord(t.missing) }))
    .sort((a, b) => compareIds(a.departmentId, b.departmentId));
  const total = (c: Int32Array) => c.reduce((a, b) => a + b, 0);
  const share = ratio(total(itemPublished), total(itemApplicable), { unit: "items", known: withItems, total: services.length, records: "services" });
  return { services, departments, overall: { share, services: services.length, fullyPublished, byItem: byItem(itemApplicable, itemPublished, recorded, services.length) } };
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
