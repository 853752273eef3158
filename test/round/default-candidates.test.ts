import { describe, it, expect } from 'vitest';
import { syntheticPool } from '../../fixtures/generator/synthetic/pool.js';
import { Pool } from '../../src/domain/pool.js';
import { evaluatePool } from '../../src/eligibility/evaluate.js';
import { allPairsPerMs, defaultCandidatesPerKind, eligiblePairCount, withDefaultCandidates } from '../../src/round/default-candidates.js';
import { runRound } from '../../src/round/run-round.js';

/** A generated pool whose time limit makes its eligible pairs `factor` times what a round weighs all at once. */
function poolWithPairs(factor: number): { pool: Pool; pairs: number } {
  const pool = Pool.parse(syntheticPool({ participants: 200, seed: 2 }));
  const pairs = eligiblePairCount(evaluatePool(pool));
  pool.policy.timeLimitMs = Math.max(1, Math.floor(pairs / (allPairsPerMs * factor)));
  return { pool, pairs };
}

describe('candidates kept when the policy sets none', () => {
  it('weighs every eligible pair while they fit the time limit', async () => {
    const { pool, pairs } = poolWithPairs(0.5);
    expect(withDefaultCandidates(pool, evaluatePool(pool))).toBe(pool);
    const { report } = await runRound(pool);
    expect(report.candidates).toMatchObject({ eligiblePairs: pairs, perKind: null });
  });

  it('keeps each participant\'s best K per kind once the pairs outgrow the time limit, and the report says so', async () => {
    const { pool, pairs } = poolWithPairs(4);
    const { report } = await runRound(pool);
    expect(report.candidates.perKind).toBe(defaultCandidatesPerKind);
    expect(report.candidates.eligiblePairs).toBe(pairs);
    expect(report.candidates.considered).toBeLessThan(pairs);
    // The caller's pool and its policy are left as they were.
    expect(pool.policy.candidatesPerKind).toBeUndefined();
  });

  it('keeps the K a policy sets, however large the round', () => {
    const { pool } = poolWithPairs(4);
    pool.policy.candidatesPerKind = 2;
    expect(withDefaultCandidates(pool, evaluatePool(pool)).policy.candidatesPerKind).toBe(2);
  });
});
