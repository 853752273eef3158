import type { ProblemInput, ResourceKind } from '../../../solver/problem.js';
import { parseProblem } from '../../../solver/validate.js';
import type { Problem } from '../../../solver/problem.js';
import { planSpaceSize } from './brute-force.js';

/** mulberry32: a small seeded generator, so every random problem can be rebuilt from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const regionNames = ['north', 'south', 'east', 'south'];
const kinds: ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];
/** Housing and trainings a little more often, so that relocation and bridges come into play. */
const weightedKinds: ResourceKind[] = [...kinds, 'housing', 'training'];

/**
 * A small random problem (≤ 6 participants, ≤ 6 resources) that mixes every
 * constraint type; edges are thinned until brute force stays cheap.
 */
export function randomProblem(seed: number): Problem {
  const random = seededRandom(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const chance = (p: number) => random() < p;

  const participants = Array.from({ length: int(1, 6) }, (_, i) => {
    const homeRegion = chance(0.7) ? pick(regionNames) : undefined;
    // Drawn either way, so that every seed keeps its problem; only meaningful with a home region.
    const regions = chance(0.6) ? regionNames.filter(() => chance(0.6)) : undefined;
    return {
      id: `p${i + 1}`,
      ...(homeRegion === undefined ? {} : { homeRegion, ...(regions && { regions }) }),
      priorityGroups: chance(0.4) ? ['refugees'] : [],
      waitingDays: int(0, 90),
    };
  });
  const resources = Array.from({ length: int(1, 6) }, (_, i) => ({
    id: `r${i + 1}`,
    kind: pick(weightedKinds),
    capacity: int(0, 3),
    ...(chance(0.6) ? { region: pick(regionNames) } : {}),
  }));
  const density = 0.3 + random() * 0.5;
  const edges = participants.flatMap((p) =>
    resources.filter(() => chance(density)).map((r) => ({
      participant: p.id,
      resource: r.id,
      score: int(-2, 12) + (chance(0.2) ? 0.5 : 0),
      load: chance(0.7) ? 1 : pick([2, 1.5, 3]),
    })),
  );
  const input: ProblemInput = {
    participants,
    resources,
    edges,
    bridges: randomBridges(edges, resources, chance, pick),
    overrides: Array.from({ length: int(0, 2) }, () => {
      // Mostly on candidate pairs: a require without an edge is a trivial conflict.
      const pair = edges.length > 0 && chance(0.85) ? pick(edges) : { participant: pick(participants).id, resource: pick(resources).id };
      return { participant: pair.participant, resource: pair.resource, action: chance(0.4) ? ('require' as const) : ('forbid' as const) };
    }),
    policy: randomPolicy(participants, resources, chance, pick, int),
  };
  while (planSpaceSize(parseProblem(input)) > 40_000) input.edges.splice(int(0, input.edges.length - 1), 1);
  return parseProblem(input);
}

function randomBridges(
  edges: { participant: string; resource: string; score: number; load: number }[],
  resources: { id: string; kind: ResourceKind }[],
  chance: (p: number) => boolean,
  pick: <T>(items: readonly T[]) => T,
) {
  const trainings = resources.filter((r) => r.kind === 'training').map((r) => r.id);
  const openings = new Set(resources.filter((r) => r.kind === 'opening').map((r) => r.id));
  if (trainings.length === 0) return [];
  const bridges = edges
    .filter((e) => openings.has(e.resource) && chance(0.5))
    .map((e) => ({ participant: e.participant, opening: e.resource, trainings: [pick(trainings), ...trainings.filter(() => chance(0.3))] }));
  // Most bridges should be passable: give the participant an edge to one of the trainings.
  for (const bridge of bridges) {
    const training = bridge.trainings[0] as string;
    if (chance(0.7) && !edges.some((e) => e.participant === bridge.participant && e.resource === training)) {
      edges.push({ participant: bridge.participant, resource: training, score: 1, load: 1 });
    }
  }
  return bridges;
}

function randomPolicy(
  participants: { id: string }[],
  resources: { id: string }[],
  chance: (p: number) => boolean,
  pick: <T>(items: readonly T[]) => T,
  int: (low: number, high: number) => number,
): ProblemInput['policy'] {
  return {
    requireOne: chance(0.12) ? [pick(kinds)] : [],
    priorityShare: chance(0.3) ? [{ group: 'refugees', minShare: int(1, 6) / 10 }] : [],
    waitingBonusPerDay: chance(0.3) ? pick([0.1, 0.05, 0.25]) : 0,
    previous: chance(0.3) ? Array.from({ length: int(1, 2) }, () => ({ participant: pick(participants).id, resource: pick(resources).id })) : [],
    stabilityPenalty: int(0, 5),
  };
}
