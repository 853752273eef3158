import type { MipModel, MipStatus } from '../mip.js';
import type { ModelColumns } from './columns.js';
import { NodeQueue, type OpenNode } from './node-queue.js';
import { firstViolation, hasIntegerObjective } from './plan-check.js';
import type { NodeRelaxation, RelaxedSolution } from './relaxation.js';
import { roundGreedily } from './rounding.js';
import { improveLocally } from './local-search.js';
import { Pseudocosts, type Branching } from './pseudocosts.js';

/**
 * Branch and bound over 0/1 variables on top of a node relaxation. The search
 * takes the open node with the best bound and dives from it (rounding
 * direction first, the sibling kept open) until the dive is pruned: an
 * incumbent comes early from the dives and from greedy rounding, and the best
 * bound still open is always known, for the gap. Objectives here leave out the
 * model's constant.
 */
export interface SearchOutcome {
  status: MipStatus;
  values?: number[];
  objective?: number;
  bound?: number;
  nodes: number;
}

interface Incumbent {
  values: number[];
  objective: number;
}

export function branchAndBound(model: MipModel, columns: ModelColumns, relax: NodeRelaxation, deadline: number): SearchOutcome {
  const root = rootFixings(model);
  if (root === null) return { status: 'infeasible', nodes: 0 };
  const search = new Search(model, columns, relax, deadline);
  const open = new NodeQueue();
  open.push({ fixed: root, bound: Infinity });
  while (open.size > 0) {
    const node = open.pop()!;
    if (search.prunes(node.bound)) continue;
    // The root is solved even past the deadline, within the relaxation's grace:
    // its relaxation and rounding give a bound and, often, a plan.
    if (node.bound !== Infinity && Date.now() > deadline) {
      open.push(node);
      return search.stopped(open.bestBound);
    }
    if (search.dive(node, open, deadline) === 'stopped') return search.stopped(open.bestBound);
  }
  return search.exhausted();
}

/** Bounds as fixings: lower = 1 fixes to 1, upper = 0 fixes to 0; null when a variable has none left. */
function rootFixings(model: MipModel): Int8Array | null {
  const fixed = new Int8Array(model.variables.length).fill(-1);
  for (const [j, variable] of model.variables.entries()) {
    const lower = variable.lower ?? 0;
    const upper = variable.upper ?? 1;
    if (lower > upper) return null;
    if (lower === upper) fixed[j] = lower;
  }
  return fixed;
}

/** Time that local search may spend on one plan. */
const localSearchMs = 500;

class Search {
  private incumbent: Incumbent | null = null;
  private nodes = 0;
  /** With integer objective coefficients a better plan is better by at least 1. */
  private readonly step: number;
  private readonly pseudocosts: Pseudocosts;

  constructor(
    private readonly model: MipModel,
    private readonly columns: ModelColumns,
    private readonly relax: NodeRelaxation,
    private readonly deadline: number,
  ) {
    this.step = hasIntegerObjective(model) ? 1 : 0;
    this.pseudocosts = new Pseudocosts(model.variables.length);
  }

  /** No plan below a node with this bound can beat the incumbent. */
  prunes(bound: number): boolean {
    if (this.incumbent === null) return false;
    const best = this.incumbent.objective;
    return bound < best + this.step - 1e-6 * Math.max(1, Math.abs(best)) || (this.step === 0 && bound <= best);
  }

  /** 'stopped' when the deadline interrupted a node's LP: that node goes back to `open` with its parent's bound. */
  dive(start: OpenNode, open: NodeQueue, deadline: number): 'stopped' | 'ended' {
    let node: OpenNode | null = start;
    while (node !== null) {
      this.nodes++;
      const relaxed = this.relax.solve(node.fixed, node.warm);
      if (relaxed.stopped) {
        open.push(node);
        return 'stopped';
      }
      if (node.origin && relaxed.feasible) this.pseudocosts.record(node.origin, relaxed.objective);
      if (!relaxed.feasible || this.prunes(relaxed.objective)) return 'ended';
      // Rounding every node costs more than it finds: at the start of each dive and now and then within.
      if (node === start || this.nodes % 16 === 0) this.offer(roundGreedily(this.model, this.columns, node.fixed, relaxed.values));
      node = this.branch(node, relaxed, open);
      if (node !== null && Date.now() > deadline) {
        open.push(node);
        return 'ended';
      }
    }
    return 'ended';
  }

