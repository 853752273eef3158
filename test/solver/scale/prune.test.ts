import { describe, it, expect } from 'vitest';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import { pairKey } from '../../../solver/exact/prepared-problem.js';
import type { Problem } from '../../../solver/problem.js';
import { pruneCandidates } from '../../../solver/scale/prune.js';
import { solveAtScale } from '../../../solver/scale/pipeline.js';
import { parseProblem } from '../../../solver/validate.js';
import { bruteForce } from '../support/brute-force.js';
import { checkPlan } from '../support/check-plan.js';
import { randomProblem } from '../support/random-problem.js';

const seeds = Array.from({ length: 150 }, (_, i) => 7000 + i);

function withLimit(problem: Problem, candidatesPerKind: number): Problem {
  return { ...problem, policy: { ...problem.policy, candidatesPerKind } };
}

const keys = (problem: Problem) => new Set(problem.edges.map((e) => pairKey(e.participant, e.resource)));

/** One participant, five mentors and a bridged opening: the shape where K = 1 bites. */
const crowded = parseProblem({
  participants: [{ id: 'p1' }, { id: 'p2' }, { id: 'q1' }, { id: 'q2' }],
  resources: [
    ...[1, 2, 3, 4, 5].map((i) => ({ id: `m${i}`, kind: 'mentor' as const, capacity: 1 })),
    { id: 't1', kind: 'training', capacity: 5 },
    { id: 't2', kind: 'training', capacity: 5 },
    { id: 'o1', kind: 'opening', capacity: 1 },
  ],
  edges: [
    ...[1, 2, 3, 4, 5].map((i) => ({ participant: 'p1', resource: `m${i}`, score: 10 - i })),
    { participant: 'p1', resource: 't1', score: 5 },
    { participant: 'p1', resource: 't2', score: 1 },
    { participant: 'p1', resource: 'o1', score: 8 },
    { participant: 'p2', resource: 'm4', score: 2 },
    ...['q1', 'q2'].flatMap((q) => ['m2', 'm4'].map((m) => ({ participant: q, resource: m, score: 20 }))),
  ],
  bridges: [{ participant: 'p1', opening: 'o1', trainings: ['t2'] }],
  overrides: [{ participant: 'p1', resource: 'm5', action: 'require' }],
  policy: { candidatesPerKind: 1, previous: [{ participant: 'p1', resource: 'm3' }], stabilityPenalty: 1 },
});

describe('candidate pruning', () => {
  it('keeps the best edge of each kind, the required and the published pair, the bridge training of a kept opening, and each resource its best 2·capacity', () => {
    const { problem, pruned } = pruneCandidates(crowded);
    expect([...keys(problem)].sort()).toEqual([
      'p1\u0000m1', 'p1\u0000m3', 'p1\u0000m5', 'p1\u0000o1', 'p1\u0000t1', 'p1\u0000t2', 'p2\u0000m4',
      // q1 and q2 rank first at m2 and m4, which each keep their two best candidates.
      'q1\u0000m2', 'q1\u0000m4', 'q2\u0000m2', 'q2\u0000m4',
    ].sort());
    expect(pruned).toBe(2);
  });

  it('never drops a pair named by a require override or policy.previous, on random problems with K = 1', () => {
    for (const seed of seeds) {
      const problem = withLimit(randomProblem(seed), 1);
      const kept = keys(pruneCandidates(problem).problem);
      const named = [...problem.overrides.filter((o) => o.action === 'require'), ...problem.policy.previous];
      for (const pair of named) {
        const hadEdge = problem.edges.some((e) => e.participant === pair.participant && e.resource === pair.resource);
        if (hadEdge) expect(kept.has(pairKey(pair.participant, pair.resource)), `seed ${seed}`).toBe(true);
      }
    }
  });

  it('with K as large as the most candidates of a kind, changes nothing: same optimum as brute force on the whole problem', async () => {
    const mismatches: string[] = [];
    for (const seed of seeds) {
      const problem = randomProblem(seed);
      const expected = bruteForce(problem).optimum;
      const result = await solveAtScale(withLimit(problem, problem.resources.length));
      expect(pruneCandidates(withLimit(problem, problem.resources.length)).pruned).toBe(0);
      if (expected === null) {
        if (result.status !== 'infeasible') mismatches.push(`seed ${seed}: expected infeasible, got ${result.status}`);
        continue;
      }
      if (Math.abs((result.objective ?? NaN) - expected) > 1e-6) mismatches.push(`seed ${seed}: ${result.objective} ≠ ${expected}`);
      const violations = checkPlan(problem, result).violations;
      if (violations.length > 0) mismatches.push(`seed ${seed}: ${violations.join('; ')}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('with a small K, never beats the unpruned optimum, and never calls a feasible problem infeasible', async () => {
    for (const seed of seeds.slice(0, 80)) {
      const problem = randomProblem(seed);
      const whole = await solveExact(problem);
      const pruned = await solveAtScale(withLimit(problem, 1));
      expect(pruned.status === 'infeasible', `seed ${seed}`).toBe(whole.status === 'infeasible');
      if (whole.objective !== null) {
        expect(pruned.objective!, `seed ${seed}`).toBeLessThanOrEqual(whole.objective + 1e-6);
        expect(checkPlan(problem, pruned).violations, `seed ${seed}`).toEqual([]);
      }
    }
  });
});
