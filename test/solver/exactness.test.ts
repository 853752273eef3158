import { describe, it, expect } from 'vitest';
import { solveExact } from '../../solver/exact/solve-exact.js';
import type { Problem } from '../../solver/problem.js';
import { bruteForce } from './support/brute-force.js';
import { checkPlan } from './support/check-plan.js';
import { randomProblem } from './support/random-problem.js';

const seeds = Array.from({ length: 500 }, (_, i) => 1000 + i);

function withBackend(problem: Problem, backend: 'jsLPSolver' | 'highs'): Problem {
  return { ...problem, policy: { ...problem.policy, backend } };
}

describe.each(['jsLPSolver', 'highs'] as const)('exactness against brute force on the %s backend', (backend) => {
  it('matches the brute-force optimum on 500 seeded random small problems, with plans that break no rule', async () => {
    const mismatches: string[] = [];
    let infeasible = 0;
    for (const seed of seeds) {
      const problem = withBackend(randomProblem(seed), backend);
      const expected = bruteForce(problem).optimum;
      const result = await solveExact(problem);
      if (expected === null) {
        infeasible += 1;
        if (result.status !== 'infeasible' || result.conflicts.length === 0) mismatches.push(`seed ${seed}: expected infeasible, got ${result.status}`);
        continue;
      }
      const check = checkPlan(problem, result);
      if (result.status !== 'optimal') mismatches.push(`seed ${seed}: status ${result.status}`);
      else if (Math.abs((result.objective ?? NaN) - expected) > 1e-6) mismatches.push(`seed ${seed}: objective ${result.objective} ≠ ${expected}`);
      else if (Math.abs(check.objective - expected) > 1e-6) mismatches.push(`seed ${seed}: plan is worth ${check.objective} ≠ ${expected}`);
      if (check.violations.length > 0) mismatches.push(`seed ${seed}: ${check.violations.join('; ')}`);
    }
    expect(mismatches).toEqual([]);
    // The mix must exercise both outcomes, or the comparison proves little.
    expect(infeasible).toBeGreaterThan(20);
    expect(infeasible).toBeLessThan(400);
  });
});
