import type { MipConstraint, MipModel } from '../mip.js';

/**
 * Checks that every backend applies before it calls anything a plan: values are
 * 0 or 1, within each variable's bounds, and every constraint holds.
 */

/** Absolute slack allowed on a row, scaled by the size of its terms: |a·x − b| ≤ tol·(1 + Σ|a_j x_j| + |b|). */
export const feasibilityTolerance = 1e-7;

/** Rounds values that a solver returned within `integrality` of 0 or 1; null if one is further away. */
export function roundBinary(values: ArrayLike<number>, integrality = 1e-5): number[] | null {
  const rounded: number[] = [];
  for (let j = 0; j < values.length; j++) {
    const value = values[j] ?? Number.NaN;
    const nearest = Math.round(value);
    if (!(Math.abs(value - nearest) <= integrality) || (nearest !== 0 && nearest !== 1)) return null;
    rounded.push(nearest);
  }
  return rounded;
}

/** Left-hand side a·x of one row. */
export function rowActivity(constraint: MipConstraint, values: readonly number[]): number {
  let sum = 0;
  for (const term of constraint.terms) sum += term.coefficient * (values[term.variable] ?? 0);
  return sum;
}

export function rowHolds(constraint: MipConstraint, values: readonly number[]): boolean {
  let activity = 0;
  let scale = 1 + Math.abs(constraint.rhs);
  for (const term of constraint.terms) {
    const part = term.coefficient * (values[term.variable] ?? 0);
    activity += part;
    scale += Math.abs(part);
  }
  const slack = feasibilityTolerance * scale;
  if (constraint.op === '<=') return activity <= constraint.rhs + slack;
  if (constraint.op === '>=') return activity >= constraint.rhs - slack;
  return Math.abs(activity - constraint.rhs) <= slack;
}

/** Label of the first violated constraint or bound of a 0/1 plan, or null when the plan is valid. */
export function firstViolation(model: MipModel, values: readonly number[]): string | null {
  if (values.length !== model.variables.length) return `plan has ${values.length} values for ${model.variables.length} variables`;
  for (const [j, variable] of model.variables.entries()) {
    const value = values[j];
    if (value !== 0 && value !== 1) return `variable ${variable.name} is not 0 or 1`;
    if (value < (variable.lower ?? 0) || value > (variable.upper ?? 1)) return `bounds of variable ${variable.name}`;
  }
  const broken = model.constraints.find((constraint) => !rowHolds(constraint, values));
  return broken ? broken.label : null;
}

/** c·x plus the model's constant. */
export function planObjective(model: MipModel, values: readonly number[]): number {
  let sum = model.objectiveConstant;
  for (const [j, variable] of model.variables.entries()) sum += variable.objective * (values[j] ?? 0);
  return sum;
}

/** True when every objective coefficient is an integer: then every plan's objective minus the constant is too. */
export function hasIntegerObjective(model: MipModel): boolean {
  return model.variables.every((variable) => Number.isInteger(variable.objective));
}
