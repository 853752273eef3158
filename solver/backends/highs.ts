import * as highsPackage from 'highs';
import type { Highs, InitOptions, ModelData } from 'highs';
import type { MipBackend, MipModel, MipOptions, MipSolution } from '../mip.js';
import { firstViolation, planObjective, roundBinary } from './plan-check.js';
import { memoryCeilingBytes, searchOnThread, stopSearchThread, type SearchOutcome } from './highs-thread.js';

/**
 * The exact backend for large models: HiGHS (branch and cut) compiled to
 * WebAssembly. The model is passed as sparse rows, not as LP text: no names to
 * escape, no text to parse, and a 10^6-nonzero model stays a few typed arrays.
 */

let runtime: Promise<Highs> | null = null;

type LoadHighs = (options?: InitOptions) => Promise<Highs>;
/**
 * The package ships ESM-syntax types in a CommonJS package, so TypeScript puts the
 * loader one `default` deeper than Node's ESM import does: accept both shapes.
 */
const exported: unknown = highsPackage.default;
const loadHighs = (typeof exported === 'function' ? exported : (exported as { default: LoadHighs }).default) as LoadHighs;

/**
 * Lets the runtime's memory go once a large solve is over (it is loaded again when needed): the
 * national round's neighbourhood grows it to about 220 MiB, which would otherwise stay beside
 * what the round needs next.
 */
export function releaseHighs(): void {
  runtime = null;
  stopSearchThread();
}

function highsRuntime(): Promise<Highs> {
  const loading = runtime ?? loadHighs();
  runtime = loading;
  return loading;
}

export const highsBackend: MipBackend = {
  name: 'highs',
  async solve(model: MipModel, options: MipOptions): Promise<MipSolution> {
    try {
      return await solveOnce(model, options);
    } catch {
      // A search thread that failed was stopped; the next attempt starts another.
      return solveOnce(model, options);
    }
  },
};

/** The search runs on a thread of its own, stopped at the time limit if HiGHS has not stopped by then (highs-thread.ts). */
async function solveOnce(model: MipModel, options: MipOptions): Promise<MipSolution> {
  // The runtime here only lends its constants (infinity, codes) to the model's data.
  const highs = await highsRuntime();
  const start = options.start ? Float64Array.from(options.start) : undefined;
  const outcome = await searchOnThread(modelData(highs, model), searchOptions(model, options.timeLimitMs), options.timeLimitMs, start);
  return solutionOf(outcome, model);
}

/** How the backend runs HiGHS' branch and cut on `model`; bench/ipr-proof.ts runs it the same way, with the log on. */
export function searchOptions(model: MipModel, timeLimitMs: number): Record<string, string | number | boolean> {
  return {
    output_flag: false,
    time_limit: Math.max(timeLimitMs, 1) / 1000,
    // "optimal" must mean optimal, not within HiGHS' default 0.01 % gap.
    mip_rel_gap: 1e-9,
    mip_abs_gap: 1e-9,
    // The model builder already leaves out what presolve found (fixed y, implied rows); in
    // WebAssembly presolve then costs more than it saves: ipr-1500 8.3 s → 5.0 s of CPU, fixtures/ipr-occitanie 1.3 s → 0.7 s.
    // A model whose bounds fix most variables (a neighbourhood, solver/scale/neighbourhood.ts) is
    // the exception: presolve removes them before the search.
    presolve: mostlyFixed(model) ? 'on' : 'off',
  };
}

/** A runtime of its own whose log goes to `print` (the backend's runtime prints nothing). */
export function highsWithLog(print: (line: string) => void): Promise<Highs> {
  return loadHighs({ print, printErr: print });
}

/**
 * The linear relaxation's values (0 ≤ x ≤ 1 instead of binary), or undefined when HiGHS does not
 * reach its optimum within the time: a guide for which variables to fix, never a plan.
 */
export async function linearRelaxation(model: MipModel, timeLimitMs: number): Promise<Float64Array | undefined> {
  return (await linearOptimum(model, timeLimitMs))?.values;
}

/** The linear relaxation's optimum: its objective (offset included), values and the duals of its rows. */
export interface LinearOptimum {
  objective: number;
  values: Float64Array;
  /** Per row, in the sense of a maximisation: the objective gained by one more unit of its right-hand side. */
  rowDuals: Float64Array;
}

