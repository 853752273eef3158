import type { MipModel } from '../mip.js';
import type { ModelColumns } from './columns.js';
import { lpSolver, type LpConstraintBound, type LpModel, type LpResult } from './javascript-lp-solver.js';
import { feasibilityTolerance } from './plan-check.js';
import { infeasibleNode, type NodeRelaxation, type RelaxedSolution } from './relaxation.js';

/**
 * Node relaxations solved by javascript-lp-solver's simplex. Fixed variables
 * leave the LP (a fixed 1 moves its coefficients to the right-hand side), so
 * deeper nodes solve smaller LPs; x ≤ 1 becomes a row only where no row implies it.
 */
export function lpSolverRelaxation(model: MipModel, columns: ModelColumns): NodeRelaxation {
  return (fixed) => {
    const lp = nodeModel(model, columns, fixed);
    if (lp === null) return infeasibleNode(model.variables.length);
    return readNode(model, fixed, lpSolver.Solve(lp));
  };
}

function nodeModel(model: MipModel, columns: ModelColumns, fixed: Int8Array): LpModel | null {
  const constraints: LpModel['constraints'] = {};
  const variables: LpModel['variables'] = {};
  for (const [j, variable] of model.variables.entries()) {
    if (fixed[j] !== -1) continue;
    const coefficients: Record<string, number> = { value: variable.objective };
    if (!columns.impliedAtMostOne[j]) {
      coefficients[`u${j}`] = 1;
      constraints[`u${j}`] = { max: 1 };
    }
    variables[`x${j}`] = coefficients;
  }
  for (const [i, constraint] of model.constraints.entries()) {
    let rhs = constraint.rhs;
    let freeTerms = 0;
    for (const term of constraint.terms) {
      if (fixed[term.variable] === 1) rhs -= term.coefficient;
      const coefficients = fixed[term.variable] === -1 ? variables[`x${term.variable}`] : undefined;
      if (coefficients === undefined) continue;
      coefficients[`c${i}`] = (coefficients[`c${i}`] ?? 0) + term.coefficient;
      freeTerms++;
    }
    if (freeTerms > 0) constraints[`c${i}`] = bound(constraint.op, rhs);
    else if (!emptyRowHolds(constraint.op, rhs)) return null;
  }
  return { optimize: 'value', opType: 'max', constraints, variables };
}

function bound(op: '<=' | '>=' | '=', rhs: number): LpConstraintBound {
  if (op === '<=') return { max: rhs };
  return op === '>=' ? { min: rhs } : { equal: rhs };
}

/** A row whose variables are all fixed reads 0 op rhs′. */
function emptyRowHolds(op: '<=' | '>=' | '=', rhs: number): boolean {
  const slack = feasibilityTolerance * (1 + Math.abs(rhs));
  if (op === '<=') return rhs >= -slack;
  return op === '>=' ? rhs <= slack : Math.abs(rhs) <= slack;
}

function readNode(model: MipModel, fixed: Int8Array, result: LpResult): RelaxedSolution {
  if (!result.feasible || result.bounded === false) return infeasibleNode(model.variables.length);
  const values = new Float64Array(model.variables.length);
  let objective = 0;
  for (const [j, variable] of model.variables.entries()) {
    const raw = fixed[j] === -1 ? result[`x${j}`] : fixed[j];
    const value = typeof raw === 'number' ? Math.min(1, Math.max(0, raw)) : 0;
    values[j] = value;
    objective += variable.objective * value;
  }
  return { feasible: true, objective, values };
}
