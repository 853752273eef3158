import { describe, it, expect } from 'vitest';
import { solveExact } from '../../solver/exact/solve-exact.js';
import { solve } from '../../solver/index.js';
import type { Problem } from '../../solver/problem.js';
import type { SolveResult } from '../../solver/result.js';
import { bruteForce } from './support/brute-force.js';
import { checkPlan } from './support/check-plan.js';
import { randomProblem } from './support/random-problem.js';

interface Drawn {
  seed: number;
  problem: Problem;
  /** Brute force's optimum; null when no plan satisfies every rule. */
  optimum: number | null;
}

/**
 * Seeded random problems from seed 1000 on, until `wantedFeasible` of them have a plan: about a
 * third are infeasible, and those met on the way are kept apart, for brute force's verdict.
 */
function drawProblems(wantedFeasible: number): { all: Drawn[]; feasible: Drawn[]; infeasible: Drawn[] } {
  const all: Drawn[] = [];
  for (let seed = 1000, plans = 0; plans < wantedFeasible; seed += 1) {
    const problem = randomProblem(seed);
    const { optimum } = bruteForce(problem);
    all.push({ seed, problem, optimum });
    if (optimum !== null) plans += 1;
  }
  return { all, feasible: all.filter((d) => d.optimum !== null), infeasible: all.filter((d) => d.optimum === null) };
}

const drawn = drawProblems(500);
const problems = drawn.all;
const optima = new Map(problems.map(({ seed, optimum }) => [seed, optimum]));
const counts = `${drawn.feasible.length} feasible and ${drawn.infeasible.length} infeasible`;

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

describe(`the seeded random small problems (${counts})`, () => {
  it('mix every constraint type, with at least 500 feasible problems and a share of infeasible ones', () => {
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
    expect(drawn.feasible.length).toBeGreaterThanOrEqual(500);
    expect(drawn.infeasible.length).toBeGreaterThan(20);
    expect(drawn.infeasible.length).toBeLessThan(drawn.feasible.length);
  });
});

/** Mismatches of `run` over `set`, and how many of its answers came from a backend rather than the pre-checks. */
async function compare(set: readonly Drawn[], run: (problem: Problem) => Promise<SolveResult>, backend?: string) {
  const found: string[] = [];
  let solved = 0;
  for (const { seed, problem } of set) {
    const forced = backend === undefined ? problem : withBackend(problem, backend as 'jsLPSolver' | 'highs');
    const result = await run(forced);
    found.push(...mismatches(seed, forced, result));
    if (result.stats.backend !== 'none') solved += 1;
    if (backend !== undefined && result.stats.backend !== backend && result.stats.backend !== 'none') {
      found.push(`seed ${seed}: solved by ${result.stats.backend}`);
    }
  }
  return { found, solved };
}

describe.each(['jsLPSolver', 'highs'] as const)('exactness against brute force on the %s backend', (backend) => {
  it(`matches the brute-force optimum on each of the ${drawn.feasible.length} feasible problems, with plans that break no rule`, async () => {
    expect((await compare(drawn.feasible, solveExact, backend)).found).toEqual([]);
  });

  it(`agrees with brute force on each of the ${drawn.infeasible.length} infeasible problems, naming conflicts`, async () => {
    const { found, solved } = await compare(drawn.infeasible, solveExact, backend);
    expect(found).toEqual([]);
    // Most are proved by the pre-checks; a few must reach the backend and its diagnosis.
    expect(solved).toBeGreaterThan(5);
  });
});

describe('exactness of the public solve(), with the backend chosen automatically', () => {
  it(`matches the brute-force optimum on each of the ${drawn.feasible.length} feasible problems`, async () => {
    expect((await compare(drawn.feasible, solve)).found).toEqual([]);
  });

  it(`agrees with brute force on each of the ${drawn.infeasible.length} infeasible problems`, async () => {
    expect((await compare(drawn.infeasible, solve)).found).toEqual([]);
  });
});
