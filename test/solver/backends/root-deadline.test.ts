import { describe, it, expect } from 'vitest';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import { solve } from '../../../solver/index.js';
import type { Problem } from '../../../solver/problem.js';
import { checkPlan } from '../support/check-plan.js';
import { mediumProblem } from '../support/medium-problem.js';

/**
 * Seeded problem 7 at 200 participants × 40 resources: 2,091 variables and 1,125 rows,
 * whose root relaxation alone takes javascript-lp-solver about 40 s (measured: a 1 s
 * limit was answered after 40 s before the simplex checked the deadline).
 */
const slowRoot = mediumProblem(7, 200, 40);
const limitMs = 1_500;
/** Model building before the search, the greedy fallback and the checks after it. */
const marginMs = 1_000;

function limited(problem: Problem): Problem {
  return { ...problem, policy: { ...problem.policy, backend: 'jsLPSolver', timeLimitMs: limitMs } };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await run();
  return { value, ms: Date.now() - started };
}

// A timeout far below the 40 s the unguarded root took, so that a regression fails instead of hanging.
describe('a jsLPSolver solve whose root relaxation outlasts the time limit', { timeout: 15_000 }, () => {
  it('stops the root simplex at the deadline and says that no plan was found', async () => {
    const { value: result, ms } = await timed(() => solveExact(limited(slowRoot)));
    expect(ms).toBeLessThan(limitMs + marginMs);
    expect(result).toMatchObject({ status: 'time_limit', objective: null, gap: null, assignments: [] });
    expect(result.stats.backend).toBe('jsLPSolver');
  });

  it('through solve(), answers within the limit with the greedy fallback: a plan that breaks no rule, and its gap', async () => {
    const problem = limited(slowRoot);
    const { value: result, ms } = await timed(() => solve(problem));
    expect(ms).toBeLessThan(limitMs + marginMs);
    expect(result.status).toBe('feasible');
    expect(result.gap).toBeGreaterThan(0);
    const check = checkPlan(problem, result);
    expect(check.violations).toEqual([]);
    expect(check.objective).toBeCloseTo(result.objective!, 6);
  });
});
