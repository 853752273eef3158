import type { MipConstraint, MipModel, MipTerm } from '../mip.js';

/**
 * Lifted cover inequalities for the knapsack rows of a 0/1 programme (caseload
 * caps with loads). For a row Σ a_j x_j ≤ b with a_j > 0, a cover C has
 * Σ_{C} a_j > b, so at most |C| − 1 of its members fit: Σ_{C} x_j ≤ |C| − 1.
 * Lifting raises the coefficients α_j of the other variables as far as every
 * 0/1 point of the knapsack still satisfies the cut. The cuts never remove an
 * integer plan; they only cut off fractional relaxations.
 */
export interface Knapsack {
  /** Free variables with a positive weight. */
  items: MipTerm[];
  capacity: number;
}

const tolerance = 1e-9;

/** The rows a cover can come from: ≤ or = with positive weights on the free variables. */
export function knapsackRows(model: MipModel, fixed: Int8Array): Knapsack[] {
  const knapsacks: Knapsack[] = [];
  for (const constraint of model.constraints) {
    if (constraint.op === '>=') continue;
    let capacity = constraint.rhs;
    const items: MipTerm[] = [];
    let positive = true;
    for (const term of constraint.terms) {
      if (fixed[term.variable] === 1) capacity -= term.coefficient;
      else if (fixed[term.variable] === -1) {
        if (term.coefficient < 0) positive = false;
        else if (term.coefficient > 0) items.push(term);
      }
    }
    const total = items.reduce((sum, item) => sum + item.coefficient, 0);
    if (positive && items.length > 1 && total > capacity + tolerance) {
      knapsacks.push({ items, capacity });
    }
  }
  return knapsacks;
}

/** A lifted cover cut of `knapsack` that `values` violates, or null when the heuristic finds none. */
export function separateCover(knapsack: Knapsack, values: ArrayLike<number>): MipConstraint | null {
  const cover = minimalCover(knapsack, values);
  if (cover === null) return null;
  const coefficients = liftCover(knapsack, cover);
  const limit = cover.length - 1;
  let activity = 0;
  for (const [variable, coefficient] of coefficients) activity += coefficient * (values[variable] ?? 0);
  if (activity <= limit + 1e-6) return null;
  const terms = [...coefficients].map(([variable, coefficient]) => ({ variable, coefficient }));
  return { label: 'lifted cover of a knapsack row', terms, op: '<=', rhs: limit };
}

/**
 * Greedy cover: items by (1 − x*_j)/a_j ascending (nearly chosen per unit of
 * weight first) until the weight overflows, then dropped while it still does,
 * smallest x* first.
 */
function minimalCover(knapsack: Knapsack, values: ArrayLike<number>): MipTerm[] | null {
  const value = (term: MipTerm) => values[term.variable] ?? 0;
  const ranked = knapsack.items
    .filter((term) => value(term) > tolerance)
    .sort((a, b) => (1 - value(a)) / a.coefficient - (1 - value(b)) / b.coefficient);
  const cover: MipTerm[] = [];
  let weight = 0;
  for (const term of ranked) {
    if (weight > knapsack.capacity + tolerance) break;
    cover.push(term);
    weight += term.coefficient;
  }
  if (weight <= knapsack.capacity + tolerance) return null;
  cover.sort((a, b) => value(a) - value(b) || b.coefficient - a.coefficient);
  for (let k = 0; k < cover.length; ) {
    const term = cover[k]!;
    if (weight - term.coefficient > knapsack.capacity + tolerance) {
      cover.splice(k, 1);
      weight -= term.coefficient;
    } else k++;
  }
  return cover;
}

/**
 * Sequential up-lifting: α_j = |C| − 1 − max{Σ α_i x_i : Σ a_i x_i ≤ b − a_j}
 * over the variables already in the cut, with lightest[v] = the least weight
 * that reaches a left-hand side of v (a dynamic programme over values).
 */
function liftCover(knapsack: Knapsack, cover: readonly MipTerm[]): Map<number, number> {
  const coefficients = new Map<number, number>(cover.map((term) => [term.variable, 1]));
  let lightest: number[] = [0];
  for (const term of cover) lightest = withItem(lightest, 1, term.coefficient);
  const others = knapsack.items
    .filter((term) => !coefficients.has(term.variable))
    .sort((a, b) => b.coefficient - a.coefficient);
  const limit = cover.length - 1;
  for (const term of others) {
    const room = knapsack.capacity - term.coefficient;
    let reachable = 0;
    for (let v = 0; v < lightest.length; v++) if (lightest[v]! <= room + tolerance) reachable = v;
    const alpha = room < -tolerance ? limit : limit - reachable;
    if (alpha <= 0) continue;
    coefficients.set(term.variable, alpha);
    lightest = withItem(lightest, alpha, term.coefficient);
  }
  return coefficients;
}

function withItem(lightest: readonly number[], value: number, weight: number): number[] {
  const next = [...lightest, ...new Array<number>(value).fill(Infinity)];
  for (let v = next.length - 1; v >= value; v--) next[v] = Math.min(next[v]!, (lightest[v - value] ?? Infinity) + weight);
  return next;
}
