import type { LpTableau } from './javascript-lp-solver.js';

/**
 * Adds a general row Σ a_j x_j ≤ b to javascript-lp-solver's tableau, written
 * over the current non-basic columns. Its slack s = b − Σ a_j x_j becomes basic:
 * a non-basic x_j (at 0) adds a_j to its column; a basic one, x_j = b_r − Σ_c m_rc x_c,
 * moves a_j·b_r to the right-hand side and −a_j·m_rc to each column.
 * The library only adds single-variable bound rows, so one of those is added
 * for its bookkeeping (a new slack variable and its row) and then overwritten.
 */
export interface TableauTerm {
  /** The library's variable index. */
  varIndex: number;
  coefficient: number;
}

export function addTableauRow(tableau: LpTableau, terms: readonly TableauTerm[], rhs: number): void {
  const first = terms[0];
  if (first === undefined) return;
  tableau.addCutConstraints([{ type: 'max', varIndex: first.varIndex, value: 0 }]);
  const { matrix, width, rhsColumn } = tableau;
  const offset = (tableau.height - 1) * width;
  for (let c = 0; c < width; c++) matrix[offset + c] = 0;
  let right = rhs;
  for (const term of terms) {
    const row = tableau.rowByVarIndex[term.varIndex] ?? -1;
    if (row === -1) {
      const column = tableau.colByVarIndex[term.varIndex] ?? -1;
      if (column !== -1) matrix[offset + column] = matrix[offset + column]! + term.coefficient;
      continue;
    }
    const source = row * width;
    right -= term.coefficient * matrix[source + rhsColumn]!;
    for (let c = 1; c < width; c++) {
      if (c === rhsColumn) continue;
      const entry = matrix[source + c]!;
      if (entry !== 0) matrix[offset + c] = matrix[offset + c]! - term.coefficient * entry;
    }
  }
  matrix[offset + rhsColumn] = right;
}
