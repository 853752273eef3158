import type { MipModel } from '../mip.js';
import type { ModelColumns } from './columns.js';
import { lpSolver, type LpBoundCut, type LpConstraintBound, type LpModel, type LpModelInstance } from './javascript-lp-solver.js';
import { dualSimplex } from './dual-simplex.js';
import { addRootCovers } from './root-cuts.js';
import { feasibilityTolerance } from './plan-check.js';
import { beforeDeadline, guardPivots, type PivotClock } from './pivot-deadline.js';
import { infeasibleNode, stoppedNode, type NodeRelaxation, type RelaxedSolution, type WarmStart } from './relaxation.js';
import { TableauSnapshots } from './tableau-snapshots.js';

/**
 * Node relaxations on javascript-lp-solver's simplex tableau. The root LP is
 * solved once and saved; a node is the root plus one bound row per fixing,
 * re-optimised by dual simplex (the root basis stays dual feasible). A child
 * met during a dive extends the live tableau by its new fixings only.
 *
 * Every simplex stops at `deadline` (pivot-deadline.ts), the root's at the
 * latest of `deadline` and `rootGraceMs` after the search started: a limit
 * shorter than that still gets the root's bound and rounding on a small model.
 */
export const rootGraceMs = 1_000;

export function lpSolverRelaxation(model: MipModel, columns: ModelColumns, deadline: number): NodeRelaxation {
  const clock: PivotClock = { stopAt: Math.max(deadline, Date.now() + rootGraceMs) };
  let live: LiveTableau | null | undefined;
  return {
    solve(fixed, warm) {
      // The first call is the root: its fixings leave the LP for good.
      if (live === undefined) {
        const root = LiveTableau.create(model, columns, fixed, clock);
        clock.stopAt = deadline;
        if (root === 'deadline') return stoppedNode(model.variables.length);
        live = root;
      }
      return live === null ? infeasibleNode(model.variables.length) : live.solve(fixed, warm);
    },
    warmStart: () => live?.warmStart(),
  };
}

/** Rounds of cover cuts at each node below the root: the cuts hold in the node's subtree. */
const nodeCutRounds = 2;

class LiveTableau {
  /** Fixings the tableau currently holds; null after an infeasible or stopped node left it unusable. */
  private current: Int8Array | null;
  private readonly snapshots = new TableauSnapshots();

  private constructor(
    private readonly model: MipModel,
    private readonly lp: LpModelInstance,
    private readonly base: Int8Array,
    /** Library variable index of each model variable free at the root, else −1. */
    private readonly indexOf: Int32Array,
  ) {
    this.current = base;
  }

  /** Null when the root is infeasible; 'deadline' when the clock stopped its LP before the optimum. */
  static create(model: MipModel, columns: ModelColumns, base: Int8Array, clock: PivotClock): LiveTableau | null | 'deadline' {
    const json = rootModel(model, columns, base);
    if (json === null) return null;
    const lp = new lpSolver.Model(1e-9).loadJson(json);
    guardPivots(lp.tableau, clock);
    if (beforeDeadline(() => lp.solve()) === 'deadline') return 'deadline';
    if (!lp.tableau.feasible) return null;
    const indexOf = new Int32Array(model.variables.length).fill(-1);
    for (const variable of lp.variables) indexOf[Number(variable.id.slice(1))] = variable.index;
    lp.tableau.save();
    const covers = beforeDeadline(() => addRootCovers(model, { tableau: lp.tableau, base, indexOf }));
    if (covers === 'infeasible') return null;
    // Stopped within a round of cuts: the last save is an optimum, with the rounds before it.
    if (covers === 'deadline') lp.tableau.restore();
    lp.tableau.save();
    return new LiveTableau(model, lp, base.slice(), indexOf);
  }

  solve(fixed: Int8Array, warm?: WarmStart): RelaxedSolution {
    const outcome = beforeDeadline(() => this.solveNode(fixed, warm));
    if (outcome !== 'deadline') return outcome;
    // Left between two pivots: the next node restarts from a saved optimum.
    this.current = null;
    return stoppedNode(fixed.length);
  }

