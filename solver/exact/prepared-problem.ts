import type { Problem, ProblemParticipant, ProblemResource, ResourceKind } from '../problem.js';

/** An edge that survives overrides and location: it may become part of a plan. */
export interface Candidate {
  participant: string;
  resource: ProblemResource;
  score: number;
  load: number;
}

/**
 * The problem indexed for model building: forbidden edges and edges to regions a
 * participant does not accept are dropped here, once, so that no constraint sees them.
 */
export interface PreparedProblem {
  problem: Problem;
  resources: Map<string, ProblemResource>;
  candidates: Candidate[];
  byParticipant: Map<string, Candidate[]>;
  byResource: Map<string, Candidate[]>;
  /** Regions each participant with a home region accepts, home first. */
  acceptedRegions: Map<string, string[]>;
}

export function pairKey(participant: string, resource: string): string {
  return `${participant}\u0000${resource}`;
}

/** The home region first, then every other region the participant accepts, without repeats. */
export function regionsOf(participant: ProblemParticipant): string[] {
  if (participant.homeRegion === undefined) return [];
  return [...new Set([participant.homeRegion, ...(participant.regions ?? [])])];
}

export function isPlacing(kind: ResourceKind): boolean {
  return kind !== 'housing';
}

export function prepareProblem(problem: Problem): PreparedProblem {
  const resources = new Map(problem.resources.map((resource) => [resource.id, resource]));
  const acceptedRegions = new Map<string, string[]>();
  for (const participant of problem.participants) {
    if (participant.homeRegion !== undefined) acceptedRegions.set(participant.id, regionsOf(participant));
  }
  const forbidden = new Set(
    problem.overrides.filter((o) => o.action === 'forbid').map((o) => pairKey(o.participant, o.resource)),
  );
  const candidates: Candidate[] = [];
  for (const edge of problem.edges) {
    const resource = resources.get(edge.resource);
    // A national round has 200,000 edges and usually no forbidden pair: no key to build then.
    if (!resource || (forbidden.size > 0 && forbidden.has(pairKey(edge.participant, edge.resource)))) continue;
    const accepted = acceptedRegions.get(edge.participant);
    if (accepted && resource.region !== undefined && !accepted.includes(resource.region)) continue;
    candidates.push({ participant: edge.participant, resource, score: edge.score, load: edge.load });
  }
  return {
    problem,
    resources,
    candidates,
    byParticipant: groupBy(candidates, (c) => c.participant),
    byResource: groupBy(candidates, (c) => c.resource.id),
    acceptedRegions,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
