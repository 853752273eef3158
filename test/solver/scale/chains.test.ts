import { describe, it, expect } from 'vitest';
import { prepareProblem } from '../../../solver/exact/prepared-problem.js';
import type { Problem } from '../../../solver/problem.js';
import { chainPass } from '../../../solver/scale/lagrangian/chains.js';
import { exchangePass } from '../../../solver/scale/lagrangian/exchange.js';
import { flatten } from '../../../solver/scale/lagrangian/flat.js';
import { planValue } from '../../../solver/scale/lagrangian/primal.js';
import { startPlan } from '../../../solver/scale/lagrangian/start-plan.js';
import { parseProblem } from '../../../solver/validate.js';

/** Three mentors of one place each; the greedy plan gives each participant its favourite in turn. */
const problem: Problem = parseProblem({
  participants: [{ id: 'ana' }, { id: 'bo' }, { id: 'cy' }],
  resources: [
    { id: 'm1', kind: 'mentor', capacity: 1 },
    { id: 'm2', kind: 'mentor', capacity: 1 },
    { id: 'm3', kind: 'mentor', capacity: 1 },
  ],
  edges: [
    { participant: 'ana', resource: 'm1', score: 10 },
    { participant: 'ana', resource: 'm2', score: 9 },
    { participant: 'bo', resource: 'm2', score: 10 },
    { participant: 'bo', resource: 'm3', score: 9 },
    { participant: 'cy', resource: 'm1', score: 10 },
  ],
});
/** ana → m1, bo → m2, cy without a mentor: 20. The optimum moves ana to m2 and bo to m3 for cy: 28. */
const greedy = { assignments: [{ participant: 'ana', resource: 'm1' }, { participant: 'bo', resource: 'm2' }], regions: {} };

describe('polishing a plan', () => {
  it('finds the chain cy → m1, ana → m2, bo → m3 that no exchange of two participants finds', () => {
    const flat = flatten(prepareProblem(problem), (c) => c.score);
    const byTwo = startPlan(flat, greedy);
    expect(planValue(flat, byTwo.bundles)).toBe(20);
    exchangePass(flat, byTwo, Int32Array.from([0, 1, 2]), new Float64Array(flat.candidates.length), Date.now() + 1000);
    expect(planValue(flat, byTwo.bundles)).toBe(20);

    const byChain = startPlan(flat, greedy);
    expect(chainPass(flat, byChain, Date.now() + 1000)).toBeCloseTo(8, 9);
    expect(planValue(flat, byChain.bundles)).toBe(28);
    expect(Array.from(byChain.remaining)).toEqual([0, 0, 0]);
  });

  it('starts a scenario from a plan that no longer fits: the holder worth least gives its place back', () => {
    const shrunk = { ...problem, resources: problem.resources.map((r) => (r.id === 'm2' ? { ...r, capacity: 0 } : r)) };
    const flat = flatten(prepareProblem(shrunk), (c) => c.score);
    const plan = startPlan(flat, greedy);
    expect(planValue(flat, plan.bundles)).toBe(10);
    expect(Array.from(plan.remaining)).toEqual([0, 0, 1]);
  });
});
