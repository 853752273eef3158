/**
 * The internal 0-1 programme that every backend solves. The placement model is
 * built into this shape once; a backend only has to maximise it.
 */
export type ConstraintOp = '<=' | '>=' | '=';

export interface MipVariable {
  name: string;
  objective: number;
  /** Every variable of the placement model is binary; bounds are [0, 1]. */
  lower?: 0 | 1;
  upper?: 0 | 1;
}

export interface MipTerm {
  /** Index into `MipModel.variables`. */
  variable: number;
  coefficient: number;
}

export interface MipConstraint {
  /** Plain-language label, reused by infeasibility reports ("caseload cap of mentor m3 (2)"). */
  label: string;
  terms: MipTerm[];
  op: ConstraintOp;
  rhs: number;
}

export interface MipModel {
  variables: MipVariable[];
  constraints: MipConstraint[];
  /** Added to the objective value; never affects the argmax. */
  objectiveConstant: number;
}

export interface MipOptions {
  /** Wall-clock time for the search. jsLPSolver lets its root relaxation run up to 1 s under a shorter limit (rootGraceMs). */
  timeLimitMs: number;
  /** A plan to start from (0/1 by variable), which must satisfy every row; backends that cannot use one ignore it. */
  start?: readonly number[];
}

export type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'time_limit';

export interface MipSolution {
  status: MipStatus;
  /** 0/1 value of each variable, by index; present for `optimal` and `feasible`. */
  values?: number[];
  /** Objective of `values`, including `objectiveConstant`. */
  objective?: number;
  /** Best proven upper bound (maximisation), including `objectiveConstant`. */
  bound?: number;
  nodes?: number;
}

export interface MipBackend {
  readonly name: 'jsLPSolver' | 'highs';
  solve(model: MipModel, options: MipOptions): Promise<MipSolution>;
}
