import { describe, it, expect } from 'vitest';
import { solveExact } from '../../solver/exact/solve-exact.js';
import { solve } from '../../solver/index.js';
import type { Problem } from '../../solver/problem.js';
import type { SolveResult } from '../../solver/result.js';
import { bruteForce } from './support/brute-force.js';
import { checkPlan } from './support/check-plan.js';
import { randomProblem } from './support/random-problem.js';

const seeds = Array.from({ length: 500 }, (_, i) => 1000 + i);
const problems = seeds.map((seed) => ({ seed, problem: randomProblem(seed) }));
const optima = new Map(problems.map(({ seed, problem }) => [seed, bruteForce(problem).optimum]));

function withBackend(problem: Problem, backend: 'jsLPSolver' | 'highs'): Problem {
  return { ...problem, policy: { ...problem.policy, backend } };
}

/** What is wrong with `result` for the problem of `seed`; empty when it is the brute-force optimum with a valid plan. */
function mismatches(seed: number, problem: Problem, result: SolveResult): string[] {
  const expected = optima.get(seed) ?? null;
  if (expected === null) {
    return result.status === 'infeasible' && result.conflicts.length > 0 ? [] : [`seed ${seed}: expected infeasible, got ${result.status}`];
  }
  const check = checkPlan(problem, result);
  const found: string[] = [];
  if (result.status !== 'optimal') found.push(`seed ${seed}: status ${result.status}`);
  else if (Math.abs((result.objective ?? NaN) - expected) > 1e-6) found.push(`seed ${seed}: objective ${result.objective} ≠ ${expected}`);
  else if (Math.abs(check.objective - expected) > 1e-6) found.push(`seed ${seed}: plan is worth ${check.objective} ≠ ${expected}`);
  if (check.violations.length > 0) found.push(`seed ${seed}: ${check.violations.join('; ')}`);
  return found;
}

describe('the 500 seeded random small problems', () => {
  it('mix every constraint type, and both feasible and infeasible problems', () => {
    const count = (has: (problem: Problem) => boolean) => problems.filter(({ problem }) => has(problem)).length;
    const kindOf = (problem: Problem, id: string) => problem.resources.find((r) => r.id === id)?.kind;
    const coverage = {
      heavyLoads: count((p) => p.edges.some((e) => e.load !== 1)),
      everyKind: count((p) => new Set(p.edges.map((e) => kindOf(p, e.resource))).size === 4),
      relocation: count((p) => p.participants.some((q) => q.homeRegion !== undefined && (q.regions ?? []).some((g) => g !== q.homeRegion))),
      noHomeRegion: count((p) => p.participants.some((q) => q.homeRegion === undefined)),
      bridges: count((p) => p.bridges.length > 0),
      requires: count((p) => p.overrides.some((o) => o.action === 'require')),
      forbids: count((p) => p.overrides.some((o) => o.action === 'forbid')),
      priorityShares: count((p) => p.policy.priorityShare.length > 0),
      waitingBonus: count((p) => p.policy.waitingBonusPerDay > 0),
      stability: count((p) => p.policy.previous.length > 0 && p.policy.stabilityPenalty > 0),
      requireOne: count((p) => p.policy.requireOne.length > 0),
    };
    const rare = Object.entries(coverage).filter(([, problemsWithIt]) => problemsWithIt < 25);
    expect(rare).toEqual([]);
    const infeasible = [...optima.values()].filter((optimum) => optimum === null).length;
    expect(infeasible).toBeGreaterThan(20);
    expect(infeasible).toBeLessThan(400);
  });
});

describe.each(['jsLPSolver', 'highs'] as const)('exactness against brute force on the %s backend', (backend) => {
  it('matches the brute-force optimum on every problem, with plans that break no rule', async () => {
    const found: string[] = [];
    for (const { seed, problem } of problems) {
      const forced = withBackend(problem, backend);
      const result = await solveExact(forced);
      found.push(...mismatches(seed, forced, result));
      if (result.stats.backend !== backend && result.stats.backend !== 'none') found.push(`seed ${seed}: solved by ${result.stats.backend}`);
    }
    expect(found).toEqual([]);
  });
});

describe('exactness of the public solve()', () => {
  it('matches the brute-force optimum on every problem with the backend chosen automatically', async () => {
    const found: string[] = [];
    for (const { seed, problem } of problems) found.push(...mismatches(seed, problem, await solve(problem)));
    expect(found).toEqual([]);
  });
});
