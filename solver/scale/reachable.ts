import type { Problem, ProblemEdge } from '../problem.js';
import { pairKey, regionsOf } from '../exact/prepared-problem.js';

/**
 * Pairs that a require override or a published assignment names. They are never
 * dropped by the scale pipeline: a require must reach the model (or its conflict
 * report), and a previous pair carries the stability bonus.
 */
export function protectedPairs(problem: Problem): Set<string> {
  const pairs = new Set<string>();
  for (const override of problem.overrides) {
    if (override.action === 'require') pairs.add(pairKey(override.participant, override.resource));
  }
  for (const pair of problem.policy.previous) pairs.add(pairKey(pair.participant, pair.resource));
  return pairs;
}

/**
 * An edge that can be 1 in some plan: not forbidden, in a region the participant
 * accepts, and with room for its load (capacity ≥ load). Dropping the others changes
 * nothing, since the model would fix them to 0; protected pairs are kept regardless,
 * so that their conflicts are still reported by name.
 */
export function reachableEdges(problem: Problem, keep: ReadonlySet<string> = protectedPairs(problem)): ProblemEdge[] {
  const resources = new Map(problem.resources.map((resource) => [resource.id, resource]));
  const accepted = new Map(problem.participants.map((participant) => [participant.id, regionsOf(participant)]));
  const forbidden = new Set(
    problem.overrides.filter((o) => o.action === 'forbid').map((o) => pairKey(o.participant, o.resource)),
  );
  // Pair keys only when some pair is named: building one per edge is most of the cost on large rounds.
  const named = keep.size > 0 || forbidden.size > 0;
  return problem.edges.filter((edge) => {
    const key = named ? pairKey(edge.participant, edge.resource) : '';
    if (named && keep.has(key)) return true;
    const resource = resources.get(edge.resource);
    if (!resource || (named && forbidden.has(key)) || edge.load > resource.capacity) return false;
    const regions = accepted.get(edge.participant) ?? [];
    return resource.region === undefined || regions.length === 0 || regions.includes(resource.region);
  });
}
