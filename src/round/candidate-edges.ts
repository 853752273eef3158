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
  /**
   * Pairs kept whatever their rank: those an override or a published assignment names (even
   * when they do not fit: the solver then says why), and the resource's own best candidates.
   */
  protectedPositions: ReadonlySet<number>;
}

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];

/** Whether candidate i ranks before candidate j: higher score first, then lower position. */
function before(positions: ArrayLike<number>, scores: Float64Array, i: number, j: number): boolean {
  return scores[i]! > scores[j]! || (scores[i] === scores[j] && positions[i]! < positions[j]!);
}

/**
 * The best `k` of `positions` by `rank` (the score, or the score less the resource's price),
 * plus every protected one, best first, with their scores. One pass
 * keeps the k best seen so far in order: a national participant has hundreds of eligible
 * resources of a kind and keeps five, so sorting them all would be wasted.
 */
function best(positions: ArrayLike<number>, scores: Float64Array, rank: Float64Array, limits: CandidateLimits): Map<number, number> {
  const k = limits.perKind ?? positions.length;
  const top: number[] = [];
  const extra: number[] = [];
  for (let i = 0; i < positions.length; i += 1) {
    // Most candidates rank below the k kept so far: that test comes first, and the look-ups of
    // protection and room only for the few that pass it (millions of pairs per national build).
    if (top.length === k && !before(positions, rank, i, top[k - 1]!)) {
      if (limits.protectedPositions.has(positions[i]!)) extra.push(i);
      continue;
    }
    if (!limits.protectedPositions.has(positions[i]!) && !limits.fits(positions[i]!)) continue;
    let at = top.length;
    while (at > 0 && before(positions, rank, i, top[at - 1]!)) at -= 1;
    top.splice(at, 0, i);
    if (top.length > k) {
      const dropped = top.pop()!;
      if (limits.protectedPositions.has(positions[dropped]!)) extra.push(dropped);
    }
  }
  const order = [...top, ...extra].sort((a, b) => (before(positions, rank, a, b) ? -1 : before(positions, rank, b, a) ? 1 : 0));
  return new Map(order.map((i) => [positions[i]!, scores[i]!]));
}

/**
 * Candidate edges of one participant. Pruning to K per kind is done here, before the
 * problem exists, so a national round never holds every eligible pair as an edge; a bridged
 * opening keeps at least its best bridging training, or is dropped when none can take the person.
 */
export function keptCandidates(
  eligibility: ParticipantEligibility, scores: Record<ResourceKind, Float64Array>, limits: CandidateLimits,
  rank: Record<ResourceKind, Float64Array> = scores,
): KeptCandidates {
  const kept = new Map<ResourceKind, Map<number, number>>();
  for (const kind of kinds) kept.set(kind, best(eligibility.byKind[kind].eligible, scores[kind], rank[kind], limits));
  const trainings = kept.get('training')!;
  // Only a bridged opening without a kept bridging training needs it: most participants never do.
  let trainingScores: Map<number, number> | undefined;
  const trainingScore = (position: number) => {
    trainingScores ??= new Map(Array.from(eligibility.byKind.training.eligible, (p, i) => [p, scores.training[i]!]));
    return trainingScores.get(position)!;
  };
  const bridges = new Map<number, number[]>();
  for (const [opening, through] of eligibility.bridges) {
    if (!kept.get('opening')!.has(opening)) continue;
    let usable = through.filter((t) => trainings.has(t));
    if (usable.length === 0) {
      const fallback = through.filter((t) => limits.fits(t)).sort((a, b) => trainingScore(b) - trainingScore(a))[0];
      if (fallback !== undefined) {
        trainings.set(fallback, trainingScore(fallback));
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
