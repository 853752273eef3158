import { describe, it, expect } from 'vitest';
import type { Problem } from '../../../solver/problem.js';
import { boundOf } from '../../../solver/scale/merge.js';
import { solveFromStart, warmStartApplies } from '../../../solver/scale/warm-start.js';
import { bruteForce } from '../support/brute-force.js';
import { checkPlan } from '../support/check-plan.js';
import { randomProblem } from '../support/random-problem.js';

/** A random problem without forced picks, with a short time limit. */
function base(seed: number): Problem {
  const problem = randomProblem(seed);
  return {
    ...problem,
    overrides: problem.overrides.filter((o) => o.action === 'forbid'),
    policy: { ...problem.policy, requireOne: [], timeLimitMs: 100 },
  };
}

/** The same problem with the first resource's capacity lowered by one: a capacity scenario. */
function scenario(problem: Problem): Problem {
  return { ...problem, resources: problem.resources.map((r, i) => (i === 0 ? { ...r, capacity: Math.max(0, r.capacity - 1) } : r)) };
}

describe('solving a capacity scenario from the base plan and multipliers', () => {
  it('gives plans that break no rule, never above the optimum, with a bound never below it, on 120 random scenarios', () => {
    let plans = 0;
    for (let seed = 7000; seed < 7120; seed += 1) {
      const problem = base(seed);
      expect(warmStartApplies(problem)).toBe(true);
      const first = solveFromStart(problem);
      const changed = scenario(problem);
      const optimum = bruteForce(changed).optimum;
      const { result } = solveFromStart(changed, first.warm);
      if (optimum === null || result.objective === null) continue;
      plans += 1;
      const check = checkPlan(changed, result);
      expect(check.violations, `seed ${seed}`).toEqual([]);
      expect(check.objective, `seed ${seed}`).toBeCloseTo(result.objective, 9);
      expect(result.objective, `seed ${seed}`).toBeLessThanOrEqual(optimum + 1e-9);
      expect(boundOf(result)!, `seed ${seed}`).toBeGreaterThanOrEqual(optimum - 1e-6);
      if (result.status === 'optimal') expect(result.objective, `seed ${seed}`).toBeCloseTo(optimum, 9);
    }
    expect(plans).toBeGreaterThan(80);
  });

  it('leaves problems with forced picks to the exact model', () => {
    const problem = randomProblem(7001);
    const forced = { ...problem, policy: { ...problem.policy, requireOne: ['mentor' as const] } };
    expect(warmStartApplies(forced)).toBe(false);
  });
});
