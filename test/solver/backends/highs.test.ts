import { describe, it, expect } from 'vitest';
import { highsBackend, linearOptimum, linearRelaxation } from '../../../solver/backends/highs.js';
import { buildModel } from '../../../solver/exact/build-model.js';
import { prepareProblem } from '../../../solver/exact/prepared-problem.js';
import type { MipModel } from '../../../solver/mip.js';
import { greedyPlan } from '../../../solver/scale/greedy.js';
import { planValues } from '../../../solver/scale/plan-values.js';
import { mediumProblem } from '../support/medium-problem.js';

const seeds = [1, 2, 3, 4, 5];

function modelOf(seed: number) {
  const prepared = prepareProblem(mediumProblem(seed));
  const { model, builder } = buildModel(prepared);
  return { model, start: planValues(builder, greedyPlan(prepared), model.variables.length) };
}

const objectiveOf = (model: MipModel, values: ArrayLike<number>) =>
  model.variables.reduce((sum, variable, j) => sum + variable.objective * values[j]!, model.objectiveConstant);

describe('the HiGHS backend, beyond solve', () => {
  it.each(seeds)('started from a plan, ends at the same optimum as without one (problem %i)', async (seed) => {
    const { model, start } = modelOf(seed);
    const plain = await highsBackend.solve(model, { timeLimitMs: 30_000 });
    const started = await highsBackend.solve(model, { timeLimitMs: 30_000, start });
    expect([plain.status, started.status]).toEqual(['optimal', 'optimal']);
    expect(started.objective).toBeCloseTo(plain.objective!, 6);
  });

  it('ignores a start that breaks the rows: the answer is still the optimum', async () => {
    const { model } = modelOf(1);
    const plain = await highsBackend.solve(model, { timeLimitMs: 30_000 });
    const everything = model.variables.map(() => 1);
    const started = await highsBackend.solve(model, { timeLimitMs: 30_000, start: everything });
    expect(started.status).toBe('optimal');
    expect(started.objective).toBeCloseTo(plain.objective!, 6);
  });

  it.each(seeds)('gives a linear relaxation within the bounds whose value is at least the optimum (problem %i)', async (seed) => {
    const { model } = modelOf(seed);
    const optimum = (await highsBackend.solve(model, { timeLimitMs: 30_000 })).objective!;
    const relaxed = await linearRelaxation(model, 30_000);
    expect(relaxed).toBeDefined();
    expect([...relaxed!].every((value) => value >= -1e-9 && value <= 1 + 1e-9)).toBe(true);
    expect(objectiveOf(model, relaxed!)).toBeGreaterThanOrEqual(optimum - 1e-6);
  });

  it('gives the duals of the linear relaxation as what one more unit of each right-hand side is worth', async () => {
    // max 2x + y with x + y ≤ 0.5 and y − x ≥ −0.25: x = 0.375, y = 0.125. One more unit of the
    // first right-hand side is worth 1.5; raising the second (a ≥ row, tighter) costs 0.5.
    const model: MipModel = {
      variables: [{ name: 'x', objective: 2 }, { name: 'y', objective: 1 }],
      constraints: [
        { label: 'room', terms: [{ variable: 0, coefficient: 1 }, { variable: 1, coefficient: 1 }], op: '<=', rhs: 0.5 },
        { label: 'balance', terms: [{ variable: 0, coefficient: -1 }, { variable: 1, coefficient: 1 }], op: '>=', rhs: -0.25 },
      ],
      objectiveConstant: 1,
    };
    const optimum = await linearOptimum(model, 30_000);
    expect(optimum!.objective).toBeCloseTo(1.875, 9);
    expect([...optimum!.values]).toEqual([expect.closeTo(0.375, 9), expect.closeTo(0.125, 9)]);
    expect([...optimum!.rowDuals]).toEqual([expect.closeTo(1.5, 9), expect.closeTo(-0.5, 9)]);
  });

  it('prices a binding capacity of a generated problem between what a little more gains and a little less loses', async () => {
    // The relaxation's value is concave in a right-hand side, and a dual is a supergradient of it:
    // unique only where the optimum is not degenerate, always between the two one-sided slopes.
    const { model } = modelOf(3);
    const optimum = (await linearOptimum(model, 30_000))!;
    const row = model.constraints.findIndex((c, i) => c.label.includes('capacity') && optimum.rowDuals[i]! > 1e-6);
    expect(row).toBeGreaterThanOrEqual(0);
    const valueWith = async (delta: number) => (await linearOptimum({
      ...model, constraints: model.constraints.map((c, i) => (i === row ? { ...c, rhs: c.rhs + delta } : c)),
    }, 30_000))!.objective;
    const [gained, lost] = [(await valueWith(1e-3)) - optimum.objective, optimum.objective - (await valueWith(-1e-3))];
    expect(gained / 1e-3).toBeLessThanOrEqual(optimum.rowDuals[row]! + 1e-6);
    expect(lost / 1e-3).toBeGreaterThanOrEqual(optimum.rowDuals[row]! - 1e-6);
  });

  it('keeps variables fixed by their bounds when most are fixed (presolve on), and solves the rest exactly', async () => {
    const { model } = modelOf(2);
    const optimal = (await highsBackend.solve(model, { timeLimitMs: 30_000 })).values!;
    // Fix three quarters of the variables at the optimal plan, and free the rest.
    const variables = model.variables.map((variable, j) => (j % 4 === 0 ? variable : { ...variable, lower: optimal[j] as 0 | 1, upper: optimal[j] as 0 | 1 }));
    const fixed = await highsBackend.solve({ ...model, variables }, { timeLimitMs: 30_000 });
    expect(fixed.status).toBe('optimal');
    expect(fixed.objective).toBeCloseTo(objectiveOf(model, optimal), 6);
    expect(fixed.values!.filter((value, j) => j % 4 !== 0 && value !== optimal[j])).toEqual([]);
    // Fixed the other way, a variable's bound wins over the objective.
    const flipped = model.variables.map((variable, j) => (j === 0 ? { ...variable, lower: 1 - optimal[0]! as 0 | 1, upper: 1 - optimal[0]! as 0 | 1 } : variable));
    const forced = await highsBackend.solve({ ...model, variables: flipped }, { timeLimitMs: 30_000 });
    expect(['optimal', 'infeasible']).toContain(forced.status);
    if (forced.status === 'optimal') expect(forced.values![0]).toBe(1 - optimal[0]!);
  });
});
