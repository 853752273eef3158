import * as lpSolverPackage from 'javascript-lp-solver';

/**
 * The part of javascript-lp-solver this project uses: `Solve` on a JSON model.
 * Version 1.0.3 ships ESM-syntax types in a package without `"type": "module"`,
 * so TypeScript reads its default export one `default` deeper than Node's ESM
 * import returns it; this module accepts both shapes and types the result.
 */
export interface LpConstraintBound {
  min?: number;
  max?: number;
  equal?: number;
}

export interface LpModel {
  optimize: string;
  opType: 'max' | 'min';
  constraints: Record<string, LpConstraintBound>;
  variables: Record<string, Record<string, number>>;
}

/** Values of the model's variables by name (absent: 0), beside the status fields. */
export interface LpResult {
  feasible: boolean;
  bounded?: boolean;
  result: number;
  [variable: string]: number | boolean | undefined;
}

interface LpSolver {
  Solve(model: LpModel): LpResult;
}

const exported: unknown = lpSolverPackage.default;

function isSolver(candidate: unknown): candidate is LpSolver {
  return typeof (candidate as Partial<LpSolver> | undefined)?.Solve === 'function';
}

export const lpSolver: LpSolver = isSolver(exported) ? exported : (exported as { default: LpSolver }).default;
