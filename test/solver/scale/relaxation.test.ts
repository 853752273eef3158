import { describe, it, expect } from 'vitest';
import type { Problem } from '../../../solver/problem.js';
import { solveByRelaxation, suitsRelaxation } from '../../../solver/scale/large-model.js';
import { boundOf } from '../../../solver/scale/merge.js';
import { bruteForce } from '../support/brute-force.js';
import { checkPlan } from '../support/check-plan.js';
import { randomProblem } from '../support/random-problem.js';

/** Random problems without forced picks, which the relaxation leaves to the exact model. */
function withoutForcedPicks(seed: number): Problem {
  const problem = randomProblem(seed);
  return { ...problem, overrides: problem.overrides.filter((o) => o.action === 'forbid'), policy: { ...problem.policy, requireOne: [] } };
}

describe('Lagrangian relaxation for large components', () => {
  it('is only chosen for large components without forced picks', () => {
    const small = withoutForcedPicks(1);
    expect(suitsRelaxation(small)).toBe(false);
  });

  it("gives a bound never below the brute-force optimum and plans that break no rule, on 150 random problems", async () => {
    let plans = 0;
    let optimal = 0;
    for (let seed = 9000; seed < 9150; seed += 1) {
      const problem = withoutForcedPicks(seed);
      const optimum = bruteForce(problem).optimum;
      const result = await solveByRelaxation(problem, Date.now() + 200);
      if (optimum === null || result.objective === null) continue;
      plans += 1;
      const check = checkPlan(problem, result);
      expect(check.violations, `seed ${seed}`).toEqual([]);
      expect(check.objective, `seed ${seed}`).toBeCloseTo(result.objective, 9);
      expect(result.objective, `seed ${seed}`).toBeLessThanOrEqual(optimum + 1e-9);
      expect(boundOf(result)!, `seed ${seed}`).toBeGreaterThanOrEqual(optimum - 1e-6);
      if (result.status === 'optimal') optimal += 1;
    }
    expect(plans).toBeGreaterThan(100);
    // Small problems mostly close the gap: the bound meets the plan.
    expect(optimal).toBeGreaterThan(plans / 3);
  });
});
