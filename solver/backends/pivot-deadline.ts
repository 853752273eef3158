import type { LpTableau } from './javascript-lp-solver.js';

/**
 * javascript-lp-solver's simplex has no time limit: its two primal phases loop until the
 * LP is optimal, and the root relaxation of a model of a few thousand variables can take
 * many minutes. Every pass of those phases, and of our dual simplex, goes through the
 * tableau's `pivot` method, so a deadline checked there stops any LP of this tableau. The
 * check runs before the pivot: the tableau is left between two pivots, on a valid basis
 * that is not optimal. Its values say nothing, so the caller drops it or restores a
 * saved optimum.
 */
export class PivotDeadline extends Error {
  constructor() {
    super('the simplex reached its deadline');
    this.name = 'PivotDeadline';
  }
}

/** When pivots must stop (ms since the epoch); mutable, so that the root may run longer than the nodes. */
export interface PivotClock {
  stopAt: number;
}

/** Makes every later pivot of `tableau` throw `PivotDeadline` once `clock.stopAt` has passed. */
export function guardPivots(tableau: LpTableau, clock: PivotClock): void {
  const pivot = tableau.pivot;
  // One clock read per pivot: a pivot is O(rows × columns), the read a few nanoseconds.
  tableau.pivot = function guardedPivot(this: LpTableau, row: number, column: number): void {
    if (Date.now() > clock.stopAt) throw new PivotDeadline();
    pivot.call(this, row, column);
  };
}

/** `run()`, or 'deadline' when the clock stopped its simplex between two pivots. */
export function beforeDeadline<T>(run: () => T): T | 'deadline' {
  try {
    return run();
  } catch (error) {
    if (error instanceof PivotDeadline) return 'deadline';
    throw error;
  }
}
