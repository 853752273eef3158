import type { MipModel } from '../mip.js';
import type { ModelColumns } from './columns.js';
import { feasibilityTolerance } from './plan-check.js';

/**
 * Improves a feasible 0/1 plan by local moves that keep every row satisfied,
 * until none pays: switch one variable on; exchange one variable for another
 * that shares a row with it (a participant moved to another mentor); and
 * exchange two for two across assignment rows (two participants trading their
 * mentors). Better incumbents prune more of the search tree.
 */
const maxPasses = 30;

export function improveLocally(model: MipModel, columns: ModelColumns, start: readonly number[], deadline: number): number[] {
  const plan = new Plan(model, columns, start);
  for (let pass = 0; pass < maxPasses && Date.now() < deadline; pass++) {
    if (!plan.switchOn() && !plan.exchangeOne() && !plan.exchangeTwo(deadline)) break;
  }
  return plan.values;
}

class Plan {
  readonly values: number[];
  private readonly activity: Float64Array;
  /** assignmentRow[j]: a row Σ x ≤ 1 or = 1 holding j (all coefficients 1), else −1. */
  private readonly assignmentRow: Int32Array;

  constructor(
    private readonly model: MipModel,
    private readonly columns: ModelColumns,
    start: readonly number[],
  ) {
    this.values = [...start];
    this.activity = new Float64Array(model.constraints.length);
    for (const [j, value] of this.values.entries()) if (value === 1) this.apply([j], 1);
    this.assignmentRow = new Int32Array(model.variables.length).fill(-1);
    for (const [row, constraint] of model.constraints.entries()) {
      const isAssignment = constraint.op !== '>=' && constraint.rhs === 1 && constraint.terms.every((t) => t.coefficient === 1);
      if (isAssignment) for (const term of constraint.terms) this.assignmentRow[term.variable] = row;
    }
  }

  switchOn(): boolean {
    let improved = false;
    for (let k = 0; k < this.values.length; k++) {
      if (this.values[k] === 0 && this.gain([], [k]) > 1e-9 && this.tryMove([], [k])) improved = true;
    }
    return improved;
  }

  /** One on, one off, sharing a row. */
  exchangeOne(): boolean {
    let improved = false;
    for (let j = 0; j < this.values.length; j++) {
      if (this.values[j] !== 1) continue;
      for (const k of this.neighbours(j)) {
        if (this.values[k] === 0 && this.gain([j], [k]) > 1e-9 && this.tryMove([j], [k])) {
          improved = true;
          break;
        }
      }
    }
    return improved;
  }

  /** j1, j2 off and k1, k2 on, where k1 shares j1's assignment row and k2 shares j2's. */
  exchangeTwo(deadline: number): boolean {
    const on = this.values.flatMap((value, j) => (value === 1 && this.assignmentRow[j] !== -1 ? [j] : []));
    for (let a = 0; a < on.length && Date.now() < deadline; a++) {
      for (let b = a + 1; b < on.length; b++) {
        const j1 = on[a]!;
        const j2 = on[b]!;
        if (this.values[j1] !== 1 || this.values[j2] !== 1) continue;
        for (const k1 of this.rowMembers(j1)) {
          for (const k2 of this.rowMembers(j2)) {
            if (this.values[k1] !== 0 || this.values[k2] !== 0 || k1 === k2) continue;
            if (this.gain([j1, j2], [k1, k2]) > 1e-9 && this.tryMove([j1, j2], [k1, k2])) return true;
          }
        }
      }
    }
    return false;
  }

  private rowMembers(j: number): number[] {
    const row = this.assignmentRow[j]!;
    return this.model.constraints[row]!.terms.map((term) => term.variable);
  }

  private neighbours(j: number): number[] {
    const seen = new Set<number>();
    for (const entry of this.columns.columns[j] ?? []) {
      for (const term of this.model.constraints[entry.row]!.terms) if (term.variable !== j) seen.add(term.variable);
    }
    return [...seen];
  }

  private gain(off: readonly number[], on: readonly number[]): number {
    let sum = 0;
    for (const k of on) sum += this.model.variables[k]!.objective;
    for (const j of off) sum -= this.model.variables[j]!.objective;
    return sum;
  }

  private tryMove(off: readonly number[], on: readonly number[]): boolean {
    if (!on.every((k) => (this.model.variables[k]!.upper ?? 1) === 1) || !off.every((j) => (this.model.variables[j]!.lower ?? 0) === 0)) return false;
    this.apply(off, -1);
    this.apply(on, 1);
    const touched = new Set<number>();
    for (const j of [...off, ...on]) for (const entry of this.columns.columns[j] ?? []) touched.add(entry.row);
    if ([...touched].every((row) => this.rowHolds(row))) {
      for (const j of off) this.values[j] = 0;
      for (const k of on) this.values[k] = 1;
      return true;
    }
    this.apply(on, -1);
    this.apply(off, 1);
    return false;
  }

  private apply(variables: readonly number[], sign: 1 | -1): void {
    for (const j of variables) for (const entry of this.columns.columns[j] ?? []) this.activity[entry.row]! += sign * entry.coefficient;
  }

  private rowHolds(row: number): boolean {
    const constraint = this.model.constraints[row]!;
    const activity = this.activity[row]!;
    const slack = feasibilityTolerance * (1 + Math.abs(constraint.rhs));
    if (constraint.op === '<=') return activity <= constraint.rhs + slack;
    if (constraint.op === '>=') return activity >= constraint.rhs - slack;
    return Math.abs(activity - constraint.rhs) <= slack;
  }
}
