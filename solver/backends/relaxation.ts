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
}

export type NodeRelaxation = (fixed: Int8Array) => RelaxedSolution;

export const infeasibleNode = (size: number): RelaxedSolution => ({
  feasible: false,
  objective: -Infinity,
  values: new Float64Array(size),
  penalties: new Float64Array(size),
});
