import { describe, it, expect } from 'vitest';
import { syntheticPool } from '../../../fixtures/generator/synthetic/pool.js';
import { Pool } from '../../../src/domain/pool.js';
import { prepareRound } from '../../../src/round/prepare-round.js';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import { prepareProblem } from '../../../solver/exact/prepared-problem.js';
import type { Problem } from '../../../solver/problem.js';
import { lagrangianRelaxation } from '../../../solver/scale/lagrangian/relax.js';
import { solveByRelaxation } from '../../../solver/scale/large-model.js';
import { boundOf } from '../../../solver/scale/merge.js';
import { greedyPlan } from '../../../solver/scale/greedy.js';
import { neighbourhoodFromMs, searchNeighbourhood } from '../../../solver/scale/neighbourhood.js';
import { brokenRules, planObjective } from '../../../solver/scale/plan-rules.js';
import { bruteForce } from '../support/brute-force.js';
import { checkPlan } from '../support/check-plan.js';
import { randomProblem } from '../support/random-problem.js';

/** Random problems without forced picks, as the relaxation sees them. */
function withoutForcedPicks(seed: number): Problem {
  const problem = randomProblem(seed);
  return { ...problem, overrides: problem.overrides.filter((o) => o.action === 'forbid'), policy: { ...problem.policy, requireOne: [] } };
}

describe('exact search around a plan (neighbourhood.ts)', () => {
  it('never returns a plan worse than its start, above the optimum or breaking a rule, on 150 random problems', async () => {
    let searched = 0;
    let optimal = 0;
    for (let seed = 9200; seed < 9350; seed += 1) {
      const problem = withoutForcedPicks(seed);
      const prepared = prepareProblem(problem);
      // A few steps only: the start plan is often poor, which gives the search something to do.
      const start = lagrangianRelaxation(prepared, Date.now() + 2, 0);
      const optimum = bruteForce(problem).optimum;
      if (!start.plan || optimum === null) continue;
      const found = await searchNeighbourhood(prepared, start.plan, start.prices, Date.now() + 2_000);
      if (!found) continue;
      searched += 1;
      expect(brokenRules(prepared, found), `seed ${seed}`).toEqual([]);
      const objective = planObjective(prepared, found);
      expect(objective, `seed ${seed}`).toBeGreaterThanOrEqual(planObjective(prepared, start.plan) - 1e-9);
      expect(objective, `seed ${seed}`).toBeLessThanOrEqual(optimum + 1e-9);
      if (objective >= optimum - 1e-9) optimal += 1;
    }
    expect(searched).toBeGreaterThan(100);
    // On problems this small the neighbourhood is most of the problem: it ends at the optimum (124 of 124 when written).
    expect(optimal).toBeGreaterThan(0.9 * searched);
  });

  it('on a 300-participant synthetic round, improves a greedy plan towards the exact optimum', async () => {
    const pool = Pool.parse(syntheticPool({ participants: 300, seed: 2 }));
    pool.policy.candidatesPerKind = 5;
    const { problem } = prepareRound(pool);
    const prepared = prepareProblem(problem);
    // The prices of a short relaxation choose the neighbourhood; the start is the greedy plan, which
    // does not depend on the machine's speed (a relaxation's plan after 50 ms ended anywhere from
    // 0.3 to 150 below the optimum, and the search has little to close from the best of them).
    const { prices } = lagrangianRelaxation(prepared, Date.now() + 50, 0);
    const start = greedyPlan(prepared);
    const found = await searchNeighbourhood(prepared, start, prices, Date.now() + 10_000);
    const exact = await solveExact({ ...problem, policy: { ...problem.policy, backend: 'highs', timeLimitMs: 60_000 } });
    expect(exact.status).toBe('optimal');
    expect(found).toBeDefined();
    expect(brokenRules(prepared, found!)).toEqual([]);
    const [before, after, optimum] = [planObjective(prepared, start), planObjective(prepared, found!), exact.objective!];
    expect(after).toBeLessThanOrEqual(optimum + 1e-6);
    // The search closes most of what the greedy plan left to the optimum (about 300 → 50 when written).
    expect(optimum - after).toBeLessThan(0.5 * (optimum - before));
  });
});

describe('the relaxation with the search, as the pipeline runs it on large components', () => {
  it('plans the search from 12 s for the national round, from less for fewer participants, never from under 3 s', () => {
    expect(neighbourhoodFromMs(10_000)).toBe(12_000);
    expect(neighbourhoodFromMs(5_000)).toBe(6_000);
    expect(neighbourhoodFromMs(1_500)).toBe(3_000);
    expect(neighbourhoodFromMs(20_000)).toBe(24_000);
  });

  it('on a 300-participant synthetic round, ends within 0.25 % of the exact optimum with a plan that breaks no rule and a bound above it', async () => {
    const pool = Pool.parse(syntheticPool({ participants: 300, seed: 4 }));
    pool.policy.candidatesPerKind = 5;
    const { problem } = prepareRound(pool);
    // The search is planned from 12 s by default; 1 s here, so that the test runs the whole sequence in 3 s.
    const result = await solveByRelaxation(problem, Date.now() + 3_000, 1_000);
    const exact = await solveExact({ ...problem, policy: { ...problem.policy, backend: 'highs', timeLimitMs: 60_000 } });
    expect(result.stats.backend).toBe('lagrangian');
    expect(checkPlan(problem, result).violations).toEqual([]);
    expect(result.objective!).toBeLessThanOrEqual(exact.objective! + 1e-6);
    expect(boundOf(result)!).toBeGreaterThanOrEqual(exact.objective! - 1e-6);
    // Written on the best 5 by score: the relaxation alone 0.39 % below (1,260.13 of 1,265.05), with
    // the search 0.14 %. On the candidates at the prices (2026-12-07): 0.021 % (1,291.97 of 1,292.23).
    expect((exact.objective! - result.objective!) / exact.objective!).toBeLessThan(0.0025);
  });
});
