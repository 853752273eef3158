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
  isProtected: (position: number) => boolean;
  /** Equal candidates are taken in an order of the participant's own (tieOrder): its key, and each resource's by position. */
  tieKeys: { participant: number; resources: Uint32Array };
}

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];

/** FNV-1a of an id: the key a participant or a resource keeps whatever else the pool holds. */
export function idKey(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Where a resource comes among equal candidates for a participant, from their keys (idKey): each
 * participant takes its own order. In pool order every participant of a region kept the same
 * first five of its equal resources (the national pool's 1,129 housing units score in two ways,
 * its 1,000 mentors in 508; at the resources' prices every price-free one ties), and they crowded
 * there while the others had no candidate. National round, 10 s end to end, three runs alternated
 * (2026-12-07): 62,470–62,604 against 61,869–62,080 in pool order. Keyed by ids, not positions,
 * so that a scenario that adds or removes resources keeps the base's choices among the others.
 * The same for the resources' own best participants gained nothing (62,485–62,555 against
 * 62,542–62,597).
 */
export function tieOrder(resourceKey: number, participantKey: number): number {
  return Math.imul(resourceKey ^ Math.imul(participantKey, 0x27d4eb2d), 0x9e3779b1) >>> 0;
}

/** Whether candidate i ranks before candidate j: higher score first, then the participant's tie order, then lower position. */
function before(positions: ArrayLike<number>, scores: Float64Array, i: number, j: number, keys: CandidateLimits['tieKeys']): boolean {
  if (scores[i]! !== scores[j]!) return scores[i]! > scores[j]!;
  const a = tieOrder(keys.resources[positions[i]!]!, keys.participant);
  const b = tieOrder(keys.resources[positions[j]!]!, keys.participant);
  return a !== b ? a < b : positions[i]! < positions[j]!;
}

/**
 * The best `k` of `positions` by `rank` (the score, or the score less the resource's price),
 * plus every protected one, best first, as indices into `positions`. One pass keeps the k best
 * seen so far in order: a national participant has hundreds of eligible resources of a kind and
 * keeps five, so sorting them all would be wasted.
 */
function best(positions: ArrayLike<number>, rank: Float64Array, limits: CandidateLimits): number[] {
  const k = limits.perKind ?? positions.length;
  const top: number[] = [];
  const extra: number[] = [];
  for (let i = 0; i < positions.length; i += 1) {
    // Most candidates rank below the k kept so far: that test comes first, and the look-ups of
    // protection and room only for the few that pass it (millions of pairs per national build).
    if (top.length === k && !before(positions, rank, i, top[k - 1]!, limits.tieKeys)) {
      if (limits.isProtected(positions[i]!)) extra.push(i);
      continue;
    }
    if (!limits.isProtected(positions[i]!) && !limits.fits(positions[i]!)) continue;
    let at = top.length;
    while (at > 0 && before(positions, rank, i, top[at - 1]!, limits.tieKeys)) at -= 1;
    top.splice(at, 0, i);
    if (top.length > k) {
      const dropped = top.pop()!;
      if (limits.isProtected(positions[dropped]!)) extra.push(dropped);
    }
  }
  if (extra.length === 0) return top;
  return [...top, ...extra].sort((a, b) => (before(positions, rank, a, b, limits.tieKeys) ? -1 : before(positions, rank, b, a, limits.tieKeys) ? 1 : 0));
}

/**
 * Picks each participant's candidate edges in turn. Pruning to K per kind is done here, before
 * the problem exists, so a national round never holds every eligible pair as an edge; a bridged
 * opening keeps at least its best bridging training, or is dropped when none can take the person.
 * What a participant keeps is marked by resource position with the participant's turn: a build
 * at the prices picks 200,000 candidates among 6.2 million pairs, and maps per participant and
 * kind were a third of its time.
 */
export class CandidatePicker {
  private readonly keptIn: Int32Array;
  private turn = 0;

  /** `resources`: how many resource positions the pool has. */
  constructor(resources: number) {
    this.keptIn = new Int32Array(resources);
  }

  kept(
    eligibility: ParticipantEligibility, scores: Record<ResourceKind, Float64Array>, limits: CandidateLimits,
    rank: Record<ResourceKind, Float64Array> = scores,
  ): KeptCandidates {
    const turn = (this.turn += 1);
    const keptIn = this.keptIn;
    const chosen = kinds.map((kind) => best(eligibility.byKind[kind].eligible, rank[kind], limits));
    kinds.forEach((kind, n) => { for (const i of chosen[n]!) keptIn[eligibility.byKind[kind].eligible[i]!] = turn; });
    const fallbacks = this.bridgesOf(eligibility, scores, limits, turn);
    const positions: number[] = [];
    const values: number[] = [];
    kinds.forEach((kind, n) => {
      const eligible = eligibility.byKind[kind].eligible;
      for (const i of chosen[n]!) {
        // An opening whose bridges were all out of reach was let go (no longer marked).
        if (keptIn[eligible[i]!] !== turn) continue;
        positions.push(eligible[i]!);
        values.push(scores[kind][i]!);
      }
      if (kind === 'training') for (const [position, score] of fallbacks.added) [positions.push(position), values.push(score)];
    });
    return { positions, scores: values, bridges: fallbacks.bridges };
  }

  /** The bridges of the kept openings over the kept trainings, a fallback training added where none is kept. */
  private bridgesOf(
    eligibility: ParticipantEligibility, scores: Record<ResourceKind, Float64Array>, limits: CandidateLimits, turn: number,
  ): { bridges: Map<number, number[]>; added: [number, number][] } {
    const keptIn = this.keptIn;
    const bridges = new Map<number, number[]>();
    const added: [number, number][] = [];
    // Only a bridged opening without a kept bridging training needs it: most participants never do.
    let trainingScores: Map<number, number> | undefined;
    const trainingScore = (position: number) => {
      trainingScores ??= new Map(Array.from(eligibility.byKind.training.eligible, (p, i) => [p, scores.training[i]!]));
      return trainingScores.get(position)!;
    };
    for (const [opening, through] of eligibility.bridges) {
      if (keptIn[opening] !== turn) continue;
      let usable = through.filter((t) => keptIn[t] === turn);
      if (usable.length === 0) {
        const fallback = through.filter((t) => limits.fits(t)).sort((a, b) => trainingScore(b) - trainingScore(a))[0];
        if (fallback !== undefined) {
          keptIn[fallback] = turn;
          added.push([fallback, trainingScore(fallback)]);
          usable = [fallback];
        }
      }
      if (usable.length > 0) bridges.set(opening, usable);
      else keptIn[opening] = 0;
    }
    return { bridges, added };
  }
}