  /** Queues one child of the node and returns the other, to dive into; null when the node is integral. */
  private branch(node: OpenNode, relaxed: RelaxedSolution, open: NodeQueue): OpenNode | null {
    const variable = this.pseudocosts.choose(relaxed, node.fixed);
    if (variable === -1) {
      this.offer(integralPlan(relaxed, node.fixed));
      return null;
    }
    const value = relaxed.values[variable]!;
    const firstValue = value >= 0.5 ? 1 : 0;
    const fixed = this.fixByReducedCost(node.fixed, relaxed);
    const [first, second] = children(fixed, variable, firstValue);
    const origin = (direction: 0 | 1): Branching => ({
      variable,
      direction,
      distance: direction === 1 ? 1 - value : value,
      parentObjective: relaxed.objective,
    });
    const warm = this.relax.warmStart();
    open.push({ fixed: second, bound: relaxed.objective, origin: origin(firstValue === 1 ? 0 : 1), ...(warm && { warm }) });
    return { fixed: first, bound: relaxed.objective, origin: origin(firstValue) };
  }

  /** Fixes to 0, below this node, every variable at 0 whose reduced cost alone prunes x_j = 1. */
  private fixByReducedCost(fixed: Int8Array, relaxed: RelaxedSolution): Int8Array {
    if (this.incumbent === null) return fixed;
    let tightened: Int8Array | null = null;
    for (let j = 0; j < fixed.length; j++) {
      const penalty = relaxed.penalties[j]!;
      if (fixed[j] !== -1 || penalty <= 0 || !this.prunes(relaxed.objective - penalty)) continue;
      tightened ??= fixed.slice();
      tightened[j] = 0;
    }
    return tightened ?? fixed;
  }

  private offer(found: number[] | null): void {
    if (found === null || firstViolation(this.model, found) !== null) return;
    const improved = improveLocally(this.model, this.columns, found, Math.min(this.deadline, Date.now() + localSearchMs));
    const values = firstViolation(this.model, improved) === null ? improved : found;
    let objective = 0;
    for (const [j, variable] of this.model.variables.entries()) objective += variable.objective * values[j]!;
    if (this.incumbent === null || objective > this.incumbent.objective) this.incumbent = { values, objective };
  }

  stopped(openBound: number): SearchOutcome {
    if (this.incumbent === null) return { status: 'time_limit', bound: this.tighten(openBound), nodes: this.nodes };
    const bound = Math.max(this.incumbent.objective, this.tighten(openBound));
    return { status: 'feasible', ...this.incumbent, bound, nodes: this.nodes };
  }

  exhausted(): SearchOutcome {
    if (this.incumbent === null) return { status: 'infeasible', nodes: this.nodes };
    return { status: 'optimal', ...this.incumbent, bound: this.incumbent.objective, nodes: this.nodes };
  }

  /** With an integer objective, a bound of 1451.7 proves 1451. */
  private tighten(bound: number): number {
    return this.step === 1 && Number.isFinite(bound) ? Math.floor(bound + 1e-6) : bound;
  }
}

function children(fixed: Int8Array, j: number, firstValue: 0 | 1): [Int8Array, Int8Array] {
  const first = fixed.slice();
  const second = fixed.slice();
  first[j] = firstValue;
  second[j] = 1 - firstValue;
  return [first, second];
}

function integralPlan(relaxed: RelaxedSolution, fixed: Int8Array): number[] {
  return Array.from(fixed, (state, j) => (state === -1 ? Math.round(relaxed.values[j]!) : state));
}
