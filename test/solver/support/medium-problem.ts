import type { ProblemInput, ResourceKind } from '../../../solver/problem.js';
import type { Problem } from '../../../solver/problem.js';
import { parseProblem } from '../../../solver/validate.js';
import { seededRandom } from './random-problem.js';

const regionNames = ['bretagne', 'occitanie', 'normandie'];
const kindsInTurn: ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];

/**
 * A seeded medium problem (e.g. 40 participants × 15 resources), too large for
 * brute force, with every constraint type: loads, relocation with housing,
 * bridges, overrides and the policy terms. Both backends must agree on it.
 */
export function mediumProblem(seed: number, participantCount = 40, resourceCount = 15): Problem {
  const random = seededRandom(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const chance = (p: number) => random() < p;

  const participants = Array.from({ length: participantCount }, (_, i) => {
    const homeRegion = chance(0.8) ? pick(regionNames) : undefined;
    // Drawn either way, so that every seed keeps its problem; only meaningful with a home region.
    const regions = chance(0.3) ? [pick(regionNames)] : undefined;
    return {
      id: `p${i + 1}`,
      ...(homeRegion === undefined ? {} : { homeRegion, ...(regions && { regions }) }),
      priorityGroups: chance(0.3) ? ['isolated'] : [],
      waitingDays: int(0, 400),
    };
  });
  const resources = Array.from({ length: resourceCount }, (_, i) => ({
    id: `r${i + 1}`,
    kind: kindsInTurn[i % kindsInTurn.length] as ResourceKind,
    capacity: int(2, 7),
    ...(chance(0.7) ? { region: pick(regionNames) } : {}),
  }));
  const edges = participants.flatMap((p) =>
    resources.filter(() => chance(0.35)).map((r) => ({
      participant: p.id,
      resource: r.id,
      score: int(0, 20),
      // Caseload weights and family housing make the capacities knapsacks, not counts.
      load: r.kind === 'mentor' ? pick([1, 1, 2, 3]) : r.kind === 'housing' ? pick([1, 2]) : 1,
    })),
  );
  const input: ProblemInput = {
    participants,
    resources,
    edges,
    bridges: mediumBridges(edges, resources, chance, pick),
    overrides: [
      { ...pick(edges), action: 'forbid' as const },
      { ...pick(edges), action: 'forbid' as const },
    ].map(({ participant, resource, action }) => ({ participant, resource, action })),
    policy: {
      priorityShare: chance(0.5) ? [{ group: 'isolated', minShare: 0.3 }] : [],
      waitingBonusPerDay: chance(0.5) ? 0.01 : 0,
      previous: edges.filter(() => chance(0.05)).map(({ participant, resource }) => ({ participant, resource })),
      stabilityPenalty: 3,
    },
  };
  return parseProblem(input);
}

function mediumBridges(
  edges: { participant: string; resource: string }[],
  resources: { id: string; kind: ResourceKind }[],
  chance: (p: number) => boolean,
  pick: <T>(items: readonly T[]) => T,
) {
  const trainings = resources.filter((r) => r.kind === 'training').map((r) => r.id);
  const openings = new Set(resources.filter((r) => r.kind === 'opening').map((r) => r.id));
  return edges
    .filter((e) => openings.has(e.resource) && chance(0.3))
    .map((e) => ({ participant: e.participant, opening: e.resource, trainings: [pick(trainings)] }));
}
