import type { Problem } from '../problem.js';

/**
 * Splits a problem into independent components: participants are connected when they
 * share a resource through their edges. Every constraint of the model lives inside one
 * participant or one resource, so components share no row, except the priority share
 * (which counts everybody): the returned parts carry no priority share, and the caller
 * checks it on the merged plan. Participants without any edge go with the first component: no
 * row ties them to anyone, and a component of their own would split a problem that does not
 * split. With a priority share that cost the whole solve twice: a generated round of 1,000 with
 * one such participant was solved without the share, missed it, and was solved again whole in
 * the time left (none: 4,445.03 with a gap of 186 % and 2.3 s late with 10 s, 2026-12-08).
 */
export function splitComponents(problem: Problem): Problem[] {
  const index = new Map(problem.participants.map((participant, i) => [participant.id, i]));
  const groups = unionByResource(problem, index);
  const first = problem.participants.findIndex((_, i) => !groups.edgeless.has(i));
  const members = new Map<number, number[]>();
  problem.participants.forEach((_, i) => {
    const root = groups.find(groups.edgeless.has(i) ? Math.max(first, 0) : i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  if (members.size <= 1) return [problem];
  return [...members.values()].map((positions) => componentOf(problem, positions, index));
}

interface Groups {
  find(i: number): number;
  edgeless: Set<number>;
}

function unionByResource(problem: Problem, index: ReadonlyMap<string, number>): Groups {
  const parent = problem.participants.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) [i, parent[i]] = [parent[i]!, root];
    return root;
  };
  const firstUser = new Map<string, number>();
  const edgeless = new Set(parent);
  for (const edge of problem.edges) {
    const participant = index.get(edge.participant);
    if (participant === undefined) continue;
    edgeless.delete(participant);
    const other = firstUser.get(edge.resource);
    if (other === undefined) firstUser.set(edge.resource, participant);
    else {
      const [a, b] = [find(participant), find(other)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  return { find, edgeless };
}

/** The part of `problem` that concerns these participants, with every resource they name. */
function componentOf(problem: Problem, positions: readonly number[], index: ReadonlyMap<string, number>): Problem {
  const inside = new Set(positions);
  const mine = (participant: string) => inside.has(index.get(participant) ?? -1);
  const edges = problem.edges.filter((edge) => mine(edge.participant));
  const bridges = problem.bridges.filter((bridge) => mine(bridge.participant));
  const overrides = problem.overrides.filter((override) => mine(override.participant));
  const previous = problem.policy.previous.filter((pair) => mine(pair.participant));
  const named = new Set([
    ...edges.map((edge) => edge.resource),
    ...bridges.flatMap((bridge) => [bridge.opening, ...bridge.trainings]),
    ...overrides.map((override) => override.resource),
    ...previous.map((pair) => pair.resource),
  ]);
  return {
    participants: positions.map((i) => problem.participants[i]!),
    resources: problem.resources.filter((resource) => named.has(resource.id)),
    edges,
    bridges,
    overrides,
    policy: { ...problem.policy, previous, priorityShare: [] },
  };
}
