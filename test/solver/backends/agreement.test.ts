import { describe, it, expect } from 'vitest';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import type { Problem } from '../../../solver/problem.js';
import { checkPlan } from '../support/check-plan.js';
import { mediumProblem } from '../support/medium-problem.js';

const seeds = Array.from({ length: 10 }, (_, i) => 1 + i);

function on(problem: Problem, backend: 'jsLPSolver' | 'highs'): Problem {
  return { ...problem, policy: { ...problem.policy, backend } };
}

describe('the two backends on medium problems (40 participants × 15 resources)', () => {
  it.each(seeds)('agree on the optimum of seeded problem %i, each with a plan that breaks no rule', async (seed) => {
    const problem = mediumProblem(seed);
    const reference = await solveExact(on(problem, 'jsLPSolver'));
    const highs = await solveExact(on(problem, 'highs'));
    expect([reference.status, highs.status]).toEqual(['optimal', 'optimal']);
    expect([reference.stats.backend, highs.stats.backend]).toEqual(['jsLPSolver', 'highs']);
    expect(reference.objective).toBeCloseTo(highs.objective ?? NaN, 6);
    for (const result of [reference, highs]) {
      const check = checkPlan(problem, result);
      expect(check.violations).toEqual([]);
      expect(check.objective).toBeCloseTo(result.objective ?? NaN, 6);
    }
  });
});
