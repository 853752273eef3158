import { resourceKinds, type ResourceKind } from '../../solver/problem.js';
import { resourceCandidateFactor } from '../../solver/scale/prune.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import { CandidateHeap } from './candidate-heap.js';
import type { ParticipantScores } from './score-eligible.js';

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
 */
export function resourceCandidates(
  eligibility: PoolEligibility,
  scores: readonly ParticipantScores[],
  room: Float64Array,
  loadOf: (participant: number, kind: ResourceKind) => number,
): Set<number>[] {
  const limits = Int32Array.from(room, (capacity) => (capacity > 0 ? Math.ceil(resourceCandidateFactor * capacity) : 0));
  const heaps = Array.from(room, () => new CandidateHeap());
  eligibility.participants.forEach((participant, p) => {
    for (const kind of resourceKinds) {
      const eligible = participant.byKind[kind].eligible;
      const kindScores = scores[p]![kind];
      const load = loadOf(p, kind);
      for (let i = 0; i < eligible.length; i += 1) {
        const position = eligible[i]!;
        if (limits[position] === 0 || load > room[position]!) continue;
        heaps[position]!.offer(kindScores[i]!, p, limits[position]!);
      }
    }
  });
  const picks = eligibility.participants.map(() => new Set<number>());
  heaps.forEach((heap, position) => {
    for (const p of heap.participants) picks[p]!.add(position);
  });
  return picks;
}
