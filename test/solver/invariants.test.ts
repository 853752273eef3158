import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { solveExact } from '../../solver/exact/solve-exact.js';
import { solve } from '../../solver/index.js';
import type { Problem } from '../../solver/problem.js';
import { resourceKinds } from '../../solver/problem.js';
import type { SolveResult } from '../../solver/result.js';
import { bruteForce } from './support/brute-force.js';
import { checkPlan } from './support/check-plan.js';
import { randomProblem } from './support/random-problem.js';
import { dominatingEdges, permuted, withDominatedCandidate, withUnusedResource } from './support/transforms.js';

/**
 * Invariants of the optimum, over random small problems (the generator of the exactness test,
 * at seeds that fast-check draws): reordering the lists, adding a dominated candidate or an
 * unused resource keeps it, and every plan keeps every rule. A fixed seed keeps runs repeatable.
 */
const runs = { seed: 20_260_901, numRuns: 60 };

const seededProblem = fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => ({ seed, problem: randomProblem(seed) }));

const permutation = (length: number) =>
  fc.shuffledSubarray(Array.from({ length }, (_, i) => i), { minLength: length, maxLength: length });

/** The same answer: status, and the objective up to the order in which floating-point sums are taken. */
function expectSameOptimum(result: SolveResult, expected: SolveResult): void {
  expect(result.status).toBe(expected.status);
  if (expected.objective === null) expect(result.objective).toBeNull();
  else expect(result.objective).toBeCloseTo(expected.objective, 6);
}

/** A plan, when there is one, that the independent checker accepts and values as the solver does. */
function expectValidPlan(problem: Problem, result: SolveResult): void {
  if (result.objective === null) return;
  const check = checkPlan(problem, result);
  expect(check.violations).toEqual([]);
  expect(check.objective).toBeCloseTo(result.objective, 6);
}

describe('invariants of the optimum (fast-check)', () => {
  it('every plan keeps every hard rule and is the brute-force optimum, on both backends and through solve()', async () => {
    await fc.assert(fc.asyncProperty(seededProblem, async ({ problem }) => {
      const optimum = bruteForce(problem).optimum;
      for (const backend of ['jsLPSolver', 'highs'] as const) {
        const forced = { ...problem, policy: { ...problem.policy, backend } };
        const results = [await solveExact(forced), await solve(forced)];
        for (const result of results) {
          expect(result.status).toBe(optimum === null ? 'infeasible' : 'optimal');
          if (optimum !== null) expect(result.objective).toBeCloseTo(optimum, 6);
          expectValidPlan(forced, result);
        }
      }
    }), runs);
  });

  it('permuting participants, resources, edges and bridges keeps the optimum', async () => {
    const shuffled = seededProblem.chain(({ problem }) => fc.record({
      problem: fc.constant(problem),
      order: fc.record({
        participants: permutation(problem.participants.length),
        resources: permutation(problem.resources.length),
        edges: permutation(problem.edges.length),
        bridges: permutation(problem.bridges.length),
      }),
    }));
    await fc.assert(fc.asyncProperty(shuffled, async ({ problem, order }) => {
      const reordered = permuted(problem, order);
      const result = await solve(reordered);
      expectSameOptimum(result, await solve(problem));
      expectValidPlan(reordered, result);
    }), runs);
  });

  it('adding a dominated candidate (a copy of a resource that is never full, for less) keeps the optimum', async () => {
    const dominated = seededProblem
      .map(({ problem }) => ({ problem, edges: dominatingEdges(problem) }))
      .filter(({ edges }) => edges.length > 0)
      .chain(({ problem, edges }) => fc.record({
        problem: fc.constant(problem),
        edge: fc.constantFrom(...edges),
        below: fc.constantFrom(0.5, 1, 3),
      }));
    await fc.assert(fc.asyncProperty(dominated, async ({ problem, edge, below }) => {
      const larger = withDominatedCandidate(problem, edge, below);
      // Brute force first: the copy must be dominated for the enumeration too, not only for the solver.
      expect(bruteForce(larger).optimum).toBe(bruteForce(problem).optimum);
      const result = await solve(larger);
      expectSameOptimum(result, await solve(problem));
      expectValidPlan(larger, result);
    }), runs);
  });

  it('adding a resource that no edge reaches keeps the optimum', async () => {
    const unused = fc.record({
      kind: fc.constantFrom(...resourceKinds),
      capacity: fc.integer({ min: 0, max: 5 }),
      region: fc.option(fc.constantFrom('north', 'south', 'elsewhere'), { nil: undefined }),
    }).map(({ region, ...resource }) => (region === undefined ? resource : { ...resource, region }));
    await fc.assert(fc.asyncProperty(seededProblem, unused, async ({ problem }, resource) => {
      const larger = withUnusedResource(problem, resource);
      const result = await solve(larger);
      expectSameOptimum(result, await solve(problem));
      expectValidPlan(larger, result);
    }), runs);
  });
});
