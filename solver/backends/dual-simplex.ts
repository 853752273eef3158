import type { LpTableau } from './javascript-lp-solver.js';

/**
 * Dual simplex on javascript-lp-solver's tableau, to re-optimise after bound
 * rows are added to an optimal tableau. (The library's own `dualSimplex` reads
 * its reduced costs with the opposite sign and stops at once.)
 *
 * The tableau stores each basic variable as x_B = b_r − Σ_c a_rc·x_c over the
 * non-basic columns, and minimises z = b_0 − Σ_c d_c·x_c: it is optimal when
 * every d_c ≤ 0 (dual feasible) and every b_r ≥ 0 (primal feasible). A row with
 * b_r < 0 leaves; the entering column has a_rc < 0 (raising x_c raises x_B) and
 * the smallest ratio d_c / a_rc ≥ 0, which keeps every d ≤ 0 after the pivot.
 */
export type DualSimplexOutcome = 'optimal' | 'infeasible' | 'stalled';

const primalTolerance = 1e-9;
const pivotTolerance = 1e-9;

export function dualSimplex(tableau: LpTableau, maxIterations: number): DualSimplexOutcome {
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const row = leavingRow(tableau);
    if (row === -1) return 'optimal';
    const column = enteringColumn(tableau, row);
    // A row b_r < 0 with no a_rc < 0 reads x_B = b_r − (non-negative terms) < 0: no solution.
    if (column === -1) return 'infeasible';
    tableau.pivot(row, column);
  }
  return 'stalled';
}

/** The most negative basic value, or −1 when all are ≥ 0. */
function leavingRow(tableau: LpTableau): number {
  const { matrix, width, height, rhsColumn } = tableau;
  let chosen = -1;
  let lowest = -primalTolerance;
  for (let r = 0; r < height; r++) {
    if (r === tableau.costRowIndex) continue;
    const value = matrix[r * width + rhsColumn]!;
    if (value < lowest) {
      lowest = value;
      chosen = r;
    }
  }
  return chosen;
}

function enteringColumn(tableau: LpTableau, row: number): number {
  const { matrix, width } = tableau;
  const offset = row * width;
  const costs = tableau.costRowIndex * width;
  let chosen = -1;
  let bestRatio = Infinity;
  let bestSize = 0;
  for (let c = 1; c < width; c++) {
    const coefficient = matrix[offset + c]!;
    if (coefficient >= -pivotTolerance) continue;
    const ratio = Math.min(0, matrix[costs + c]!) / coefficient;
    const size = -coefficient;
    // Ties go to the larger pivot element, for numerical stability.
    if (ratio < bestRatio - 1e-12 || (ratio <= bestRatio + 1e-12 && size > bestSize)) {
      chosen = c;
      bestRatio = ratio;
      bestSize = size;
    }
  }
  return chosen;
}
