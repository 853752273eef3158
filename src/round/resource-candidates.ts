import type { ResourceKind } from '../../solver/problem.js';
import { resourceCandidateFactor } from '../../solver/scale/prune.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import type { ParticipantScores } from './score-eligible.js';

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];

/**
 * Each resource's own best ⌈resourceCandidateFactor · capacity⌉ eligible participants who fit,
 * returned as positions by participant: they are kept beside the participant's best K.
 *
 * Participants' best K crowd onto the resources most of them score highest. Cut to those alone,
 * the national pool left 646 of its 1,000 mentors, 218 of 500 training sessions and 824 of
 * 1,129 housing units without a single candidate, while half the participants went unplaced:
 * every resource had more eligible participants than places. The solver's own pruning
 * (solver/scale/prune.ts) keeps the same pairs; this is it before the edges exist.
 * Ties go to the participant listed first, as there.
 *
 * With `prices` (by position, per unit of load), a resource ranks participants by what taking it
 * costs each against their own best of the kind: score − price·load − max(0, best score − price·load).
 * Ranked by score, a resource keeps the participants everyone wants, who end up elsewhere: of the
 * mentors in a national plan over every eligible pair, 9 % were among their mentor's best by
 * score, and 61 % had 11 mentors or more worth more to the participant at that plan's prices
 * (2026-12-03). With these picks
 * beside the others the national round's plans rose by about 3 % (docs/scale.md).
 */
export function resourceCandidates(
  eligibility: PoolEligibility,
  scores: readonly ParticipantScores[],
  room: Float64Array,
  householdSize: (participant: number) => number,
  prices?: Float64Array,
): Set<number>[] {
  const limits = Int32Array.from(room, (capacity) => (capacity > 0 ? Math.ceil(resourceCandidateFactor * capacity) : 0));
  const heaps = Array.from(room, () => new CandidateHeap());
  eligibility.participants.forEach((participant, p) => {
    for (const kind of kinds) {
      const eligible = participant.byKind[kind].eligible;
      const kindScores = scores[p]![kind];
      // A housing unit takes the whole household; every other resource one seat.
      const load = kind === 'housing' ? householdSize(p) : 1;
      const best = prices ? bestReducedGain(eligible, kindScores, prices, load) : 0;
      for (let i = 0; i < eligible.length; i += 1) {
        const position = eligible[i]!;
        if (limits[position] === 0 || load > room[position]!) continue;
        const offer = prices ? kindScores[i]! - prices[position]! * load - best : kindScores[i]!;
        heaps[position]!.offer(offer, p, limits[position]!);
      }
    }
  });
  const picks = eligibility.participants.map(() => new Set<number>());
  heaps.forEach((heap, position) => {
    for (const p of heap.participants) picks[p]!.add(position);
  });
  return picks;
}

/** The participant's best score − price·load of a kind, 0 when none is positive (it may take none). */
function bestReducedGain(eligible: ArrayLike<number>, scores: Float64Array, prices: Float64Array, load: number): number {
  let best = 0;
  for (let i = 0; i < eligible.length; i += 1) {
    const gain = scores[i]! - prices[eligible[i]!]! * load;
    if (gain > best) best = gain;
  }
  return best;
}

/**
 * The best `limit` (score, participant) offered so far, as a binary min-heap on the worst
 * kept: a national training session sees thousands of eligible participants and keeps 24,
 * so most offers stop at one comparison with the root.
 */
class CandidateHeap {
  private readonly scores: number[] = [];
  readonly participants: number[] = [];

  offer(score: number, participant: number, limit: number): void {
    if (this.scores.length < limit) {
      this.scores.push(score);
      this.participants.push(participant);
      this.up(this.scores.length - 1);
    } else if (this.worse(0, score, participant)) {
      this.scores[0] = score;
      this.participants[0] = participant;
      this.down(0);
    }
  }

  /** Whether the entry at i ranks below (score, participant): lower score, or equal and listed later. */
  private worse(i: number, score: number, participant: number): boolean {
    const s = this.scores[i]!;
    return s < score || (s === score && this.participants[i]! > participant);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, this.scores[parent]!, this.participants[parent]!)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.scores.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.worse(left, this.scores[worst]!, this.participants[worst]!)) worst = left;
      if (right < n && this.worse(right, this.scores[worst]!, this.participants[worst]!)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
    [this.participants[i], this.participants[j]] = [this.participants[j]!, this.participants[i]!];
  }
}
