import { JOURNEYS_DEFAULTS, type JourneysOptions, type JourneysReport, type Model, type Service } from "../../index.js";
import { position, round4, share, type Positions, type ServiceRefs } from "./records.js";
import type { JourneyData, JourneysData, StepData } from "./types.js";

type Need = Model["needs"][number];

/** The fewest in-person visits a step needs through its best channel, by the rule of docs/scorecard.md (Journeys). */
function stepVisits(service: Service, options: JourneysOptions): number {
  const visitsOf = { ...JOURNEYS_DEFAULTS.defaultVisits, ...options.defaultVisits };
  if (service.channels.length === 0) return options.visitsWithoutChannel ?? JOURNEYS_DEFAULTS.visitsWithoutChannel;
  return Math.min(...service.channels.map((c) => c.visits ?? visitsOf[c.kind]));
}

/** Days through the fastest channel (falling back to the service's own), or null when the model does not say. */
function stepDays(service: Service): number | null {
  const days = service.channels.map((c) => c.processingDays ?? service.processingDays).filter((d): d is number => d !== undefined);
  if (days.length > 0) return Math.min(...days);
  return service.processingDays ?? null;
}

/** Each step's stage: 0 when it waits for no step of the journey, else one more than the latest step it waits for. */
function stages(steps: Map<string, Set<string>>): Map<string, number> {
  const stage = new Map<string, number>();
  const visiting = new Set<string>();
  const of = (id: string): number => {
    const known = stage.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle: validation reports it; draw the step at the start
    visiting.add(id);
    let s = 0;
    for (const before of steps.get(id) ?? []) if (steps.has(before)) s = Math.max(s, of(before) + 1);
    visiting.delete(id);
    stage.set(id, s);
    return s;
  };
  for (const id of steps.keys()) of(id);
  return stage;
}

function journeySteps(need: Need, services: ServiceRefs, pos: Positions, options: JourneysOptions): StepData[] {
  const after = new Map<string, Set<string>>();
  for (const step of need.journey ?? []) {
    const set = after.get(step.serviceId) ?? new Set<string>();
    for (const id of step.after ?? []) set.add(id);
    after.set(step.serviceId, set);
  }
  const stage = stages(after);
  const order = [...after.keys()].sort((a, b) => stage.get(a)! - stage.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const asked = new Set<string>();
  return order.map((id) => {
    const s = services.record(id);
    const evidence = (s.evidence ?? []).map((e): [number, 0 | 1, 0 | 1] => {
      const citizen = e.source === "citizen";
      const again = citizen && asked.has(e.evidenceId);
      if (citizen) asked.add(e.evidenceId);
      return [position(pos.evidence, e.evidenceId), citizen ? 1 : 0, again ? 1 : 0];
    });
    return {
      service: services.ref(id),
      stage: stage.get(id)!,
      after: [...after.get(id)!].filter((x) => after.has(x)).map((x) => services.ref(x)),
      visits: stepVisits(s, options),
      channels: [...new Set(s.channels.map((c) => c.kind))],
      endToEnd: s.channels.some((c) => c.endToEnd === true && (c.kind === "online" || c.kind === "mobile")),
      days: stepDays(s),
      evidence,
    };
  });
}

/** The journeys section: each life event's steps in order, with visits, departments and evidence asked again. @internal */
export function journeysData(model: Model, report: JourneysReport, pos: Positions, services: ServiceRefs, options: JourneysOptions): JourneysData {
  const needs = new Map<string, Need>(model.needs.map((n) => [n.id, n]));
  const journeys: JourneyData[] = report.journeys.map((j) => ({
    need: position(pos.needs, j.needId),
    weight: round4(j.weight),
    visits: j.inPersonVisits,
    departments: j.departments.map((id) => position(pos.departments, id)),
    evidenceRequests: j.evidenceRequests,
    reused: j.reused,
    onceOnlyRate: j.evidenceRequests > 0 ? share(j.onceOnlyRate) : null,
    repeatSubmissions: j.repeatSubmissions,
    repeatedEvidence: j.repeatedEvidence.map((id) => position(pos.evidence, id)),
    endToEndOnlineShare: share(j.endToEndOnlineShare),
    days: j.days,
    criticalPath: j.criticalPath.map((id) => services.ref(id)),
    steps: needs.has(j.needId) ? journeySteps(needs.get(j.needId)!, services, pos, options) : [],
  }));
  const s = report.summary;
  const any = report.journeys.length > 0;
  const mean = (x: unknown) => (any ? share(x) : null);
  return {
    summary: {
      journeys: s.journeys,
      inPersonVisits: mean(s.inPersonVisits),
      departments: mean(s.departments),
      evidenceRequests: mean(s.evidenceRequests),
      onceOnlyRate: share(s.onceOnlyRate),
      endToEndOnlineShare: mean(s.endToEndOnlineShare),
      atMostOneVisitShare: mean(s.atMostOneVisitShare),
      repeatSubmissions: mean(s.repeatSubmissions),
      days: mean(s.days),
    },
    journeys,
  };
}
