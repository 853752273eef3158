import * as lpSolverPackage from 'javascript-lp-solver';

/**
 * The part of javascript-lp-solver this project uses: a JSON model loaded into
 * a `Model`, whose simplex tableau the branch and bound drives (save, restore,
 * bound rows, dual simplex), and `Solve` for one-off LPs.
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
  options?: { presolve?: boolean; exitOnCycles?: boolean };
}

/** Values of the model's variables by name (absent: 0), beside the status fields. */
export interface LpResult {
  feasible: boolean;
  bounded?: boolean;
  result: number;
  [variable: string]: number | boolean | undefined;
}

/** A bound row: `min` reads x ≥ value, `max` reads x ≤ value. */
export interface LpBoundCut {
  type: 'min' | 'max';
  varIndex: number;
  value: number;
}

/** The dense simplex tableau: row r's basic value sits at matrix[r·width + rhsColumn]. */
export interface LpTableau {
  matrix: Float64Array;
  width: number;
  height: number;
  rhsColumn: number;
  costRowIndex: number;
  /** Tableau row of each variable index, −1 when the variable is non-basic (at 0). */
  rowByVarIndex: number[];
  /** Tableau column of each variable index, −1 when the variable is basic. */
  colByVarIndex: number[];
  feasible: boolean;
  save(): void;
  restore(): void;
  /** A full copy of the tableau (matrix and basis); `restore` reads the one held in `savedState`. */
  copy(): unknown;
  savedState: unknown;
  addCutConstraints(cuts: LpBoundCut[]): void;
  /** Exchanges the basic variable of `row` with the non-basic one of `column`. */
  pivot(row: number, column: number): void;
  /** Two-phase primal simplex from the current basis. */
  simplex(): LpTableau;
}

export interface LpModelInstance {
  tableau: LpTableau;
  variables: { id: string; index: number }[];
  solve(): unknown;
}

interface LpSolver {
  Solve(model: LpModel): LpResult;
  Model: new (precision?: number) => { loadJson(model: LpModel): LpModelInstance };
}

const exported: unknown = lpSolverPackage.default;

function isSolver(candidate: unknown): candidate is LpSolver {
  return typeof (candidate as Partial<LpSolver> | undefined)?.Solve === 'function';
}

export const lpSolver: LpSolver = isSolver(exported) ? exported : (exported as { default: LpSolver }).default;
