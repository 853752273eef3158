import { Matrix, solve } from 'ml-matrix';

/** Column means and scales (standard deviations; 1 for a constant column). */
export interface Standardisation {
  means: number[];
  scales: number[];
}

export interface LogisticFit {
  intercept: number;
  /** Weights of the standardised features. */
  weights: number[];
  iterations: number;
  converged: boolean;
  /** The penalised log-likelihood at the weights returned. */
  objective: number;
}

export function sigmoid(t: number): number {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}

export function standardisationOf(x: Matrix): Standardisation {
  const means = x.mean('column');
  const scales = x.standardDeviation('column', { mean: means, unbiased: false }).map((s) => (s > 1e-12 ? s : 1));
  return { means, scales };
}

/** z = (x − mean) / scale, column by column, on a copy. */
export function standardise(x: Matrix, s: Standardisation): Matrix {
  return x.clone().subRowVector(s.means).divRowVector(s.scales);
}

/** η = b₀ + Z·w, for every row at once. */
export function logits(z: Matrix, intercept: number, weights: readonly number[]): number[] {
  if (z.rows === 0) return [];
  return z.mmul(Matrix.columnVector([...weights])).to1DArray().map((v) => v + intercept);
}

/** Penalised log-likelihood ℓ(β) = Σ [y·η − log(1 + e^η)] − λ/2·‖w‖² (the intercept is not penalised). */
function objective(eta: readonly number[], y: readonly number[], beta: Matrix, lambda: number): number {
  let value = 0;
  eta.forEach((e, i) => { value += y[i]! * e - (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e))); });
  for (let j = 1; j < beta.rows; j += 1) value -= (lambda / 2) * beta.get(j, 0) ** 2;
  return value;
}

/** X = [1 | Z]: the design matrix with a column for the intercept. */
function withIntercept(z: Matrix): Matrix {
  const x = new Matrix(z.rows, z.columns + 1);
  for (let i = 0; i < z.rows; i += 1) {
    x.set(i, 0, 1);
    for (let j = 0; j < z.columns; j += 1) x.set(i, j + 1, z.get(i, j));
  }
  return x;
}

/** The direction of one step from β, given η = Xβ; the Newton direction by default. */
export type StepDirection = (x: Matrix, xt: Matrix, eta: readonly number[], y: readonly number[], beta: Matrix, lambda: number) => Matrix;

/**
 * Newton direction H⁻¹g, with g = Xᵀ(y − p) − λ·P·β and H = Xᵀ·diag(p(1 − p))·X + λ·P, P = diag(0, 1, …, 1).
 * H is positive definite when λ > 0 (the intercept's entry is Σ p(1 − p) > 0): constant or
 * collinear features cannot make it singular.
 */
export const newtonDirection: StepDirection = function newtonDirection(x: Matrix, xt: Matrix, eta: readonly number[], y: readonly number[], beta: Matrix, lambda: number): Matrix {
  const p = eta.map(sigmoid);
  const gradient = xt.mmul(Matrix.columnVector(p.map((pi, i) => y[i]! - pi)));
  const hessian = xt.mmul(x.clone().mulColumnVector(p.map((pi) => Math.max(pi * (1 - pi), 1e-12))));
  for (let j = 1; j < beta.rows; j += 1) {
    gradient.set(j, 0, gradient.get(j, 0) - lambda * beta.get(j, 0));
    hessian.set(j, j, hessian.get(j, j) + lambda);
  }
  return solve(hessian, gradient);
};

export interface FitOptions {
  maxIterations?: number;
  /** Replaceable so that a test can check what happens when no step improves the fit. */
  direction?: StepDirection;
}

/** Step halvings tried before a direction is given up: 2⁻³⁰ of a Newton step is below any useful change. */
const maxHalvings = 30;
const tolerance = 1e-8;

/**
 * L2-regularised logistic regression by Newton's method (IRLS): β ← β + H⁻¹g until the
 * step is below 1e-8. A step that lowers the penalised log-likelihood is halved until it
 * does not; if 30 halvings still do not, the fit stops where it is, and reports convergence
 * only when the full step was already below the tolerance (rounding at the optimum), never
 * by accepting a worse β. λ must be > 0: at λ = 0 the optimum need not exist (separable data)
 * and H is singular for a constant feature.
 */
export function fitLogistic(z: Matrix, y: readonly number[], lambda: number, options: FitOptions = {}): LogisticFit {
  if (!(lambda > 0)) throw new RangeError(`the L2 penalty λ must be greater than 0, got ${lambda}`);
  const { maxIterations = 50, direction = newtonDirection } = options;
  const x = withIntercept(z);
  const xt = x.transpose();
  let beta = Matrix.zeros(x.columns, 1);
  let eta = x.mmul(beta).to1DArray();
  let current = objective(eta, y, beta, lambda);
  const fitOf = (iterations: number, converged: boolean): LogisticFit =>
    ({ intercept: beta.get(0, 0), weights: beta.to1DArray().slice(1), iterations, converged, objective: current });
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    let step = direction(x, xt, eta, y, beta, lambda);
    // Measured before halving: ml-matrix's div works in place.
    const fullStep = step.norm('max');
    let next = beta.clone().add(step);
    let nextEta = x.mmul(next).to1DArray();
    let value = objective(nextEta, y, next, lambda);
    for (let halving = 0; !(value >= current) && halving < maxHalvings; halving += 1) {
      step = step.div(2);
      next = beta.clone().add(step);
      nextEta = x.mmul(next).to1DArray();
      value = objective(nextEta, y, next, lambda);
    }
    // No step along this direction helps: keep β (never a worse one).
    if (!(value >= current)) return fitOf(iteration, fullStep < tolerance);
    [beta, eta, current] = [next, nextEta, value];
    if (step.norm('max') < tolerance) return fitOf(iteration, true);
  }
  return fitOf(maxIterations, false);
}
