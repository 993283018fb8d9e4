import { COLLECTIONS, compareIds, isActiveService, type Model } from "../../index.js";
import { table, type Block } from "../render/document.js";
import { count, countOrUnknown, described, formatCount, formatFraction, percent, type Value } from "../render/numbers.js";
import { defineSection } from "./section.js";

/** The model's size and shape. @internal */
export interface SummaryReport {
  name: string;
  counts: Record<(typeof COLLECTIONS)[number], number>;
  /** `population`: the sum over the regions that give one (`withPopulation`), null when none does. */
  regionsByLevel: { level: string; regions: number; population: number | null; withPopulation: number }[];
  /** `staff`: staff in post summed over the departments that give it (`withStaff`), null when none does. */
  departmentsByLevel: { level: string; departments: number; staff: number | null; withStaff: number }[];
  channelMix: { kind: string; services: number; share: number; endToEnd: number }[];
  servicesByStatus: { status: string; services: number }[];
}

/** Sums `width` numbers per key, in key order. */
const tally = <T>(items: readonly T[], key: (item: T) => string, add: (acc: number[], item: T) => void, width: number) => {
  const map = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    let acc = map.get(k);
    if (!acc) map.set(k, (acc = new Array<number>(width).fill(0)));
    add(acc, item);
  }
  return [...map.entries()].sort((a, b) => compareIds(a[0], b[0]));
};

/** Active services per channel kind (a service counts once per kind it offers) and how many of them end to end. */
function channelMix(active: readonly Model["services"][number][]): SummaryReport["channelMix"] {
  const counts = new Map<string, [services: number, endToEnd: number]>();
  // Loops, not callbacks: a national model has half a million services.
  for (const service of active) {
    const channels = service.channels;
    for (let i = 0; i < channels.length; i++) {
      const kind = channels[i]!.kind;
      // A kind counts where it first appears, end to end if any channel of it is.
      let first = true;
      let endToEnd = false;
      for (let j = 0; j < channels.length && first; j++) {
        if (channels[j]!.kind !== kind) continue;
        if (j < i) first = false;
        else if (channels[j]!.endToEnd) endToEnd = true;
      }
      if (!first) continue;
      let acc = counts.get(kind);
      if (!acc) counts.set(kind, (acc = [0, 0]));
      acc[0] += 1;
      if (endToEnd) acc[1] += 1;
    }
  }
  return [...counts.entries()]
    .sort((a, b) => compareIds(a[0], b[0]))
    .map(([kind, [services, endToEnd]]) => ({ kind, services, share: active.length ? services / active.length : 0, endToEnd }));
}

/** The summary of a model: counts per collection, regions and departments by level, channel mix, statuses. @internal */
export function summarize(model: Model): SummaryReport {
  return {
    name: model.meta?.name ?? "(unnamed model)",
    counts: Object.fromEntries(COLLECTIONS.map((c) => [c, model[c].length])) as SummaryReport["counts"],
    regionsByLevel: tally(model.regions, (r) => r.level ?? "(none)", (acc, r) => sumKnown(acc, r.population), 3).map(([level, [regions, population, known]]) => ({
      level,
      regions: regions!,
      population: known ? population! : null,
      withPopulation: known!,
    })),
    departmentsByLevel: tally(model.departments, (d) => d.level ?? "(none)", (acc, d) => sumKnown(acc, d.staff?.actual), 3).map(([level, [departments, staff, known]]) => ({
      level,
      departments: departments!,
      staff: known ? staff! : null,
      withStaff: known!,
    })),
    channelMix: channelMix(model.services.filter(isActiveService)),
    servicesByStatus: tally(model.services, (s) => s.status ?? "active", (acc) => (acc[0]! += 1), 1).map(([status, [services]]) => ({
      status,
      services: services!,
    })),
  };
}

/** Counts a record in `acc[0]`, and a figure it may lack in `acc[1]` (the sum) and `acc[2]` (the records giving it). */
function sumKnown(acc: number[], figure: number | undefined): void {
  acc[0]! += 1;
  if (figure === undefined) return;
  acc[1]! += figure;
  acc[2]! += 1;
}

/** A sum over the records that give a figure: `unknown` when none does, and how many do when some lack it. */
function knownSum(sum: number | null, known: number, records: number, what: string): Value {
  if (sum === null || known === records) return countOrUnknown(sum);
  return described(sum, `${formatCount(sum)} (${formatFraction(known, records, what)})`, true);
}

/** Renders a summary: one table per part. @internal */
export function renderSummary(r: SummaryReport): Block[] {
  return [
    table("summary-collections", ["collection", "records"], COLLECTIONS.map((c) => [c, count(r.counts[c])])),
    table(
      "summary-region-levels",
      ["region level", "regions", "population"],
      r.regionsByLevel.map((x) => [x.level, count(x.regions), knownSum(x.population, x.withPopulation, x.regions, "regions")]),
    ),
    table(
      "summary-department-levels",
      ["department level", "departments", "staff in post"],
      r.departmentsByLevel.map((x) => [x.level, count(x.departments), knownSum(x.staff, x.withStaff, x.departments, "departments")]),
    ),
    table(
      "summary-channels",
      ["channel", "active services", { label: "share of active services", csv: "share" }, "end to end"],
      r.channelMix.map((x) => [x.kind, count(x.services), percent(x.share), count(x.endToEnd)]),
    ),
    table("summary-statuses", ["status", "services"], r.servicesByStatus.map((x) => [x.status, count(x.services)])),
  ];
}

/** The summary section of `govgraph analyze`. @internal */
export const summarySection = defineSection<SummaryReport>({ id: "summary", title: "Summary", run: summarize, render: renderSummary });
