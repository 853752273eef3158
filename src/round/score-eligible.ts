import type { ResourceKind } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import type { CandidatePair, PairScorer } from '../scoring/scorer.js';

/** Scores of one participant's eligible pairs, aligned with `byKind[kind].eligible`. */
export type ParticipantScores = Record<ResourceKind, Float64Array>;

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];

/** Participants scored per call: bounds the memory of one batch of pairs. */
export const participantsPerBatch = 256;

/**
 * Scores every eligible pair with `scorer`, a batch of participants at a time, and keeps
 * only the numbers: breakdowns are asked again for the few pairs that end in the plan.
 */
export function scoreEligible(pool: Pool, eligibility: PoolEligibility, scorer: PairScorer): ParticipantScores[] {
  const all: ParticipantScores[] = [];
  for (let start = 0; start < pool.participants.length; start += participantsPerBatch) {
    const end = Math.min(pool.participants.length, start + participantsPerBatch);
    const scored = scoreBatch(pool, eligibility, scorer, start, end);
    let k = 0;
    for (let p = start; p < end; p += 1) {
      const scores = {} as ParticipantScores;
      for (const kind of kinds) {
        const eligible = eligibility.participants[p]!.byKind[kind].eligible;
        scores[kind] = scored.subarray(k, k + eligible.length);
        k += eligible.length;
      }
      all.push(scores);
    }
  }
  return all;
}

/** Scores of the eligible pairs of participants [start, end), participant by participant and kind by kind. */
function scoreBatch(pool: Pool, eligibility: PoolEligibility, scorer: PairScorer, start: number, end: number): Float64Array {
  let count = 0;
  for (let p = start; p < end; p += 1) for (const kind of kinds) count += eligibility.participants[p]!.byKind[kind].eligible.length;
  const participantOf = new Int32Array(count);
  const resourceOf = new Int32Array(count);
  let k = 0;
  for (let p = start; p < end; p += 1) {
    for (const kind of kinds) {
      const eligible = eligibility.participants[p]!.byKind[kind].eligible;
      participantOf.fill(p, k, k + eligible.length);
      resourceOf.set(eligible, k);
      k += eligible.length;
    }
  }
  const batch = { participants: pool.participants, resources: eligibility.index.resources, participantOf, resourceOf };
  if (scorer.valuesOf) return scorer.valuesOf(pool, batch);
  const pairs: CandidatePair[] = Array.from(participantOf, (p, n) => ({ participant: pool.participants[p]!, resource: eligibility.index.resources[resourceOf[n]!]! }));
  return Float64Array.from(scorer(pool, pairs), (s) => s.score);
}
