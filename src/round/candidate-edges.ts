import type { ResourceKind } from '../../solver/problem.js';
import type { ParticipantEligibility } from '../eligibility/evaluate.js';

/** One participant's kept candidates: resource positions with their scores. */
export interface KeptCandidates {
  positions: number[];
  scores: number[];
  /** Bridged opening position → the kept training positions that bridge to it. */
  bridges: Map<number, number[]>;
}

export interface CandidateLimits {
  /** Keep only the best K per kind (absent: all). */
  perKind?: number;
  /** Whether the resource at `position` can take this participant at all (capacity ≥ load). */
  fits: (position: number) => boolean;
  /** Pairs an override or a published assignment names: never dropped. */
  protectedPositions: ReadonlySet<number>;
}

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];

/** The best `k` of `positions` by score, plus every protected one. */
function best(positions: readonly number[], scores: Float64Array, limits: CandidateLimits): Map<number, number> {
  const order = positions.map((_, i) => i).filter((i) => limits.fits(positions[i]!) || limits.protectedPositions.has(positions[i]!));
  order.sort((a, b) => scores[b]! - scores[a]! || positions[a]! - positions[b]!);
  const kept = new Map<number, number>();
  order.forEach((i, rank) => {
    const position = positions[i]!;
    if (limits.perKind === undefined || rank < limits.perKind || limits.protectedPositions.has(position)) kept.set(position, scores[i]!);
  });
  return kept;
}

/**
 * Candidate edges of one participant. Pruning to K per kind is done here, before the
 * problem exists, so a national round never holds every eligible pair as an edge; a bridged
 * opening keeps at least its best bridging training, or is dropped when none can take the person.
 */
export function keptCandidates(
  eligibility: ParticipantEligibility, scores: Record<ResourceKind, Float64Array>, limits: CandidateLimits,
): KeptCandidates {
  const kept = new Map<ResourceKind, Map<number, number>>();
  for (const kind of kinds) kept.set(kind, best(eligibility.byKind[kind].eligible, scores[kind], limits));
  const trainings = kept.get('training')!;
  const trainingScore = new Map(eligibility.byKind.training.eligible.map((position, i) => [position, scores.training[i]!]));
  const bridges = new Map<number, number[]>();
  for (const [opening, through] of eligibility.bridges) {
    if (!kept.get('opening')!.has(opening)) continue;
    let usable = through.filter((t) => trainings.has(t));
    if (usable.length === 0) {
      const fallback = through.filter((t) => limits.fits(t)).sort((a, b) => trainingScore.get(b)! - trainingScore.get(a)!)[0];
      if (fallback !== undefined) {
        trainings.set(fallback, trainingScore.get(fallback)!);
        usable = [fallback];
      }
    }
    if (usable.length > 0) bridges.set(opening, usable);
    else kept.get('opening')!.delete(opening);
  }
  const positions: number[] = [];
  const values: number[] = [];
  for (const kind of kinds) {
    for (const [position, score] of kept.get(kind)!) {
      positions.push(position);
      values.push(score);
    }
  }
  return { positions, scores: values, bridges };
}
