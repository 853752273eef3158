import type { MipModel } from '../mip.js';
import type { ModelColumns } from './columns.js';
import { feasibilityTolerance } from './plan-check.js';

/**
 * Fills the partition rows (Σ x = 1, every coefficient 1: "exactly one mentor")
 * before anything else, by regret: among the rows still empty, the one whose
 * best fitting variable leads its second best by the most goes first (a row
 * with a single fitting choice leads by infinity), and takes its best. Choices
 * are ranked by relaxed value, then objective. Rows left for last are those
 * with many good choices, which are least likely to be stranded by full capacities.
 */
export function fillPartitionRows(
  model: MipModel,
  columns: ModelColumns,
  fixed: Int8Array,
  relaxed: ArrayLike<number>,
  values: number[],
  activity: number[],
): void {
  const scale = Math.max(1, ...model.variables.map((variable) => Math.abs(variable.objective)));
  const desirability = (j: number) => (relaxed[j] ?? 0) + (0.01 * model.variables[j]!.objective) / scale;
  const open = new Set(partitionRows(model).filter((row) => (activity[row] ?? 0) < 0.5));
  while (open.size > 0) {
    let chosen = -1;
    let chosenRow = -1;
    let bestRegret = -Infinity;
    for (const row of open) {
      let best = -1;
      let first = -Infinity;
      let second = -Infinity;
      for (const term of model.constraints[row]!.terms) {
        const j = term.variable;
        if (fixed[j] !== -1 || values[j] === 1 || !fits(model, columns, j, activity)) continue;
        const d = desirability(j);
        if (d > first) [second, first, best] = [first, d, j];
        else if (d > second) second = d;
      }
      // A row with no fitting choice stays empty: the plan will fail its check.
      const regret = best === -1 ? -Infinity : first - second;
      if (best !== -1 && regret > bestRegret) [bestRegret, chosen, chosenRow] = [regret, best, row];
    }
    if (chosen === -1) return;
    values[chosen] = 1;
    for (const entry of columns.columns[chosen] ?? []) activity[entry.row] = (activity[entry.row] ?? 0) + entry.coefficient;
    open.delete(chosenRow);
    for (const row of [...open]) if ((activity[row] ?? 0) > 0.5) open.delete(row);
  }
}

function partitionRows(model: MipModel): number[] {
  return model.constraints.flatMap((constraint, row) =>
    constraint.op === '=' && constraint.rhs === 1 && constraint.terms.every((term) => term.coefficient === 1) ? [row] : [],
  );
}

/** Switching j on overflows no ≤ or = row. */
export function fits(model: MipModel, columns: ModelColumns, j: number, activity: readonly number[]): boolean {
  return (columns.columns[j] ?? []).every(({ row, coefficient }) => {
    const constraint = model.constraints[row]!;
    if (constraint.op === '>=') return true;
    const after = (activity[row] ?? 0) + coefficient;
    return after <= constraint.rhs + feasibilityTolerance * (1 + Math.abs(constraint.rhs));
  });
}
