import type { MipConstraint, MipModel } from '../mip.js';
import type { LpTableau } from './javascript-lp-solver.js';
import { dualSimplex } from './dual-simplex.js';
import { knapsackRows, separateCover } from './cover-cuts.js';
import { addTableauRow } from './tableau-rows.js';

/**
 * Rounds of lifted cover cuts on the root relaxation, before the search saves
 * it: each round separates a cut per knapsack row from the current optimum,
 * adds the violated ones as rows and re-optimises by dual simplex. The cuts hold
 * for every integer plan, so every node below inherits the tighter bound.
 */
const maxRounds = 25;
/** Stop when a round improves the bound by less than this (relative). */
const minimalProgress = 1e-5;

export type RootCutOutcome = 'tightened' | 'infeasible' | 'stalled';

export interface RootTableau {
  tableau: LpTableau;
  /** Fixings at the root: fixed variables are not in the tableau. */
  base: Int8Array;
  /** Library variable index of each model variable free at the root, else −1. */
  indexOf: Int32Array;
}

/**
 * At the root (`keepOnStall`) a round whose dual simplex stalls is undone from a
 * saved copy; at a node the caller restarts instead, since the saved copy is the root's.
 */
export function addRootCovers(model: MipModel, root: RootTableau, rounds = maxRounds, keepOnStall = true): RootCutOutcome {
  const knapsacks = knapsackRows(model, root.base);
  if (knapsacks.length === 0) return 'tightened';
  const seen = new Set<string>();
  let bound = objectiveOf(model, tableauValues(root));
  for (let round = 0; round < rounds; round++) {
    const values = tableauValues(root);
    const cuts = knapsacks.flatMap((knapsack) => {
      const cut = separateCover(knapsack, values);
      const key = cut && cut.terms.map((t) => `${t.variable}:${t.coefficient}`).join(',');
      if (!cut || !key || seen.has(key)) return [];
      seen.add(key);
      return [cut];
    });
    if (cuts.length === 0) return 'tightened';
    if (keepOnStall) root.tableau.save();
    for (const cut of cuts) if (inTableau(root, cut)) addCut(root, cut);
    const outcome = dualSimplex(root.tableau, 20 * (root.tableau.height + root.tableau.width));
    if (outcome === 'infeasible') return 'infeasible';
    if (outcome === 'stalled') {
      if (!keepOnStall) return 'stalled';
      root.tableau.restore();
      return 'tightened';
    }
    const next = objectiveOf(model, tableauValues(root));
    const progress = bound - next;
    bound = next;
    if (progress < minimalProgress * Math.max(1, Math.abs(bound))) return 'tightened';
  }
  return 'tightened';
}

/** A free variable missing from the library's model would silently drop out of the row. */
function inTableau(root: RootTableau, cut: MipConstraint): boolean {
  return cut.terms.every((term) => root.base[term.variable] !== -1 || root.indexOf[term.variable] !== -1);
}

function addCut(root: RootTableau, cut: MipConstraint): void {
  let rhs = cut.rhs;
  const terms: { varIndex: number; coefficient: number }[] = [];
  for (const term of cut.terms) {
    const state = root.base[term.variable];
    if (state === 1) rhs -= term.coefficient;
    else if (state === -1) terms.push({ varIndex: root.indexOf[term.variable]!, coefficient: term.coefficient });
  }
  addTableauRow(root.tableau, terms, rhs);
}

/** Value of every model variable at the tableau's current basis (fixed ones at their fixing). */
export function tableauValues(root: RootTableau): Float64Array {
  const { matrix, width, rhsColumn, rowByVarIndex } = root.tableau;
  const values = new Float64Array(root.base.length);
  for (let j = 0; j < values.length; j++) {
    if (root.base[j] !== -1) {
      values[j] = root.base[j]!;
      continue;
    }
    const index = root.indexOf[j]!;
    const row = index === -1 ? -1 : (rowByVarIndex[index] ?? -1);
    values[j] = row === -1 ? 0 : Math.min(1, Math.max(0, matrix[row * width + rhsColumn]!));
  }
  return values;
}

function objectiveOf(model: MipModel, values: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < values.length; j++) sum += model.variables[j]!.objective * values[j]!;
  return sum;
}
