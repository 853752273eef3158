import type { RelaxedSolution } from './relaxation.js';

/**
 * Pseudocost branching. Each time a child node is solved, the loss of
 * relaxation value per unit that its branching variable moved is recorded, per
 * variable and direction; the next branching variable is the fractional one
 * whose estimated losses, down·f and up·(1 − f), have the largest product:
 * the branch that tightens the bound on both sides.
 */
export interface Branching {
  variable: number;
  /** 0: the child fixed the variable to 0; 1: to 1. */
  direction: 0 | 1;
  /** How far the fixing moved the variable from its relaxed value. */
  distance: number;
  parentObjective: number;
}

/** Integrality tolerance on relaxed values. */
const integral = 1e-6;
const minimalLoss = 1e-6;

export class Pseudocosts {
  private readonly sums: [Float64Array, Float64Array];
  private readonly counts: [Uint32Array, Uint32Array];
  private readonly totals = [0, 0];
  private readonly records = [0, 0];

  constructor(size: number) {
    this.sums = [new Float64Array(size), new Float64Array(size)];
    this.counts = [new Uint32Array(size), new Uint32Array(size)];
  }

  record(branching: Branching, childObjective: number): void {
    if (branching.distance < integral) return;
    const loss = Math.max(0, branching.parentObjective - childObjective) / branching.distance;
    const d = branching.direction;
    this.sums[d][branching.variable]! += loss;
    this.counts[d][branching.variable]! += 1;
    this.totals[d]! += loss;
    this.records[d]! += 1;
  }

  /** The free fractional variable to branch on, −1 when the relaxation is integral. */
  choose(relaxed: RelaxedSolution, fixed: Int8Array): number {
    let chosen = -1;
    let bestScore = -Infinity;
    let bestFraction = 0;
    for (let j = 0; j < fixed.length; j++) {
      if (fixed[j] !== -1) continue;
      const value = relaxed.values[j]!;
      const fraction = Math.min(value, 1 - value);
      if (fraction <= integral) continue;
      const down = Math.max(minimalLoss, this.estimate(j, 0) * value);
      const up = Math.max(minimalLoss, this.estimate(j, 1) * (1 - value));
      const score = down * up;
      if (score > bestScore * (1 + 1e-9) || (score >= bestScore * (1 - 1e-9) && fraction > bestFraction)) {
        chosen = j;
        bestScore = score;
        bestFraction = fraction;
      }
    }
    return chosen;
  }

  /** Mean loss per unit of this variable in direction d; the mean over all variables until it has one. */
  private estimate(j: number, d: 0 | 1): number {
    const count = this.counts[d][j]!;
    if (count > 0) return this.sums[d][j]! / count;
    return this.records[d]! > 0 ? this.totals[d]! / this.records[d]! : 1;
  }
}
