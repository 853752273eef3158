import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';

/** Candidates per participant and kind when the round keeps some by default: the bench's K. */
export const defaultCandidatesPerKind = 5;

/**
 * Eligible pairs per millisecond of the time limit that a round can weigh all at once (docs/round.md,
 * "Candidates", has the table). Generated pools, every pair against K = 5: 1.0 million pairs
 * (4,000 participants) end within 10 s or 20 s, 1.3 % and 1.0 % better; 2.2 million (6,000) in 20 s
 * end 9.7 % worse, in 40 s as good as K = 5 in 20 s; the national 6.2 million took 56 s of a 20 s
 * limit for a plan 13 % worse. A wrong "every pair" costs more than a wrong K: the threshold
 * sits at the top of what was measured to fit.
 */
export const allPairsPerMs = 100;

/** Every eligible pair of the pool, over all kinds. */
export function eligiblePairCount(eligibility: PoolEligibility): number {
  let count = 0;
  for (const participant of eligibility.participants) {
    for (const kind of Object.values(participant.byKind)) count += kind.eligible.length;
  }
  return count;
}

/**
 * The pool as the round runs it. A policy without `candidatesPerKind` weighs every eligible pair;
 * past `allPairsPerMs` per millisecond of its time limit that would overrun the limit for a worse
 * plan, so the round keeps each participant's best `defaultCandidatesPerKind` per kind as if the
 * policy said so, and the report's `candidates.perKind` says it did. A policy that sets K keeps it.
 */
export function withDefaultCandidates(pool: Pool, eligibility: PoolEligibility): Pool {
  if (pool.policy.candidatesPerKind !== undefined) return pool;
  if (eligiblePairCount(eligibility) <= allPairsPerMs * pool.policy.timeLimitMs) return pool;
  return { ...pool, policy: { ...pool.policy, candidatesPerKind: defaultCandidatesPerKind } };
}
