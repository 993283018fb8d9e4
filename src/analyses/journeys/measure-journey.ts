/**
 * One need's journey, measured: its steps, departments, visits, evidence and days along the critical path, the
 * longest path through the `after` precedence graph (a DAG) in topological order (Kahn 1962, "Topological sorting
 * of large networks"; Kelley & Walker 1959, the critical path method).
 * @internal
 * @module
 */
import { GovGraphError } from "../../errors.js";
import { compareIds } from "../../model/records.js";
import type { Need } from "../../schemas/need.js";
import type { Channel, Service } from "../../schemas/service.js";
import { isEndToEndOnline, serviceDays, serviceVisits } from "../service-channels.js";
import type { NeedVolume } from "./summary.js";
import type { JourneyResult } from "./types.js";

/** The visits a channel costs when it does not say, and a step whose service has no channel. @internal */
export interface VisitRules {
  visitsOf: Readonly<Record<Channel["kind"], number>>;
  none: number;
}

/** Steps keyed by service: a service listed twice is one step with the union of its `after`, inside the journey. */
function journeySteps(need: Need): Map<string, string[]> {
  const steps = new Map<string, string[]>();
  for (const step of need.journey!) {
    const after = steps.get(step.serviceId) ?? [];
    for (const a of step.after ?? []) if (!after.includes(a)) after.push(a);
    steps.set(step.serviceId, after);
  }
  // `after` entries naming a service outside the journey put no constraint on it.
  for (const [id, after] of steps) steps.set(id, after.filter((a) => steps.has(a)));
  return steps;
}

/** Orders a journey's steps so every step comes after the steps it names in `after`, or throws on a cycle. */
function topologicalSteps(need: Need, steps: Map<string, string[]>): string[] {
  const indegree = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const [id, after] of steps) {
    indegree.set(id, after.length);
    for (const a of after) next.get(a)?.push(id) ?? next.set(a, [id]);
  }
  const ready = [...steps.keys()].filter((id) => indegree.get(id) === 0).sort(compareIds);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const n of next.get(id) ?? []) {
      const left = indegree.get(n)! - 1;
      indegree.set(n, left);
      if (left === 0) ready.push(n);
    }
  }
  if (order.length < steps.size) {
    const stuck = [...steps.keys()].filter((id) => !order.includes(id)).sort(compareIds);
    throw new GovGraphError(
      "invalid_model",
      `analyzeJourneys: the journey of need "${need.id}" has a cycle in "after" among ${stuck.map((s) => `"${s}"`).join(", ")}. Remove one of those "after" entries (validateModel reports it too).`,
      { path: ["needs", need.id, "journey"] },
    );
  }
  return order;
}

/** The days along the critical path and its steps: finish(s) = days(s) + the latest finish before it; ties go to the smaller id. */
function criticalPath(need: Need, steps: Map<string, string[]>, lookup: (id: string) => Service): { days: number; path: string[] } {
  const finish = new Map<string, number>();
  const via = new Map<string, string | undefined>();
  for (const id of topologicalSteps(need, steps)) {
    let start = 0;
    let from: string | undefined;
    for (const a of [...steps.get(id)!].sort(compareIds)) {
      if (from === undefined || finish.get(a)! > start) {
        start = finish.get(a)!;
        from = a;
      }
    }
    finish.set(id, start + serviceDays(lookup(id)));
    via.set(id, from);
  }
  let last: string | undefined;
  for (const id of [...finish.keys()].sort(compareIds)) if (last === undefined || finish.get(id)! > finish.get(last)!) last = id;
  const path: string[] = [];
  for (let at = last; at !== undefined; at = via.get(at)) path.unshift(at);
  return { days: last === undefined ? 0 : finish.get(last)!, path };
}

/** Evidence requests over the steps: reused ones, and how often the citizen is asked for each type. */
function evidenceTally(services: readonly Service[]) {
  let requests = 0;
  let reused = 0;
  const citizenAsked = new Map<string, number>();
  for (const s of services) {
    for (const e of s.evidence ?? []) {
      requests++;
      if (e.source === "reused") reused++;
      else citizenAsked.set(e.evidenceId, (citizenAsked.get(e.evidenceId) ?? 0) + 1);
    }
  }
  let repeatSubmissions = 0;
  const repeated: string[] = [];
  for (const [id, n] of citizenAsked) {
    if (n > 1) {
      repeatSubmissions += n - 1;
      repeated.push(id);
    }
  }
  return { requests, reused, repeatSubmissions, repeated: repeated.sort(compareIds) };
}

/** Measures one need's journey; throws `invalid_model` on an unknown service or a cycle in `after`. @internal */
export function measureJourney(need: Need, volume: NeedVolume, services: ReadonlyMap<string, Service>, rules: VisitRules): JourneyResult {
  const steps = journeySteps(need);
  const lookup = (id: string): Service => {
    const s = services.get(id);
    if (s) return s;
    throw new GovGraphError("invalid_model", `analyzeJourneys: the journey of need "${need.id}" names unknown service "${id}". Run validateModel first.`, {
      path: ["needs", need.id, "journey"],
    });
  };
  const stepServices = [...steps.keys()].map(lookup);
  const departments = new Set<string>();
  let inPersonVisits = 0;
  let endToEnd = 0;
  let withoutChannel = 0;
  for (const s of stepServices) {
    departments.add(s.departmentId);
    if (s.channels.length === 0) withoutChannel++;
    inPersonVisits += serviceVisits(s, rules.visitsOf, rules.none);
    if (isEndToEndOnline(s)) endToEnd++;
  }
  const evidence = evidenceTally(stepServices);
  const path = criticalPath(need, steps, lookup);
  return {
    needId: need.id,
    name: need.name,
    weight: volume.weight,
    volume: volume.volume,
    volumeFrom: volume.volumeFrom,
    services: [...steps.keys()].sort(compareIds),
    departments: [...departments].sort(compareIds),
    inPersonVisits,
    stepsWithoutChannel: withoutChannel,
    evidenceRequests: evidence.requests,
    citizenSupplied: evidence.requests - evidence.reused,
    reused: evidence.reused,
    onceOnlyRate: evidence.requests === 0 ? null : evidence.reused / evidence.requests,
    repeatSubmissions: evidence.repeatSubmissions,
    repeatedEvidence: evidence.repeated,
    endToEndOnlineShare: endToEnd / steps.size,
    days: path.days,
    criticalPath: path.path,
  };
}
