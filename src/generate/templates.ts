/**
 * The details of each service template, drawn once and shared by every county's copy: name, function, needs and
 * segments, channels (in person always; online, phone, mobile and kiosk unless the need is in-person only),
 * processing days, fee and the evidence asked. Shared pieces are frozen, so no record can change another.
 * @internal
 * @module
 */
import { compareIds } from "../model/records.js";
import type { Rng } from "../random.js";
import { EVIDENCE } from "./catalogue.js";
import { cf } from "./functions.js";
import type { NeedsPlan, Template } from "./needs.js";

type Rec = Record<string, unknown>;

const SERVICE_NAMES: Record<string, (x: string) => string> = {
  lic: (x) => `Licence application: ${x}`,
  reg: (x) => `Registration service: ${x}`,
  pay: (x) => `Fee payment: ${x}`,
  inf: (x) => `Enquiry desk: ${x}`,
};

/** The channels of a template: in person, then the remote ones and a kiosk unless it is in-person only. */
function channels(rng: Rng, t: Template): void {
  const inPerson: Rec = { kind: "in_person", visits: t.inPersonOnly ? 2 : rng.int(1, 2), processingDays: t.processingDays, fee: t.fee };
  t.channels = [inPerson];
  t.kiosk = false;
  if (!t.inPersonOnly) {
    const endToEnd = rng.chance(0.45);
    t.channels.push({ kind: "online", endToEnd, visits: endToEnd ? 0 : 1, processingDays: Math.max(0, t.processingDays - 1), fee: t.fee });
    if (t.verb === "inf" || rng.chance(0.15)) t.channels.push({ kind: "phone", endToEnd: t.verb === "inf", visits: 0 });
    if (rng.chance(0.25)) t.channels.push({ kind: "mobile", endToEnd, visits: endToEnd ? 0 : 1, processingDays: t.processingDays });
    if (rng.chance(0.12)) {
      t.channels.push({ kind: "kiosk", endToEnd: false, visits: 1, processingDays: t.processingDays, fee: t.fee });
      t.kiosk = true;
    }
  }
  t.inPerson = true;
}

/** The evidence a template asks: an identity card or business licence, sometimes one more; reused when its issuer is the same sector. */
function evidence(rng: Rng, t: Template, issuerSector: ReadonlyMap<string, string>): void {
  const first = t.segmentIds.includes("businesses") ? "e-business-licence" : "e-identity-card";
  const wanted = [first];
  if (rng.chance(0.5)) {
    const other = `e-${rng.pick(EVIDENCE)[0]}`;
    if (other !== first) wanted.push(other);
  }
  t.evidence = wanted.sort(compareIds).map((evidenceId) => ({
    evidenceId,
    source: issuerSector.get(evidenceId) === t.sector.key || rng.chance(0.3) ? "reused" : "citizen",
  }));
}

/** Fills in every template, in key order, and returns them in that order. @internal */
export function detailTemplates(rng: Rng, plan: NeedsPlan): Template[] {
  const { needById, lifeTemplates } = plan;
  const issuerSector = new Map(EVIDENCE.map(([key, , sector]) => [`e-${key}`, sector]));
  const sorted = [...plan.templates.values()].sort((a, b) => compareIds(a.key, b.key));
  sorted.forEach((t, index) => {
    const subject = t.sector.subjects[t.subject]!;
    t.index = index;
    t.name = SERVICE_NAMES[t.verb]!(subject);
    t.functionIds = [cf(t.sector.key, t.subject, t.verb)];
    t.needIds = [...t.needs].sort(compareIds);
    t.segmentIds = [...new Set(t.needIds.map((n) => needById.get(n)!.segment))].sort(compareIds);
    t.processingDays = t.verb === "lic" ? rng.int(5, 20) : t.verb === "reg" ? rng.int(1, 7) : rng.int(0, 3);
    t.fee = t.verb === "lic" ? rng.pick([0, 0, 50, 100, 200]) : t.verb === "pay" ? rng.pick([10, 20, 50]) : 0;
    channels(rng, t);
    evidence(rng, t, issuerSector);
    t.partner = lifeTemplates.has(t) && rng.chance(0.3);
    for (const list of [t.functionIds, t.needIds, t.segmentIds, t.channels, t.evidence]) {
      for (const item of list) Object.freeze(item);
      Object.freeze(list);
    }
    t.volumeRate = t.needIds.reduce((sum, n) => sum + needById.get(n)!.rate / needById.get(n)!.templates.length, 0);
  });
  return sorted;
}
