import { describe, expect, it } from 'vitest';
import { syntheticPool } from '../../../fixtures/generator/synthetic/pool.js';
import { highsBackend, highsWithLog, modelData, searchOptions } from '../../../solver/backends/highs.js';
import { searchOnThread } from '../../../solver/backends/highs-thread.js';
import { firstViolation, planObjective, roundBinary } from '../../../solver/backends/plan-check.js';
import { buildModel } from '../../../solver/exact/build-model.js';
import { prepareProblem } from '../../../solver/exact/prepared-problem.js';
import { parseProblem } from '../../../solver/validate.js';
import { greedyPlan } from '../../../solver/scale/greedy.js';
import { planValues } from '../../../solver/scale/plan-values.js';
import { Pool } from '../../../src/domain/pool.js';
import { prepareRound } from '../../../src/round/prepare-round.js';

/**
 * A generated round of 1,000 with every eligible pair: HiGHS needs about 2 s for its root LP and
 * then 10 s for one cut round, during which it does not look at its time limit.
 */
function slowModel() {
  const pool = Pool.parse(syntheticPool({ participants: 1000, seed: 1 }));
  pool.policy.timeLimitMs = 30_000;
  const prepared = prepareProblem(prepareRound(pool).problem);
  const { model, builder } = buildModel(prepared);
  const start = planValues(builder, greedyPlan(prepared), model.variables.length);
  return { model, start };
}

describe('HiGHS on a thread of its own', () => {
  const { model, start } = slowModel();

  it('is stopped at the time limit it was given, even when HiGHS would go on, and answers with the plan it had', async () => {
    const highs = await highsWithLog(() => {});
    const began = Date.now();
    // HiGHS itself is told a minute: only the thread's deadline can end this search in time.
    const outcome = await searchOnThread(modelData(highs, model), searchOptions(model, 60_000), 500, Float64Array.from(start));
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(outcome.status).toBe('limit');
    const plan = roundBinary(outcome.values!);
    expect(plan && firstViolation(model, plan)).toBeNull();
  }, 60_000);

  it('gives the backend a plan at least as good as its start, with its bound, within the limit', async () => {
    const began = Date.now();
    const solution = await highsBackend.solve(model, { timeLimitMs: 1_000, start });
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(solution.status).toBe('feasible');
    expect(solution.objective!).toBeGreaterThanOrEqual(planObjective(model, start) - 1e-9);
    expect(firstViolation(model, solution.values!)).toBeNull();
    expect(solution.bound ?? Infinity).toBeGreaterThanOrEqual(solution.objective!);
  }, 60_000);

  it('searches again after a thread was stopped', async () => {
    const small = buildModel(prepareProblem(parseProblem({
      participants: [{ id: 'a' }, { id: 'b' }],
      resources: [{ id: 'm', kind: 'mentor', capacity: 1 }],
      edges: [{ participant: 'a', resource: 'm', score: 2 }, { participant: 'b', resource: 'm', score: 3 }],
    }))).model;
    const solution = await highsBackend.solve(small, { timeLimitMs: 5_000 });
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBe(3);
  });

  it('answers two searches at once, each with its own plan', async () => {
    const modelOf = (scores: [number, number]) => buildModel(prepareProblem(parseProblem({
      participants: [{ id: 'a' }, { id: 'b' }],
      resources: [{ id: 'm', kind: 'mentor', capacity: 1 }],
      edges: [{ participant: 'a', resource: 'm', score: scores[0] }, { participant: 'b', resource: 'm', score: scores[1] }],
    }))).model;
    const [first, second] = await Promise.all([
      highsBackend.solve(modelOf([2, 3]), { timeLimitMs: 5_000 }),
      highsBackend.solve(modelOf([7, 5]), { timeLimitMs: 5_000 }),
    ]);
    expect([first.status, first.objective]).toEqual(['optimal', 3]);
    expect([second.status, second.objective]).toEqual(['optimal', 7]);
  });
});
