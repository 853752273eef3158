import { describe, it, expect } from 'vitest';
import { syntheticPool } from '../../fixtures/generator/synthetic/pool.js';
import { Pool } from '../../src/domain/pool.js';
import { reportMinMs, reportMsPerEligiblePair, reportReserveMs, solveBudgetMs, solveMinShare } from '../../src/round/round-clock.js';
import { prepareRound } from '../../src/round/prepare-round.js';

function generated(participants: number, policy: Partial<Pool['policy']>): Pool {
  const pool = Pool.parse(syntheticPool({ participants, seed: 1 }));
  Object.assign(pool.policy, policy);
  return pool;
}

describe('the round\'s clock', () => {
  it('leaves the solve the limit less the time gone, the report\'s share and 2 % for its own overrun', () => {
    expect(solveBudgetMs({ startedAt: 1_000, limitMs: 10_000 }, 500, 3_000)).toBe(7_300);
  });

  it('still gives the solve a quarter of the limit when eligibility and scoring took the rest', () => {
    expect(solveBudgetMs({ startedAt: 0, limitMs: 10_000 }, 500, 9_800)).toBe(solveMinShare * 10_000);
  });

  it('keeps time for the report by the pool\'s eligible pairs, and for the bound over all of them when the round keeps some', () => {
    const national = generated(10, { timeLimitMs: 10_000 });
    expect(reportReserveMs(national, 6_000_000)).toBeCloseTo(reportMinMs + 6_000_000 * reportMsPerEligiblePair);
    const pruned = generated(10, { timeLimitMs: 10_000, candidatesPerKind: 5 });
    // 5 % of the limit for the bound, and its set-up over the 100,000 pairs.
    expect(reportReserveMs(pruned, 100_000)).toBeGreaterThan(reportReserveMs(national, 100_000) + 500);
    expect(reportReserveMs(pruned, 1_000_000)).toBe(reportReserveMs(national, 1_000_000));
  });

  it('counts from when the caller started it: a round begun 3 s ago on a 5 s limit solves in what is left', () => {
    const pool = generated(100, { timeLimitMs: 5_000 });
    const { problem } = prepareRound(pool, { startedAt: Date.now() - 3_000 });
    expect(problem.policy.timeLimitMs).toBeLessThanOrEqual(2_000 - 100);
    expect(problem.policy.timeLimitMs).toBeGreaterThan(1_500);
  });
});
