import type { Problem, ProblemEdge, ResourceKind } from '../problem.js';
import { pairKey } from '../exact/prepared-problem.js';
import { protectedPairs, reachableEdges } from './reachable.js';

/** Candidates a resource keeps per unit of capacity, beside its participants' best K. */
export const resourceCandidateFactor = 2;

export interface PrunedProblem {
  problem: Problem;
  /** Edges that could never be 1 (forbidden, outside accepted regions, load above capacity). */
  unreachable: number;
  /** Edges dropped because they ranked below the best K of their participant and kind. */
  pruned: number;
}

/**
 * Candidate pruning: drops unreachable edges (exact), then keeps for each participant and
 * kind only the best `policy.candidatesPerKind` edges by score, and for each resource its
 * best 2·capacity candidates. Never dropped: a pair that a
 * require override or policy.previous names, and the trainings of a bridge whose opening is
 * kept (else the bridge row would shut the opening). With K at least the largest number of
 * candidates of one kind, the problem is unchanged.
 */
export function pruneCandidates(problem: Problem): PrunedProblem {
  const keep = protectedPairs(problem);
  const reachable = reachableEdges(problem, keep);
  const unreachable = problem.edges.length - reachable.length;
  const limit = problem.policy.candidatesPerKind;
  if (limit === undefined) return { problem: withEdges(problem, reachable), unreachable, pruned: 0 };

  const kinds = new Map(problem.resources.map((resource) => [resource.id, resource.kind]));
  const kept = bestPerKind(reachable, kinds, limit, keep);
  bestPerResource(reachable, problem, kept);
  keepBridgeTrainings(problem, reachable, kept);
  const edges = reachable.filter((edge) => kept.has(pairKey(edge.participant, edge.resource)));
  return { problem: withEdges(problem, edges), unreachable, pruned: reachable.length - edges.length };
}

/** Keys of the best `limit` edges of each participant and kind (ties: first listed), plus the protected ones. */
function bestPerKind(
  edges: readonly ProblemEdge[],
  kinds: ReadonlyMap<string, ResourceKind>,
  limit: number,
  keep: ReadonlySet<string>,
): Set<string> {
  const groups = new Map<string, ProblemEdge[]>();
  for (const edge of edges) {
    const group = `${edge.participant}\u0000${kinds.get(edge.resource)}`;
    const members = groups.get(group);
    if (members) members.push(edge);
    else groups.set(group, [edge]);
  }
  const kept = new Set<string>();
  for (const members of groups.values()) {
    // Array.prototype.sort is stable: equal scores keep their input order.
    const ranked = members.length > limit ? [...members].sort((a, b) => b.score - a.score) : members;
    ranked.forEach((edge, rank) => {
      const key = pairKey(edge.participant, edge.resource);
      if (rank < limit || keep.has(key)) kept.add(key);
    });
  }
  return kept;
}

/** A kept bridged opening keeps every reachable training of its bridge. */
function keepBridgeTrainings(problem: Problem, reachable: readonly ProblemEdge[], kept: Set<string>): void {
  const available = new Set(reachable.map((edge) => pairKey(edge.participant, edge.resource)));
  for (const bridge of problem.bridges) {
    if (!kept.has(pairKey(bridge.participant, bridge.opening))) continue;
    for (const training of bridge.trainings) {
      const key = pairKey(bridge.participant, training);
      if (available.has(key)) kept.add(key);
    }
  }
}

function withEdges(problem: Problem, edges: ProblemEdge[]): Problem {
  return edges.length === problem.edges.length ? problem : { ...problem, edges };
}

/**
 * Each resource also keeps its own best ⌈resourceCandidateFactor · capacity⌉ candidates: a
 * popular resource ranks low for nobody, yet cut to its participants' top K it can run short
 * of people while they crowd elsewhere (measured on the synthetic pool of 300: the pruned
 * optimum at K = 5 moves from 2.3 % to 0.45 % below the unpruned one).
 */
function bestPerResource(edges: readonly ProblemEdge[], problem: Problem, kept: Set<string>): void {
  const capacity = new Map(problem.resources.map((r) => [r.id, r.capacity]));
  const groups = new Map<string, ProblemEdge[]>();
  for (const edge of edges) {
    const members = groups.get(edge.resource);
    if (members) members.push(edge);
    else groups.set(edge.resource, [edge]);
  }
  for (const [resource, members] of groups) {
    const limit = Math.ceil(resourceCandidateFactor * (capacity.get(resource) ?? 0));
    const ranked = members.length > limit ? [...members].sort((a, b) => b.score - a.score) : members;
    for (const edge of ranked.slice(0, limit)) kept.add(pairKey(edge.participant, edge.resource));
  }
}
