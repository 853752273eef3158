import { bestBundle, slots } from './bundle.js';
import type { Bundles } from './bundle.js';
import type { FlatProblem } from './flat.js';
import type { FlatPlan } from './primal.js';

/** The multipliers and the buffers of one Lagrangian search, allocated once. */
export interface State {
  flat: FlatProblem;
  /** λ_r ≥ 0, price of one unit of capacity of the resource at position r. */
  prices: Float64Array;
  /** μ_s ≥ 0, weight of priority share s. */
  shares: Float64Array;
  /** Id of the resource at each position. */
  resourceIds: string[];
  worth: Float64Array;
  weights: Float64Array;
  bundles: Bundles;
  usage: Float64Array;
  shareUsage: Float64Array;
  /** The last step's direction over prices then shares (deflected subgradient). */
  direction: Float64Array;
  best?: FlatPlan;
}

/** L(λ, μ) without the constant; leaves each participant's bundle, the usage of every resource and share in `state`. */
export function dualValue(state: State): number {
  const { flat, prices, shares, worth, weights, bundles, usage, shareUsage } = state;
  for (let c = 0; c < worth.length; c += 1) worth[c] = flat.gain[c]! - prices[flat.resource[c]!]! * flat.load[c]!;
  usage.fill(0);
  shareUsage.fill(0);
  const count = shares.length;
  let value = 0;
  for (let p = 0; p < flat.participantIds.length; p += 1) {
    let weight = flat.bonus[p]!;
    for (let s = 0; s < count; s += 1) weight += shares[s]! * (flat.membership[p * count + s]! - flat.minShares[s]!);
    weights[p] = weight;
    value += bestBundle(flat, worth, p, weight, bundles);
    for (let k = p * slots; k < (p + 1) * slots; k += 1) {
      const c = bundles.picks[k]!;
      if (c >= 0) usage[flat.resource[c]!]! += flat.load[c]!;
    }
    if (bundles.placed[p] === 1) for (let s = 0; s < count; s += 1) shareUsage[s]! += flat.membership[p * count + s]! - flat.minShares[s]!;
  }
  for (let r = 0; r < prices.length; r += 1) value += prices[r]! * flat.capacity[r]!;
  return value;
}

/** Weight of the previous direction when the subgradient turns against it: 1.5, as Camerini, Fratta and Maffioli advise. */
const deflection = 1.5;

/**
 * λ ← max(0, λ − t·d), μ ← max(0, μ − t·d), with d the subgradient (capacity − usage, Σ_placed
 * (member − share)) deflected by the previous direction (Camerini, Fratta and Maffioli 1975:
 * d ← g + β·d_prev when g turns back against d_prev, β = 1.5·(−g·d_prev)/‖d_prev‖²), which damps
 * the zigzag of plain steps; t = gapTarget / ‖d‖².
 */
export function step(state: State, gapTarget: number): void {
  const { flat, prices, shares, usage, shareUsage, direction } = state;
  const n = prices.length;
  const g = (i: number) => (i < n ? flat.capacity[i]! - usage[i]! : shareUsage[i - n]!);
  const moves = (i: number) => (i < n ? prices[i]! > 0 : shares[i - n]! > 0) || g(i) < 0;
  let dot = 0;
  let previous = 0;
  for (let i = 0; i < direction.length; i += 1) {
    if (!moves(i)) continue;
    dot += g(i) * direction[i]!;
    previous += direction[i]! ** 2;
  }
  const beta = dot < 0 && previous > 0 ? (-deflection * dot) / previous : 0;
  let norm = 0;
  for (let i = 0; i < direction.length; i += 1) {
    direction[i] = moves(i) ? g(i) + beta * direction[i]! : 0;
    norm += direction[i]! ** 2;
  }
  if (norm === 0) return;
  const t = gapTarget / norm;
  for (let r = 0; r < n; r += 1) prices[r] = Math.max(0, prices[r]! - t * direction[r]!);
  for (let s = 0; s < shares.length; s += 1) shares[s] = Math.max(0, shares[s]! - t * direction[n + s]!);
}
