import { describe, it, expect } from 'vitest';
import { syntheticPool } from '../../../fixtures/generator/synthetic/pool.js';
import { Pool } from '../../../src/domain/pool.js';
import { runRound } from '../../../src/round/run-round.js';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import type { Problem } from '../../../solver/problem.js';
import type { SolveResult } from '../../../solver/result.js';
import { boundOf } from '../../../solver/scale/merge.js';
import { solveAtScale } from '../../../solver/scale/pipeline.js';
import { checkPlan } from '../support/check-plan.js';
import { randomProblem } from '../support/random-problem.js';

/** A solver whose time limit always runs out before any plan: the worst case the pipeline must survive. */
const outOfTime = async (problem: Problem): Promise<SolveResult> => ({
  status: 'time_limit', objective: null, gap: null, assignments: [], regions: {}, conflicts: [],
  stats: { variables: problem.edges.length, constraints: 0, milliseconds: problem.policy.timeLimitMs, backend: 'highs' },
});

describe('a solve that hits its time limit', () => {
  it('still returns a plan that breaks no rule, with a gap whose bound is above the true optimum', async () => {
    let plans = 0;
    for (let seed = 500; seed < 620; seed += 1) {
      const problem = randomProblem(seed);
      const optimum = await solveExact(problem);
      if (optimum.status !== 'optimal') continue;
      const result = await solveAtScale(problem, outOfTime);
      if (result.status === 'time_limit') continue;
      plans += 1;
      // A pure assignment or an empty part needs no model, hence no time limit.
      if (result.status === 'optimal') expect(result.objective!, `seed ${seed}`).toBeCloseTo(optimum.objective!, 9);
      else expect(result.status, `seed ${seed}`).toBe('feasible');
      expect(checkPlan(problem, result).violations, `seed ${seed}`).toEqual([]);
      expect(checkPlan(problem, result).objective).toBeCloseTo(result.objective!, 9);
      expect(result.objective!, `seed ${seed}`).toBeLessThanOrEqual(optimum.objective! + 1e-9);
      expect(boundOf(result)!, `seed ${seed}`).toBeGreaterThanOrEqual(optimum.objective! - 1e-9);
    }
    // Greedy cannot meet every required kind or override; it must cover most problems.
    expect(plans).toBeGreaterThan(70);
  });

  it('on a 400-participant synthetic round with a 1 ms limit, proposes a plan with its gap, never nothing', async () => {
    const pool = Pool.parse(syntheticPool({ participants: 400, seed: 3 }));
    pool.policy.timeLimitMs = 1;
    pool.policy.candidatesPerKind = 4;
    const { result, report, problem } = await runRound(pool);
    expect(['optimal', 'feasible']).toContain(result.status);
    expect(result.objective).not.toBeNull();
    expect(result.gap).not.toBeNull();
    expect(result.gap!).toBeGreaterThanOrEqual(0);
    expect(checkPlan(problem, result).violations).toEqual([]);
    expect(report.totals.placed).toBeGreaterThan(100);
  });
});
