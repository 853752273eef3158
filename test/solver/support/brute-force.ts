import type { Problem, ProblemEdge, ProblemParticipant } from '../../../solver/problem.js';
import {
  acceptedRegions,
  capacityViolations,
  participantObjective,
  participantViolations,
  priorityShareViolations,
} from './check-plan.js';

/** What one participant could receive: a set of resources, where they would live, and its worth. */
interface Option {
  resources: Set<string>;
  region: string | undefined;
  objective: number;
}

export interface BruteForceResult {
  /** Best objective over every plan that breaks no rule; null when there is none. */
  optimum: number | null;
  plans: number;
}

/**
 * Enumerates every plan of a tiny problem: per participant every set of edges
 * with at most one of each kind, then every combination of those across
 * participants, pruned only by capacity and by an optimistic bound.
 */
export function bruteForce(problem: Problem): BruteForceResult {
  const options = problem.participants.map((participant) => participantOptions(problem, participant));
  const bestRest = suffixBest(options);
  const used = new Map<string, number>();
  const capacity = new Map(problem.resources.map((r) => [r.id, r.capacity]));
  const loads = new Map(problem.edges.map((e) => [`${e.participant}\u0000${e.resource}`, e.load]));
  const chosen: Option[] = [];
  let optimum: number | null = null;
  let plans = 0;

  const visit = (index: number, objective: number): void => {
    if (optimum !== null && objective + (bestRest[index] ?? 0) <= optimum - 1e-9) return;
    const participant = problem.participants[index];
    if (!participant) {
      const assigned = new Map(problem.participants.map((p, i) => [p.id, chosen[i]?.resources ?? new Set<string>()]));
      plans += 1;
      if (priorityShareViolations(problem, assigned).length > 0 || capacityViolations(problem, assigned).length > 0) return;
      if (optimum === null || objective > optimum) optimum = objective;
      return;
    }
    for (const option of options[index] ?? []) {
      const fits = [...option.resources].every(
        (r) => (used.get(r) ?? 0) + (loads.get(`${participant.id}\u0000${r}`) ?? 0) <= (capacity.get(r) ?? 0) + 1e-9,
      );
      if (!fits) continue;
      for (const r of option.resources) used.set(r, (used.get(r) ?? 0) + (loads.get(`${participant.id}\u0000${r}`) ?? 0));
      chosen[index] = option;
      visit(index + 1, objective + option.objective);
      for (const r of option.resources) used.set(r, (used.get(r) ?? 0) - (loads.get(`${participant.id}\u0000${r}`) ?? 0));
    }
  };
  visit(0, 0);
  return { optimum, plans };
}

/** Number of edge sets (at most one per kind) per participant, multiplied: the size of the search. */
export function planSpaceSize(problem: Problem): number {
  return problem.participants.reduce((size, p) => size * edgeSets(problem, p).length, 1);
}

function edgeSets(problem: Problem, participant: ProblemParticipant): ProblemEdge[][] {
  const kindOf = new Map(problem.resources.map((r) => [r.id, r.kind]));
  let sets: ProblemEdge[][] = [[]];
  for (const kind of ['mentor', 'training', 'opening', 'housing'] as const) {
    const ofKind = problem.edges.filter((e) => e.participant === participant.id && kindOf.get(e.resource) === kind);
    sets = sets.flatMap((set) => [set, ...ofKind.map((edge) => [...set, edge])]);
  }
  return sets;
}

function participantOptions(problem: Problem, participant: ProblemParticipant): Option[] {
  const regions: (string | undefined)[] = participant.homeRegion === undefined ? [undefined] : acceptedRegions(participant);
  const options: Option[] = [];
  for (const set of edgeSets(problem, participant)) {
    const resources = new Set(set.map((edge) => edge.resource));
    const region = regions.find((g) => participantViolations(problem, participant, resources, g).length === 0);
    if (region === undefined && participant.homeRegion !== undefined) continue;
    if (region === undefined && participantViolations(problem, participant, resources, undefined).length > 0) continue;
    options.push({ resources, region, objective: participantObjective(problem, participant, resources) });
  }
  return options;
}

function suffixBest(options: readonly Option[][]): number[] {
  const best = new Array<number>(options.length + 1).fill(0);
  for (let i = options.length - 1; i >= 0; i -= 1) {
    const top = Math.max(...(options[i] ?? []).map((o) => o.objective));
    best[i] = (best[i + 1] ?? 0) + (Number.isFinite(top) ? top : 0);
  }
  return best;
}
