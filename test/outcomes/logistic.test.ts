import { describe, it, expect } from 'vitest';
import { Matrix } from 'ml-matrix';
import { fitLogistic, newtonDirection, sigmoid, standardisationOf, standardise, type StepDirection } from '../../src/outcomes/logistic.js';
import { SeededRandom } from '../../src/outcomes/seeded-random.js';

/** Two features; the label is 1 exactly when 2·x₁ − x₂ > 0.5, with a margin around the boundary. */
function separableToySet(count: number): { x: Matrix; y: number[] } {
  const random = new SeededRandom(7);
  const rows: number[][] = [];
  const y: number[] = [];
  while (rows.length < count) {
    const [a, b] = [4 * random.next() - 2, 4 * random.next() - 2];
    const margin = 2 * a - b - 0.5;
    if (Math.abs(margin) < 0.4) continue;
    rows.push([a, b]);
    y.push(margin > 0 ? 1 : 0);
  }
  return { x: new Matrix(rows), y };
}

describe('regularised logistic regression by Newton/IRLS', () => {
  it('separates a separable toy set: predictions near 0 and 1, weights of the right signs and ratio', () => {
    const { x, y } = separableToySet(200);
    const z = standardise(x, standardisationOf(x));
    const fit = fitLogistic(z, y, 0.01);
    expect(fit.converged).toBe(true);
    const p = z.mmul(Matrix.columnVector(fit.weights)).to1DArray().map((eta) => sigmoid(eta + fit.intercept));
    p.forEach((pi, i) => (y[i] === 1 ? expect(pi).toBeGreaterThan(0.9) : expect(pi).toBeLessThan(0.1)));
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[1]).toBeLessThan(0);
    const scales = standardisationOf(x).scales;
    const perUnit = fit.weights.map((w, j) => w / scales[j]!);
    expect(-perUnit[0]! / perUnit[1]!).toBeCloseTo(2, 0);
  });

  it('stays finite on separable data: the penalty λ bounds the weights, and a larger λ shrinks them', () => {
    const { x, y } = separableToySet(200);
    const z = standardise(x, standardisationOf(x));
    const light = fitLogistic(z, y, 0.01);
    const heavy = fitLogistic(z, y, 10);
    expect(light.weights.every(Number.isFinite)).toBe(true);
    const norm = (w: number[]) => Math.hypot(...w);
    expect(norm(heavy.weights)).toBeLessThan(norm(light.weights));
  });

  it('without features, the intercept is the log-odds of the positive rate', () => {
    const y = [1, 1, 1, 0];
    const fit = fitLogistic(new Matrix(4, 0), y, 1);
    expect(sigmoid(fit.intercept)).toBeCloseTo(0.75, 6);
  });

  it('standardises to mean 0 and spread 1, leaving a constant column at scale 1', () => {
    const x = new Matrix([[1, 5], [3, 5], [5, 5]]);
    const s = standardisationOf(x);
    expect(s.means).toEqual([3, 5]);
    expect(s.scales[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(s.scales[1]).toBe(1);
    expect(standardise(x, s).getColumn(1)).toEqual([0, 0, 0]);
  });

  it('stops with converged = false, keeping the last β, when 30 step halvings do not improve the objective', () => {
    const { x, y } = separableToySet(100);
    const z = standardise(x, standardisationOf(x));
    const start = fitLogistic(z, y, 1, { maxIterations: 1, direction: () => Matrix.zeros(3, 1) });
    // Downhill: the opposite of the Newton direction lowers the penalised log-likelihood at every step length.
    const downhill: StepDirection = (...args) => newtonDirection(...args).mul(-1);
    const fit = fitLogistic(z, y, 1, { direction: downhill });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(1);
    expect(fit.weights).toEqual([0, 0]);
    expect(fit.intercept).toBe(0);
    expect(fit.objective).toBe(start.objective);
  });

  it('after one good Newton step and then a bad direction, returns the improved β, not a worse one', () => {
    const { x, y } = separableToySet(100);
    const z = standardise(x, standardisationOf(x));
    let calls = 0;
    const onceThenDownhill: StepDirection = (...args) => newtonDirection(...args).mul(calls++ === 0 ? 1 : -1);
    const fit = fitLogistic(z, y, 1, { direction: onceThenDownhill });
    const oneStep = fitLogistic(z, y, 1, { maxIterations: 1 });
    expect(fit).toEqual({ ...oneStep, iterations: 2, converged: false });
  });

  it('never lowers the objective from one iteration to the next, and converges on the toy set', () => {
    const { x, y } = separableToySet(200);
    const z = standardise(x, standardisationOf(x));
    const values = [1, 2, 3, 4, 5, 6].map((n) => fitLogistic(z, y, 0.1, { maxIterations: n }).objective);
    values.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(values[i]!));
    expect(fitLogistic(z, y, 0.1).converged).toBe(true);
  });

  it('refuses λ = 0 (the fit is undefined on separable data, singular for a constant feature) and a negative λ', () => {
    const constant = new Matrix([[1, 0], [2, 0], [3, 0]]);
    expect(() => fitLogistic(constant, [0, 1, 1], 0)).toThrow('the L2 penalty λ must be greater than 0, got 0');
    expect(() => fitLogistic(constant, [0, 1, 1], -1)).toThrow(RangeError);
    expect(fitLogistic(constant, [0, 1, 1], 1).weights[1]).toBe(0);
  });
});
