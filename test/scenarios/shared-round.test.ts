import { describe, it, expect } from 'vitest';
import { syntheticPool } from '../../fixtures/generator/synthetic/pool.js';
import { Pool } from '../../src/domain/pool.js';
import { CapacityChange } from '../../src/domain/scenario.js';
import { applyScenario } from '../../src/scenarios/apply-changes.js';
import { runSharedRound, solveSharedBase } from '../../src/scenarios/shared-round.js';

/** A generated round of 300 with its best 5 per kind: 3,358 candidates, chosen at the resources' prices. */
function pricedPool(): Pool {
  const pool = Pool.parse(syntheticPool({ participants: 300, seed: 1 }));
  Object.assign(pool.policy, { candidatesPerKind: 5, timeLimitMs: 4000 });
  return pool;
}

describe('a scenario of a base whose candidates were chosen at the prices', async () => {
  const pool = pricedPool();
  const { outcome: base, shared } = await solveSharedBase(pool);
  const scenario = (change: unknown) => runSharedRound(applyScenario(pool, [CapacityChange.parse(change)]).pool, shared);

  it('that adds mentors chooses its candidates at the base\'s prices too, and places at least as well', async () => {
    expect(base.report.candidates.pricingRounds).toBeGreaterThan(0);
    const more = await scenario({ kind: 'mentor', region: 'Île-de-France', delta: 2, unit: 'resources' });
    expect(more.report.candidates.pricingRounds).toBe(base.report.candidates.pricingRounds);
    // Both proven optimal over candidates chosen alike: two more mentors can only help.
    expect([base.result.status, more.result.status]).toEqual(['optimal', 'optimal']);
    expect(more.result.objective!).toBeGreaterThanOrEqual(base.result.objective! - 1e-6);
    expect(more.problem.resources.length).toBe(base.problem.resources.length + 2);
  });

  it('that removes housing keeps the base\'s other candidates, and none of the housing removed', async () => {
    const removed = pool.housingUnits.filter((h) => h.region === 'Bretagne').map((h) => h.id);
    const fewer = await scenario({ kind: 'housing', region: 'Bretagne', delta: -removed.length, unit: 'resources' });
    expect(fewer.report.candidates.pricingRounds).toBe(base.report.candidates.pricingRounds);
    expect(fewer.problem.edges.filter((e) => removed.includes(e.resource))).toEqual([]);
    const kept = new Set(fewer.problem.edges.map((e) => `${e.participant} ${e.resource}`));
    const lost = base.problem.edges.filter((e) => !removed.includes(e.resource) && !kept.has(`${e.participant} ${e.resource}`));
    expect(lost).toEqual([]);
  });
});
