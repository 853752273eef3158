import type { MipModel } from '../mip.js';

/**
 * Column view of a model, built once per solve: which rows each variable
 * appears in, and which variables already have x ≤ 1 implied by a row.
 */
export interface ColumnEntry {
  row: number;
  coefficient: number;
}

export interface ModelColumns {
  columns: ColumnEntry[][];
  /** impliedAtMostOne[j]: some row a·x ≤ b (or = b) with a ≥ 0 and b ≤ a_j forces x_j ≤ 1. */
  impliedAtMostOne: boolean[];
}

export function modelColumns(model: MipModel): ModelColumns {
  const columns: ColumnEntry[][] = model.variables.map(() => []);
  const impliedAtMostOne = model.variables.map(() => false);
  for (const [row, constraint] of model.constraints.entries()) {
    for (const term of constraint.terms) columns[term.variable]?.push({ row, coefficient: term.coefficient });
    const capsFromAbove = constraint.op !== '>=' && constraint.terms.every((term) => term.coefficient >= 0);
    if (!capsFromAbove) continue;
    for (const term of constraint.terms) {
      // With the other terms ≥ 0: a_j x_j ≤ b, so x_j ≤ b / a_j ≤ 1.
      if (term.coefficient > 0 && constraint.rhs <= term.coefficient) impliedAtMostOne[term.variable] = true;
    }
  }
  return { columns, impliedAtMostOne };
}
