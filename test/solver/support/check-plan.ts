import type { Problem, ProblemParticipant, ResourceKind } from '../../../solver/problem.js';
import type { SolveResult } from '../../../solver/result.js';

/**
 * An independent checker: it reads the problem's semantics directly (not the
 * solver's model) and says which rules a plan breaks and what its objective is.
 */
export interface PlanCheck {
  violations: string[];
  objective: number;
}

const tolerance = 1e-9;

export function checkPlan(problem: Problem, result: Pick<SolveResult, 'assignments' | 'regions'>): PlanCheck {
  const violations: string[] = [];
  const assigned = new Map<string, Set<string>>(problem.participants.map((p) => [p.id, new Set()]));
  for (const assignment of result.assignments) {
    const set = assigned.get(assignment.participant);
    if (!set) violations.push(`assignment to unknown participant ${assignment.participant}`);
    else if (set.has(assignment.resource)) violations.push(`${assignment.participant} → ${assignment.resource} listed twice`);
    else set.add(assignment.resource);
    const edge = problem.edges.find((e) => e.participant === assignment.participant && e.resource === assignment.resource);
    const resource = problem.resources.find((r) => r.id === assignment.resource);
    if (!edge || edge.score !== assignment.score || resource?.kind !== assignment.kind) {
      violations.push(`${assignment.participant} → ${assignment.resource} does not match a candidate edge`);
    }
  }
  for (const participant of problem.participants) {
    const set = assigned.get(participant.id) ?? new Set<string>();
    const region = result.regions[participant.id];
    if (participant.homeRegion === undefined && region !== undefined) violations.push(`${participant.id} has no home region but got one`);
    violations.push(...participantViolations(problem, participant, set, region));
  }
  violations.push(...capacityViolations(problem, assigned), ...priorityShareViolations(problem, assigned));
  const objective = problem.participants.reduce((sum, p) => sum + participantObjective(problem, p, assigned.get(p.id) ?? new Set()), 0);
  return { violations, objective };
}

export function acceptedRegions(participant: ProblemParticipant): string[] {
  if (participant.homeRegion === undefined) return [];
  return [...new Set([participant.homeRegion, ...(participant.regions ?? [])])];
}

function kindOf(problem: Problem, resource: string): ResourceKind | undefined {
  return problem.resources.find((r) => r.id === resource)?.kind;
}

export function isPlaced(problem: Problem, resources: ReadonlySet<string>): boolean {
  return [...resources].some((r) => kindOf(problem, r) !== 'housing');
}

/** Every rule that concerns one participant alone, given what they receive and where they live. */
export function participantViolations(
  problem: Problem,
  participant: ProblemParticipant,
  resources: ReadonlySet<string>,
  region: string | undefined,
): string[] {
  const id = participant.id;
  const violations: string[] = [];
  const kinds = [...resources].map((r) => kindOf(problem, r));
  for (const kind of ['mentor', 'training', 'opening', 'housing'] as const) {
    const count = kinds.filter((k) => k === kind).length;
    if (count > 1) violations.push(`${id} has ${count} ${kind}s`);
    if (count !== 1 && problem.policy.requireOne.includes(kind)) violations.push(`${id} lacks its required ${kind}`);
  }
  for (const override of problem.overrides) {
    if (override.participant !== id) continue;
    const has = resources.has(override.resource);
    if (override.action === 'require' && !has) violations.push(`${id} lacks required ${override.resource}`);
    if (override.action === 'forbid' && has) violations.push(`${id} got forbidden ${override.resource}`);
  }
  for (const bridge of problem.bridges) {
    if (bridge.participant !== id || !resources.has(bridge.opening)) continue;
    if (!bridge.trainings.some((t) => resources.has(t))) violations.push(`${id} took ${bridge.opening} without its bridge`);
  }
  violations.push(...locationViolations(problem, participant, resources, region));
  return violations;
}

function locationViolations(
  problem: Problem,
  participant: ProblemParticipant,
  resources: ReadonlySet<string>,
  region: string | undefined,
): string[] {
  if (participant.homeRegion === undefined) return [];
  const id = participant.id;
  if (region === undefined || !acceptedRegions(participant).includes(region)) return [`${id} lives in no accepted region`];
  const violations: string[] = [];
  const held = problem.resources.filter((r) => resources.has(r.id));
  for (const resource of held) {
    if (resource.region !== undefined && resource.region !== region) violations.push(`${id} uses ${resource.id} outside ${region}`);
  }
  const housed = held.some((r) => r.kind === 'housing' && r.region === region);
  if (region !== participant.homeRegion && !housed) violations.push(`${id} relocates to ${region} without housing there`);
  return violations;
}

export function capacityViolations(problem: Problem, assigned: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const violations: string[] = [];
  for (const resource of problem.resources) {
    let load = 0;
    for (const edge of problem.edges) {
      if (edge.resource === resource.id && assigned.get(edge.participant)?.has(resource.id)) load += edge.load;
    }
    if (load > resource.capacity + tolerance) violations.push(`${resource.id} carries ${load} > ${resource.capacity}`);
  }
  return violations;
}

export function priorityShareViolations(problem: Problem, assigned: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const placed = problem.participants.filter((p) => isPlaced(problem, assigned.get(p.id) ?? new Set()));
  return problem.policy.priorityShare
    .filter((share) => placed.filter((p) => p.priorityGroups.includes(share.group)).length < share.minShare * placed.length - tolerance)
    .map((share) => `group ${share.group} below its share ${share.minShare}`);
}

/** Σ score + waiting bonus if placed − stability penalty for each published pair no longer held. */
export function participantObjective(problem: Problem, participant: ProblemParticipant, resources: ReadonlySet<string>): number {
  const { policy } = problem;
  let objective = 0;
  for (const edge of problem.edges) {
    if (edge.participant === participant.id && resources.has(edge.resource)) objective += edge.score;
  }
  if (isPlaced(problem, resources)) objective += policy.waitingBonusPerDay * participant.waitingDays;
  for (const pair of policy.previous) {
    if (pair.participant === participant.id && !resources.has(pair.resource)) objective -= policy.stabilityPenalty;
  }
  return objective;
}
