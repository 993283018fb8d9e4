/**
 * Cycles
 * ======
 * The parentId trees of regions and departments, and the `after` order of each need's journey, must be acyclic.
 * Both walks are iterative (a tree or a journey may be deep) and report one issue per cycle.
 */
import type { Issue } from "../../errors.js";
import { issue, quote, type IssuePath } from "../../issues.js";
import { fieldOf, isId } from "../records.js";
import type { IdIndexes, RawCollections } from "./ids.js";

const TREE_WORDS = {
  regions: ["Regions", "contain", "region"],
  departments: ["Departments", "supervise", "department"],
} as const;

/**
 * The `cycle` issue of a parentId tree, naming the cycle from its least id; `at` is the position of the record
 * holding that id. The one wording of this problem, wherever it is found. @internal
 */
export function treeCycle(collection: "regions" | "departments", cycleIds: readonly string[], at: (id: string) => number): Issue {
  let least = 0;
  for (let k = 1; k < cycleIds.length; k++) if (cycleIds[k]! < cycleIds[least]!) least = k;
  const ordered = [...cycleIds.slice(least), ...cycleIds.slice(0, least)];
  const [these, verb, one] = TREE_WORDS[collection];
  return issue(
    "cycle",
    [collection, at(ordered[0]!), "parentId"],
    `${these} form a cycle through parentId: ${[...ordered, ordered[0]!].map(quote).join(" -> ")}. A ${one} cannot ${verb} itself; remove one of these parentIds.`,
  );
}

/** Reports one `cycle` issue per cycle of `parentId` in regions and in departments. @internal */
export function checkTrees(collections: RawCollections, ids: IdIndexes, issues: Issue[]): void {
  for (const name of ["regions", "departments"] as const) {
    const records = collections[name];
    const index = ids[name];
    const parent = new Int32Array(records.length).fill(-1);
    for (const i of index.values()) {
      const p = fieldOf(records[i], "parentId");
      if (isId(p)) parent[i] = index.get(p) ?? -1;
    }
    const state = new Uint8Array(records.length); // 0 unseen, 1 on the current walk, 2 done
    const walk: number[] = [];
    for (const start of index.values()) {
      let node = start;
      while (node !== -1 && state[node] === 0) {
        state[node] = 1;
        walk.push(node);
        node = parent[node]!;
      }
      if (node !== -1 && state[node] === 1) {
        const cycleIds = walk.slice(walk.indexOf(node)).map((i) => fieldOf(records[i], "id") as string);
        issues.push(treeCycle(name, cycleIds, (id) => index.get(id)!));
      }
      for (const i of walk) state[i] = 2;
      walk.length = 0;
    }
  }
}

/**
 * Checks each need's journey: `after` must not form a cycle (error `cycle`), and each step's service should list
 * the need in its `needIds` (warning `journey_step_not_meeting_need`). @internal
 */
export function checkJourneys(collections: RawCollections, ids: IdIndexes, issues: Issue[]): void {
  const needs = collections.needs;
  for (let n = 0; n < needs.length; n++) {
    const journey = fieldOf(needs[n], "journey");
    const needId = fieldOf(needs[n], "id");
    if (!Array.isArray(journey) || !isId(needId)) continue;
    const stepOf = journeySteps(journey, needId, n, collections.services, ids, issues);
    journeyCycles(journey, stepOf, ["needs", n, "journey"], needId, issues);
  }
}

/** Each service's first step in a journey, warning about steps whose service does not meet the need. */
function journeySteps(
  journey: readonly unknown[],
  needId: string,
  n: number,
  services: readonly unknown[],
  ids: IdIndexes,
  issues: Issue[],
): Map<string, number> {
  const stepOf = new Map<string, number>();
  for (let s = 0; s < journey.length; s++) {
    const serviceId = fieldOf(journey[s], "serviceId");
    if (!isId(serviceId)) continue;
    if (!stepOf.has(serviceId)) stepOf.set(serviceId, s);
    const at = ids.services.get(serviceId);
    if (at === undefined) continue;
    const needIds = fieldOf(services[at], "needIds");
    if (!Array.isArray(needIds) || !needIds.includes(needId)) {
      issues.push(
        issue(
          "journey_step_not_meeting_need",
          ["needs", n, "journey", s, "serviceId"],
          `Need ${quote(needId)} journey step ${s} uses service ${quote(serviceId)}, which does not list ${quote(needId)} in its needIds. Add the need to the service's needIds or use another service.`,
          "warning",
        ),
      );
    }
  }
  return stepOf;
}

/** Iterative depth-first search over `after` (a journey may be long), one `cycle` issue per back edge. */
function journeyCycles(journey: readonly unknown[], stepOf: Map<string, number>, at: IssuePath, needId: string, issues: Issue[]): void {
  const state = new Uint8Array(journey.length); // 0 unseen, 1 on the stack, 2 done
  const stack: number[] = [];
  const next: number[] = [];
  const enter = (s: number) => {
    state[s] = 1;
    stack.push(s);
    next.push(0);
  };
  for (const root of stepOf.values()) {
    if (state[root] !== 0) continue;
    enter(root);
    while (stack.length > 0) {
      const s = stack[stack.length - 1]!;
      const after = fieldOf(journey[s], "after");
      const k = next[next.length - 1]!;
      if (!Array.isArray(after) || k >= after.length) {
        state[s] = 2;
        stack.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = k + 1;
      const prior = after[k];
      const t = typeof prior === "string" ? stepOf.get(prior) : undefined;
      if (t === undefined) continue;
      if (state[t] === 0) enter(t);
      else if (state[t] === 1) {
        const cycle = stack.slice(stack.indexOf(t)).map((q) => fieldOf(journey[q], "serviceId") as string);
        issues.push(
          issue(
            "cycle",
            [...at, s, "after", k],
            `Need ${quote(needId)} journey steps wait for each other in a cycle through after: ${[...cycle, cycle[0]!].map(quote).join(" -> ")}. Remove one of these after entries.`,
          ),
        );
      }
    }
  }
}
