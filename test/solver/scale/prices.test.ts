import { describe, it, expect } from 'vitest';
import type { Problem } from '../../../solver/problem.js';
import { resourcePrices } from '../../../solver/scale/prices.js';
import { bruteForce } from '../support/brute-force.js';
import { randomProblem } from '../support/random-problem.js';

/** Three participants who all score the first mentor highest; it has one place, the second has three. */
const contested: Problem = {
  participants: ['ana', 'ben', 'chloe'].map((id) => ({ id, priorityGroups: [], waitingDays: 0 })),
  resources: [{ id: 'popular', kind: 'mentor', capacity: 1 }, { id: 'quiet', kind: 'mentor', capacity: 3 }],
  edges: [
    { participant: 'ana', resource: 'popular', score: 5, load: 1 },
    { participant: 'ben', resource: 'popular', score: 4, load: 1 },
    { participant: 'chloe', resource: 'popular', score: 4, load: 1 },
    { participant: 'ana', resource: 'quiet', score: 2, load: 1 },
    { participant: 'ben', resource: 'quiet', score: 2, load: 1 },
  ],
  bridges: [],
  overrides: [],
  policy: { requireOne: [], priorityShare: [], waitingBonusPerDay: 0, previous: [], stabilityPenalty: 0, timeLimitMs: 1000, backend: 'auto' },
};

describe('resource prices', () => {
  it('puts a price on the place everybody wants and none on the one with room to spare', () => {
    const { prices, bound } = resourcePrices(contested, Date.now() + 500);
    // One of ben and chloe goes without: the popular place is worth at least 4 − 0 to them, and
    // ana's move to the quiet mentor costs her 3, so λ lies in [3, 4] at the optimum of the dual.
    expect(prices.get('popular')).toBeGreaterThanOrEqual(2);
    expect(prices.get('quiet') ?? 0).toBe(0);
    expect(bound).toBeGreaterThanOrEqual(bruteForce(contested).optimum! - 1e-9);
  });

  it('bounds the optimum from above and plans only with the problem\'s pairs, on 60 random problems', () => {
    for (let seed = 8100; seed < 8160; seed += 1) {
      const generated = randomProblem(seed);
      const problem = { ...generated, overrides: generated.overrides.filter((o) => o.action === 'forbid'), policy: { ...generated.policy, requireOne: [] } };
      const { bound, plan } = resourcePrices(problem, Date.now() + 50);
      const optimum = bruteForce(problem).optimum;
      if (optimum !== null) expect(bound, `seed ${seed}`).toBeGreaterThanOrEqual(optimum - 1e-6);
      const pairs = new Set(problem.edges.map((e) => `${e.participant}|${e.resource}`));
      for (const pair of plan) expect(pairs.has(`${pair.participant}|${pair.resource}`), `seed ${seed}`).toBe(true);
    }
  });
});
