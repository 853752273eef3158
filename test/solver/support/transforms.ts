import type { Problem, ProblemEdge, ProblemResource } from '../../../solver/problem.js';

/**
 * Changes to a problem that must not change its optimum, for the invariant tests.
 * Each returns a new problem; the input is never mutated.
 */

/** The problem with its lists in the given orders (each a permutation of indices). */
export function permuted(problem: Problem, order: { participants: number[]; resources: number[]; edges: number[]; bridges: number[] }): Problem {
  const pick = <T>(items: readonly T[], indices: number[]): T[] => indices.map((i) => items[i]!);
  return {
    ...problem,
    participants: pick(problem.participants, order.participants),
    resources: pick(problem.resources, order.resources),
    edges: pick(problem.edges, order.edges),
    bridges: pick(problem.bridges, order.bridges),
  };
}

/** A resource that no edge reaches: no plan can use it. */
export function withUnusedResource(problem: Problem, resource: Omit<ProblemResource, 'id'>): Problem {
  return { ...problem, resources: [...problem.resources, { ...resource, id: 'unused' }] };
}

/**
 * Edges (p, r) whose resource can never be full (capacity ≥ the load of all its edges), with
 * no forbid override and no bridge on p taking r as the opening. A copy r′ of r (same kind,
 * region and capacity) with one edge (p, r′) of lower score is then dominated: in any plan
 * with p → r′, p holds nothing else of that kind, so p → r instead is allowed by every rule
 * (r has room; same region, so the same place to live and the same housing; same kind, so
 * the same placed status, priority shares and waiting bonus; r′ is in no bridge, so no
 * opening loses its training; a previous pair can only be kept) and is worth more.
 */
export function dominatingEdges(problem: Problem): ProblemEdge[] {
  const load = new Map<string, number>();
  for (const edge of problem.edges) load.set(edge.resource, (load.get(edge.resource) ?? 0) + edge.load);
  const roomy = new Set(problem.resources.filter((r) => r.capacity >= (load.get(r.id) ?? 0)).map((r) => r.id));
  const pair = (participant: string, resource: string) => `${participant}\u0000${resource}`;
  const forbidden = new Set(problem.overrides.filter((o) => o.action === 'forbid').map((o) => pair(o.participant, o.resource)));
  const bridged = new Set(problem.bridges.map((b) => pair(b.participant, b.opening)));
  return problem.edges.filter((e) => roomy.has(e.resource) && !forbidden.has(pair(e.participant, e.resource)) && !bridged.has(pair(e.participant, e.resource)));
}

/** The problem with a copy of `edge`'s resource that only `edge`'s participant may take, for `below` less. */
export function withDominatedCandidate(problem: Problem, edge: ProblemEdge, below: number): Problem {
  const resource = problem.resources.find((r) => r.id === edge.resource)!;
  const copy: ProblemResource = { ...resource, id: `${resource.id}-copy` };
  return {
    ...problem,
    resources: [...problem.resources, copy],
    edges: [...problem.edges, { ...edge, resource: copy.id, score: edge.score - below }],
  };
}
