import type { MipModel } from '../mip.js';
import type { ModelColumns } from './columns.js';
import { firstViolation } from './plan-check.js';
import { fillPartitionRows, fits } from './regret-rounding.js';

/**
 * Greedy rounding of a relaxed solution into a 0/1 plan, for early incumbents:
 * start from the fixed ones, fill the partition rows by regret, then switch variables on in decreasing relaxed
 * value (then objective) whenever no ≤ or = row overflows, if the variable pays,
 * is mostly on in the relaxation, or fills a ≥ or = row still short.
 * Returns a plan only when it satisfies every constraint.
 */
export function roundGreedily(
  model: MipModel,
  columns: ModelColumns,
  fixed: Int8Array,
  relaxed: ArrayLike<number>,
): number[] | null {
  const values = Array.from(fixed, (state) => (state === 1 ? 1 : 0));
  const activity = model.constraints.map(() => 0);
  for (const [j, value] of values.entries()) if (value === 1) switchOn(columns, j, activity);
  fillPartitionRows(model, columns, fixed, relaxed, values, activity);
  const free = values.flatMap((value, j) => (fixed[j] === -1 && value === 0 ? [j] : []));
  free.sort((a, b) => (relaxed[b] ?? 0) - (relaxed[a] ?? 0) || model.variables[b]!.objective - model.variables[a]!.objective);
  for (const j of free) {
    const wanted = model.variables[j]!.objective > 0 || (relaxed[j] ?? 0) > 0.5 || fillsShortRow(model, columns, j, activity);
    if (wanted && fits(model, columns, j, activity)) {
      values[j] = 1;
      switchOn(columns, j, activity);
    }
  }
  return firstViolation(model, values) === null ? values : null;
}

function switchOn(columns: ModelColumns, j: number, activity: number[]): void {
  for (const entry of columns.columns[j] ?? []) activity[entry.row] = (activity[entry.row] ?? 0) + entry.coefficient;
}

function fillsShortRow(model: MipModel, columns: ModelColumns, j: number, activity: number[]): boolean {
  return (columns.columns[j] ?? []).some(({ row, coefficient }) => {
    const constraint = model.constraints[row]!;
    return constraint.op !== '<=' && coefficient > 0 && (activity[row] ?? 0) < constraint.rhs;
  });
}
