/**
 * The linear relaxation of a 0/1 programme at one node of the search: variables
 * with `fixed[j]` = 0 or 1 are fixed, the others (−1) range over [0, 1].
 */
export interface RelaxedSolution {
  feasible: boolean;
  /** max c·x over the node's relaxation, without the model's constant. */
  objective: number;
  values: Float64Array;
  /**
   * Reduced costs: every plan of the node with x_j = 1 is worth at most
   * objective − penalties[j]. Zero where nothing is known (x_j basic or fixed).
   */
  penalties: Float64Array;
  /** The deadline stopped this LP before its optimum: nothing is known of the node, which stays open. */
  stopped?: true;
}

/** A saved relaxation state that a node below it may restart from; `state` is null once dropped for memory. */
export interface WarmStart {
  readonly fixed: Int8Array;
  state: unknown;
}

export interface NodeRelaxation {
  solve(fixed: Int8Array, warm?: WarmStart): RelaxedSolution;
  /** The state of the last feasible solve, for the children of that node; undefined when there is none. */
  warmStart(): WarmStart | undefined;
}

export const infeasibleNode = (size: number): RelaxedSolution => ({
  feasible: false,
  objective: -Infinity,
  values: new Float64Array(size),
  penalties: new Float64Array(size),
});

export const stoppedNode = (size: number): RelaxedSolution => ({ ...infeasibleNode(size), stopped: true });
