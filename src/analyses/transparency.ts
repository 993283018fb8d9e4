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
import { requireModel } from "../model/require-model.js";
import { deprecatedAlias } from "../guard.js";

/** The published items, in report order. */
export const OPENNESS_ITEMS = ["guide", "legalBasis", "fee", "processingTime", "channels", "contact"] as const;
export type OpennessItem = (typeof OPENNESS_ITEMS)[number];

/** Published and applicable counts of one item, or of all items. */
export interface PublishedCount {
  applicable: number;
  published: number;
  /** `published / applicable`, or 1 when nothing applies. */
  share: number;
}

/** One active service's openness. */
export interface ServiceOpenness {
  serviceId: string;
  departmentId: string;
  /** The items that apply to this service, in {@link OPENNESS_ITEMS} order. */
  applicable: OpennessItem[];
  published: number;
  share: number;
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
  /** Every item of every active service pooled, with the same by item. */
  overall: PublishedCount & { services: number; fullyPublished: number; byItem: Record<OpennessItem, PublishedCount> };
}

/** Which optional items apply: bit 1 the legal basis, bit 2 the fee (the other items always apply). */
function applies(service: Service, hasLegalBasis: ReadonlySet<string>): number {
  let legal = false;
  for (let k = 0; k < service.functionIds.length && !legal; k++) legal = hasLegalBasis.has(service.functionIds[k]!);
  let fee = service.fee !== undefined;
  for (let k = 0; k < service.channels.length && !fee; k++) fee = service.channels[k]!.fee !== undefined;
  return (legal ? 1 : 0) | (fee ? 2 : 0);
}

/** The applicable items of an {@link applies} code, in OPENNESS_ITEMS order (a new array each time). */
function applicableList(code: number): OpennessItem[] {
  switch (code) {
    case 3:
      return ["guide", "legalBasis", "fee", "processingTime", "channels", "contact"];
    case 1:
      return ["guide", "legalBasis", "processingTime", "channels", "contact"];
    case 2:
      return ["guide", "fee", "processingTime", "channels", "contact"];
    default:
      return ["guide", "processingTime", "channels", "contact"];
  }
}

const count = (applicable: number, published: number): PublishedCount => ({
  applicable,
  published,
  share: applicable === 0 ? 1 : published / applicable,
});

/** Counts by item position as a record, keys in {@link OPENNESS_ITEMS} order. */
const itemRecord = (c: Int32Array): Record<OpennessItem, number> =>
  ({ guide: c[0]!, legalBasis: c[1]!, fee: c[2]!, processingTime: c[3]!, channels: c[4]!, contact: c[5]! });

/**
 * Scores how much of each active service is published, rolled up per department and overall.
 * The guide, processing time, channels and contact apply to every service; the legal basis applies when one of the
 * service's functions records a `legalBasis`; the fee applies when the service or one of its channels has a `fee`
 * (0 included: "free" is worth publishing). Retired and planned services are left out.
 * @example
 * const { overall } = scoreOpenness(exampleCounty);
 * overall.byItem.fee.share // share of fee-charging services that publish their fee
 */
export function scoreOpenness(model: Model): OpennessReport {
  model = requireModel("scoreOpenness", model);
  const hasLegalBasis = new Set<string>();
  for (const f of model.functions) if (f.legalBasis && f.legalBasis.length > 0) hasLegalBasis.add(f.id);

  const services: ServiceOpenness[] = [];
  // Counts by item position in OPENNESS_ITEMS (typed arrays: no lookups by item name in the loop).
  interface Tally {
    applicable: number;
    published: number;
    services: number;
    missing: Int32Array;
  }
  const byDepartment = new Map<string, Tally>();
  const itemApplicable = new Int32Array(OPENNESS_ITEMS.length);
  const itemPublished = new Int32Array(OPENNESS_ITEMS.length);
  const flags = new Uint8Array(OPENNESS_ITEMS.length);
  let fullyPublished = 0;
  let lastDepartment: string | undefined;
  let d: Tally | undefined;
  for (const s of model.services) {
    if (!isActiveService(s)) continue;
    const code = applies(s, hasLegalBasis);
    const applicable = applicableList(code);
    const p = s.published;
    flags[0] = p?.guide === true ? 1 : 0;
    flags[1] = p?.legalBasis === true ? 1 : 0;
    flags[2] = p?.fee === true ? 1 : 0;
    flags[3] = p?.processingTime === true ? 1 : 0;
    flags[4] = p?.channels === true ? 1 : 0;
    flags[5] = p?.contact === true ? 1 : 0;
    // Services of one department usually come together: look the department up only when it changes.
    if (!d || s.departmentId !== lastDepartment) {
      lastDepartment = s.departmentId;
      d = byDepartment.get(s.departmentId);
      if (!d) byDepartment.set(s.departmentId, (d = { applicable: 0, published: 0, services: 0, missing: new Int32Array(OPENNESS_ITEMS.length) }));
    }
    const missing: OpennessItem[] = [];
    for (let i = 0; i < OPENNESS_ITEMS.length; i++) {
      if ((i === 1 && !(code & 1)) || (i === 2 && !(code & 2))) continue;
      itemApplicable[i]!++;
      if (flags[i]) itemPublished[i]!++;
      else {
        missing.push(OPENNESS_ITEMS[i]!);
        d.missing[i]!++;
      }
    }
    const published = applicable.length - missing.length;
    if (missing.length === 0) fullyPublished++;
    services.push({ serviceId: s.id, departmentId: s.departmentId, applicable, published, share: published / applicable.length, missing });
    d.applicable += applicable.length;
    d.published += published;
    d.services++;
  }
  services.sort((a, b) => compareIds(a.serviceId, b.serviceId));
  const departments = [...byDepartment]
    .map(([departmentId, d]) => ({ departmentId, services: d.services, ...count(d.applicable, d.published), missing: itemRecord(d.missing) }))
    .sort((a, b) => compareIds(a.departmentId, b.departmentId));
  let applicable = 0;
  let published = 0;
  const byItem = {} as Record<OpennessItem, PublishedCount>;
  OPENNESS_ITEMS.forEach((item, i) => {
    applicable += itemApplicable[i]!;
    published += itemPublished[i]!;
    byItem[item] = count(itemApplicable[i]!, itemPublished[i]!);
  });
  return { services, departments, overall: { ...count(applicable, published), services: services.length, fullyPublished, byItem } };
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
