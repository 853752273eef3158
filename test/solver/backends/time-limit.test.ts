import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import { solve } from '../../../solver/index.js';
import type { Problem } from '../../../solver/problem.js';
import type { SolveResult } from '../../../solver/result.js';
import { gapOptima, parseGapFile } from '../../../src/benchmarks/or-library-gap.js';
import { checkPlan } from '../support/check-plan.js';

/**
 * gap12's instances take hundreds of nodes to prove: stopped after a
 * millisecond, the search must hand back its best integer plan with an honest
 * gap, or say that it found none; never a relaxation dressed as a plan.
 */
const directory = fileURLToPath(new URL('../../../fixtures/benchmarks/or-library-gap/', import.meta.url));
const gap12 = parseGapFile(readFileSync(`${directory}gap12.txt`, 'utf8'));

function limited(index: number, backend: 'jsLPSolver' | 'highs'): Problem {
  const problem = gap12[index]!;
  return { ...problem, policy: { ...problem.policy, backend, timeLimitMs: 1 } };
}

/** The checks on a time-limited answer: a valid integer plan whose gap covers the true optimum, or no plan. */
function expectHonestStop(problem: Problem, result: SolveResult, optimum: number): void {
  expect(['feasible', 'time_limit']).toContain(result.status);
  if (result.status === 'time_limit') {
    expect(result.objective).toBeNull();
    expect(result.gap).toBeNull();
    expect(result.assignments).toEqual([]);
    return;
  }
  const check = checkPlan(problem, result);
  expect(check.violations).toEqual([]);
  expect(check.objective).toBe(result.objective);
  expect(Number.isInteger(result.objective)).toBe(true);
  expect(result.objective).toBeLessThanOrEqual(optimum);
  // The gap is measured to a proven bound, which the optimum cannot exceed.
  expect(result.objective! + result.gap! * Math.max(1, result.objective!)).toBeGreaterThanOrEqual(optimum - 1e-6);
}

describe('a search stopped by policy.timeLimitMs on the jsLPSolver backend', () => {
  it('returns the best integer plan found, with status "feasible" and its gap', async () => {
    const problem = limited(4, 'jsLPSolver');
    const result = await solveExact(problem);
    expect(result.status).toBe('feasible');
    expect(result.gap).toBeGreaterThan(0);
    expect(result.assignments).toHaveLength(problem.participants.length);
    expectHonestStop(problem, result, gapOptima.gap12[4]);
  });

  it('says that no plan was found when the root rounding found none', async () => {
    const result = await solveExact(limited(0, 'jsLPSolver'));
    expect(result.status).toBe('time_limit');
    expect(result.objective).toBeNull();
    expect(result.assignments).toEqual([]);
  });
});

describe.each(['jsLPSolver', 'highs'] as const)('a time-limited solve on the %s backend', (backend) => {
  it.each([1, 2, 3, 4, 5])('of gap12 instance %i is an integer plan with its gap, or no plan', async (instance) => {
    const index = instance - 1;
    const problem = limited(index, backend);
    const optimum = gapOptima.gap12[index]!;
    expectHonestStop(problem, await solveExact(problem), optimum);
    expectHonestStop(problem, await solve(problem), optimum);
  });
});