export async function linearOptimum(model: MipModel, timeLimitMs: number): Promise<LinearOptimum | undefined> {
  const highs = await highsRuntime();
  const { integrality: _, ...data } = modelData(highs, model);
  const instance = highs.createModel(data);
  try {
    instance.options.set({ output_flag: false, presolve: 'off', time_limit: Math.max(timeLimitMs, 1) / 1000 });
    instance.run();
    if (instance.getModelStatus() !== highs.constants.modelStatus.optimal) return undefined;
    const solution = instance.getSolution();
    return { objective: instance.getObjectiveValue(), values: Float64Array.from(solution.colValue), rowDuals: Float64Array.from(solution.rowDual) };
  } finally {
    instance.dispose();
    if (highs.memoryBytes > memoryCeilingBytes) runtime = null;
  }
}

function mostlyFixed(model: MipModel): boolean {
  let fixed = 0;
  for (const variable of model.variables) if (variable.lower === 1 || variable.upper === 0) fixed += 1;
  return fixed > model.variables.length / 2;
}

/** Rows as lower ≤ a·x ≤ upper, compressed by row; duplicate terms of one row are summed. */
export function modelData(highs: Highs, model: MipModel): ModelData {
  const infinity = highs.infinity;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const constraint of model.constraints) {
    const row = new Map<number, number>();
    for (const term of constraint.terms) row.set(term.variable, (row.get(term.variable) ?? 0) + term.coefficient);
    for (const [variable, coefficient] of row) {
      indices.push(variable);
      values.push(coefficient);
    }
    starts.push(indices.length);
  }
  const numCols = model.variables.length;
  const numRows = model.constraints.length;
  return {
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    offset: model.objectiveConstant,
    colCost: model.variables.map((variable) => variable.objective),
    colLower: model.variables.map((variable) => variable.lower ?? 0),
    colUpper: model.variables.map((variable) => variable.upper ?? 1),
    rowLower: model.constraints.map((c) => (c.op === '<=' ? -infinity : c.rhs)),
    rowUpper: model.constraints.map((c) => (c.op === '>=' ? infinity : c.rhs)),
    matrix: { numRows, numCols, format: 'csr', starts, indices, values },
    integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
  };
}

function solutionOf(outcome: SearchOutcome, model: MipModel): MipSolution {
  const { nodes } = outcome;
  if (outcome.status === 'infeasible') return { status: 'infeasible', nodes };
  if (outcome.status === 'empty') return emptyModelSolution(model);
  const values = outcome.values && checkedPlan(outcome, outcome.values, model);
  if (!values) {
    if (outcome.status === 'optimal') throw new Error('HiGHS reported an optimum without a solution');
    if (outcome.status === 'limit') return { status: 'time_limit', bound: outcome.bound, nodes };
    throw new Error(`HiGHS stopped with model status ${outcome.code}`);
  }
  const objective = planObjective(model, values);
  if (outcome.status === 'optimal') return { status: 'optimal', values, objective, bound: objective, nodes };
  if (outcome.status !== 'limit') throw new Error(`HiGHS stopped with model status ${outcome.code}`);
  return { status: 'feasible', values, objective, bound: Math.max(objective, outcome.bound ?? Infinity), nodes };
}

/** HiGHS' own plan must hold; the caller's start, left when the thread was stopped before a plan of its own, only counts when it does. */
function checkedPlan(outcome: SearchOutcome, colValue: Float64Array, model: MipModel): number[] | undefined {
  if (!outcome.isStart) return verifiedPlan(model, colValue);
  const values = roundBinary(colValue);
  return values && firstViolation(model, values) === null ? values : undefined;
}

function verifiedPlan(model: MipModel, colValue: Float64Array): number[] {
  const values = roundBinary(colValue);
  const violation = values ? firstViolation(model, values) : 'a variable is not integral';
  if (!values || violation !== null) throw new Error(`HiGHS returned a plan that breaks: ${violation}`);
  return values;
}

/** HiGHS answers "empty" for a model without columns; it is still a model with an answer. */
function emptyModelSolution(model: MipModel): MipSolution {
  const values = model.variables.map((variable) => variable.lower ?? 0);
  if (firstViolation(model, values) !== null) return { status: 'infeasible' };
  const objective = planObjective(model, values);
  return { status: 'optimal', values, objective, bound: objective, nodes: 0 };
}
