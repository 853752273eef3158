import { describe, it, expect } from 'vitest';
import { Pool } from '../../src/domain/pool.js';
import { formatReport } from '../../src/round/format-report.js';
import { prepareRound } from '../../src/round/prepare-round.js';
import { runRound } from '../../src/round/run-round.js';
import { solveUnprunedIfInfeasible } from '../../src/round/unpruned-retry.js';
import { smallPool } from './support/small-pool.js';

/** The small round keeping one candidate per kind, with Amina's mentor locked by the coordinator. */
function prunedRound() {
  const pool = Pool.parse({ ...smallPool(), policy: { ...smallPool().policy, candidatesPerKind: 1 } });
  const prepared = prepareRound(pool, { overrides: [{ participant: 'amina', resource: 'm-occ', action: 'require' }] });
  const round = { pool: prepared.pool, eligibility: prepared.eligibility, scores: prepared.scores, options: prepared.buildOptions };
  return { prepared, round };
}

describe('a round that kept only some eligible pairs', () => {
  it('and found no plan among them is solved again with every eligible pair', async () => {
    const { prepared, round } = prunedRound();
    // Candidates that lost the pair the lock names: no plan holds among them.
    const lost = { ...prepared.problem, edges: prepared.problem.edges.filter((e) => !(e.participant === 'amina' && e.resource === 'm-occ')) };
    const solved = await solveUnprunedIfInfeasible(round, lost);
    expect(solved.unpruned).toBe(true);
    expect(solved.result.status).toBe('optimal');
    expect(solved.result.assignments).toContainEqual(expect.objectContaining({ participant: 'amina', resource: 'm-occ' }));
    expect(solved.pool.policy.candidatesPerKind).toBeUndefined();
    const every = prepareRound(Pool.parse(smallPool()), { overrides: [{ participant: 'amina', resource: 'm-occ', action: 'require' }] });
    expect(solved.problem.edges).toEqual(every.problem.edges);
  });

  it('and found a plan among them keeps it', async () => {
    const { prepared, round } = prunedRound();
    const solved = await solveUnprunedIfInfeasible(round, prepared.problem);
    expect(solved.unpruned).toBe(false);
    expect(solved.problem).toBe(prepared.problem);
    expect(solved.result.status).toBe('optimal');
  });

  it('and has no plan with every pair either is reported infeasible, of the pool', async () => {
    const pool = Pool.parse({ ...smallPool(), policy: { ...smallPool().policy, candidatesPerKind: 1 } });
    const locks = [{ participant: 'amina', resource: 'm-occ', action: 'require' as const }, { participant: 'bilal', resource: 'm-occ', action: 'require' as const }];
    const { result, report } = await runRound(pool, { overrides: locks });
    expect(result.status).toBe('infeasible');
    expect(formatReport(report)).toContain('status     infeasible: no plan satisfies every constraint\n');
  });
});

describe('the report of a pruned round without a plan', () => {
  it('says the plan is missing among the candidates kept, and that more candidates may hold one', async () => {
    const pool = Pool.parse(smallPool());
    const { report } = await runRound(pool, { overrides: [{ participant: 'amina', resource: 'm-occ', action: 'require' }, { participant: 'bilal', resource: 'm-occ', action: 'require' }] });
    // As a pool too large to be solved again with every pair reports it.
    const pruned = { ...report, candidates: { ...report.candidates, perKind: 1, considered: 4 } };
    const text = formatReport(pruned);
    expect(text).toContain(`status     infeasible, among each participant's best 1 per kind and each resource's best 2 per place (4 of ${report.candidates.eligiblePairs} eligible pairs): no plan satisfies every constraint\n`);
    expect(text).toContain('No plan: change one of these (e.g. drop a require override, add capacity), or keep more candidates (policy.candidatesPerKind) and run the round again.');
  });
});
