/**
 * Transparency
 * ============
 * How much of each service's description is published: guide, legal basis, fee, processing time, channels and
 * contact, each counted only where it applies, after the EU eGovernment Benchmark's "transparency of service
 * delivery" indicators and China's government-affairs openness (政务公开) service-guide items.
 */
import { compareIds } from "../model/records.js";
import type { Model } from "../schemas/model.js";
import { isActiveService, type Service } from "../schemas/service.js";
import { requireModel } from "../model/require-model.js";

/** The published items, in report order. */
export const TRANSPARENCY_ITEMS = ["guide", "legalBasis", "fee", "processingTime", "channels", "contact"] as const;
export type TransparencyItem = (typeof TRANSPARENCY_ITEMS)[number];

/** Published and applicable counts of one item, or of all items. */
export interface PublishedCount {
  applicable: number;
  published: number;
  /** `published / applicable`, or 1 when nothing applies. */
  share: number;
}

/** One active service's openness. */
export interface ServiceTransparency {
  serviceId: string;
  departmentId: string;
  /** The items that apply to this service, in {@link TRANSPARENCY_ITEMS} order. */
  applicable: TransparencyItem[];
  published: number;
  share: number;
  /** Applicable items not published. */
  missing: TransparencyItem[];
}

/** A department's openness over its active services (items pooled). */
export interface DepartmentTransparency extends PublishedCount {
  departmentId: string;
  services: number;
  /** Missing items by kind, over the department's services. */
  missing: Record<TransparencyItem, number>;
}

/** The report of {@link scoreTransparency}. */
export interface TransparencyReport {
  /** Active services, sorted by id. */
  services: ServiceTransparency[];
  /** Departments with at least one active service, sorted by id. */
  departments: DepartmentTransparency[];
  /** Every item of every active service pooled, with the same by item. */
  overall: PublishedCount & { services: number; fullyPublished: number; byItem: Record<TransparencyItem, PublishedCount> };
}

/** Which optional items apply: bit 1 the legal basis, bit 2 the fee (the other items always apply). */
function applies(service: Service, hasLegalBasis: ReadonlySet<string>): number {
  let legal = false;
  for (let k = 0; k < service.functionIds.length && !legal; k++) legal = hasLegalBasis.has(service.functionIds[k]!);
  let fee = service.fee !== undefined;
  for (let k = 0; k < service.channels.length && !fee; k++) fee = service.channels[k]!.fee !== undefined;
  return (legal ? 1 : 0) | (fee ? 2 : 0);
}

/** The applicable items of an {@link applies} code, in TRANSPARENCY_ITEMS order (a new array each time). */
function applicableList(code: number): TransparencyItem[] {
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

/** Counts by item position as a record, keys in {@link TRANSPARENCY_ITEMS} order. */
const itemRecord = (c: Int32Array): Record<TransparencyItem, number> =>
  ({ guide: c[0]!, legalBasis: c[1]!, fee: c[2]!, processingTime: c[3]!, channels: c[4]!, contact: c[5]! });

/**
 * Scores how much of each active service is published, rolled up per department and overall.
 * The guide, processing time, channels and contact apply to every service; the legal basis applies when one of the
 * service's functions records a `legalBasis`; the fee applies when the service or one of its channels has a `fee`
 * (0 included: "free" is worth publishing). Retired and planned services are left out.
 * @example
 * const { overall } = scoreTransparency(exampleCounty);
 * overall.byItem.fee.share // share of fee-charging services that publish their fee
 */
export function scoreTransparency(model: Model): TransparencyReport {
  model = requireModel("scoreTransparency", model);
  const hasLegalBasis = new Set<string>();
  for (const f of model.functions) if (f.legalBasis && f.legalBasis.length > 0) hasLegalBasis.add(f.id);

  const services: ServiceTransparency[] = [];
  // Counts by item position in TRANSPARENCY_ITEMS (typed arrays: no lookups by item name in the loop).
  interface Tally {
    applicable: number;
    published: number;
    services: number;
    missing: Int32Array;
  }
  const byDepartment = new Map<string, Tally>();
  const itemApplicable = new Int32Array(TRANSPARENCY_ITEMS.length);
  const itemPublished = new Int32Array(TRANSPARENCY_ITEMS.length);
  const flags = new Uint8Array(TRANSPARENCY_ITEMS.length);
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
      if (!d) byDepartment.set(s.departmentId, (d = { applicable: 0, published: 0, services: 0, missing: new Int32Array(TRANSPARENCY_ITEMS.length) }));
    }
    const missing: TransparencyItem[] = [];
    for (let i = 0; i < TRANSPARENCY_ITEMS.length; i++) {
      if ((i === 1 && !(code & 1)) || (i === 2 && !(code & 2))) continue;
      itemApplicable[i]!++;
      if (flags[i]) itemPublished[i]!++;
      else {
        missing.push(TRANSPARENCY_ITEMS[i]!);
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
  const byItem = {} as Record<TransparencyItem, PublishedCount>;
  TRANSPARENCY_ITEMS.forEach((item, i) => {
    applicable += itemApplicable[i]!;
    published += itemPublished[i]!;
    byItem[item] = count(itemApplicable[i]!, itemPublished[i]!);
  });
  return { services, departments, overall: { ...count(applicable, published), services: services.length, fullyPublished, byItem } };
}