  private solveNode(fixed: Int8Array, warm?: WarmStart): RelaxedSolution {
    const tableau = this.lp.tableau;
    let from = this.current;
    if (from === null || !extendsFixings(from, fixed)) {
      const restarts = warm !== undefined && extendsFixings(warm.fixed, fixed) && this.snapshots.restore(tableau, warm);
      if (!restarts) tableau.restore();
      from = restarts ? warm.fixed : this.base;
    }
    this.current = null;
    const rows: LpBoundCut[] = [];
    for (const cut of this.newCuts(from, fixed)) {
      const column = tableau.colByVarIndex[cut.varIndex] ?? -1;
      // A non-basic variable sits at 0: emptying its column keeps it there, with no new row.
      if (cut.value === 0 && column !== -1) this.emptyColumn(column);
      else rows.push(cut);
    }
    if (rows.length > 0 && !this.reoptimise(fixed, rows)) return infeasibleNode(fixed.length);
    if (!this.coverNode(fixed)) return infeasibleNode(fixed.length);
    this.current = fixed.slice();
    return this.read(fixed);
  }

  /** Cover cuts valid below this node; false when they prove it infeasible. */
  private coverNode(fixed: Int8Array): boolean {
    const outcome = addRootCovers(this.model, { tableau: this.lp.tableau, base: fixed, indexOf: this.indexOf }, nodeCutRounds, false);
    if (outcome !== 'stalled') return outcome !== 'infeasible';
    this.lp.tableau.restore();
    return this.reoptimise(fixed, this.newCuts(this.base, fixed));
  }

  warmStart(): WarmStart | undefined {
    return this.current === null ? undefined : this.snapshots.keep(this.lp.tableau, this.current);
  }

  private emptyColumn(column: number): void {
    const { matrix, width, height } = this.lp.tableau;
    for (let r = 0; r < height; r++) matrix[r * width + column] = 0;
  }

  /** Dual simplex after the new bound rows; if it stalls, the library's primal simplex from the root. */
  private reoptimise(fixed: Int8Array, rows: LpBoundCut[]): boolean {
    const tableau = this.lp.tableau;
    tableau.addCutConstraints(rows);
    const outcome = dualSimplex(tableau, 20 * (tableau.height + tableau.width));
    if (outcome !== 'stalled') return outcome === 'optimal';
    tableau.restore();
    tableau.addCutConstraints(this.newCuts(this.base, fixed));
    tableau.simplex();
    return tableau.feasible;
  }

  private newCuts(from: Int8Array, fixed: Int8Array): LpBoundCut[] {
    const cuts: LpBoundCut[] = [];
    for (let j = 0; j < fixed.length; j++) {
      if (from[j] !== -1 || fixed[j] === -1) continue;
      cuts.push({ type: fixed[j] === 1 ? 'min' : 'max', varIndex: this.indexOf[j]!, value: fixed[j]! });
    }
    return cuts;
  }

  private read(fixed: Int8Array): RelaxedSolution {
    const { matrix, width, rhsColumn, rowByVarIndex, colByVarIndex, costRowIndex } = this.lp.tableau;
    const values = new Float64Array(fixed.length);
    const penalties = new Float64Array(fixed.length);
    let objective = 0;
    for (let j = 0; j < fixed.length; j++) {
      const index = this.indexOf[j]!;
      const row = index === -1 ? -1 : (rowByVarIndex[index] ?? -1);
      const value = this.base[j] !== -1 ? this.base[j]! : row === -1 ? 0 : matrix[row * width + rhsColumn]!;
      values[j] = Math.min(1, Math.max(0, value));
      objective += this.model.variables[j]!.objective * values[j]!;
      const column = index === -1 || fixed[j] !== -1 ? -1 : (colByVarIndex[index] ?? -1);
      // value(x) = LP − Σ_c |d_c|·x_c over the non-basic columns, d_c ≤ 0 at the optimum.
      if (column !== -1) penalties[j] = Math.max(0, -matrix[costRowIndex * width + column]!);
    }
    return { feasible: true, objective, values, penalties };
  }
}

/** True when `next` keeps every fixing of `from` (and may add more). */
function extendsFixings(from: Int8Array, next: Int8Array): boolean {
  for (let j = 0; j < from.length; j++) if (from[j] !== -1 && from[j] !== next[j]) return false;
  return true;
}

/**
 * The root LP as javascript-lp-solver JSON: fixed variables leave it (a fixed 1
 * moves its coefficients to the right-hand side); x ≤ 1 becomes a row only where
 * no row implies it. Null when a row of fixed variables alone is already broken.
 */
function rootModel(model: MipModel, columns: ModelColumns, fixed: Int8Array): LpModel | null {
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
  return { optimize: 'value', opType: 'max', constraints, variables, options: { presolve: false } };
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
