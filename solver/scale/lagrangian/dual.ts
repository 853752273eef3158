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

/** λ ← max(0, λ − t·(capacity − usage)), μ ← max(0, μ − t·Σ_placed (member − share)), t = gapTarget / ‖subgradient‖². */
export function step(state: State, gapTarget: number): void {
  const { flat, prices, shares, usage, shareUsage } = state;
  let norm = 0;
  for (let r = 0; r < prices.length; r += 1) {
    const g = flat.capacity[r]! - usage[r]!;
    if (g < 0 || prices[r]! > 0) norm += g * g;
  }
  for (let s = 0; s < shares.length; s += 1) if (shareUsage[s]! < 0 || shares[s]! > 0) norm += shareUsage[s]! ** 2;
  if (norm === 0) return;
  const t = gapTarget / norm;
  for (let r = 0; r < prices.length; r += 1) prices[r] = Math.max(0, prices[r]! - t * (flat.capacity[r]! - usage[r]!));
  for (let s = 0; s < shares.length; s += 1) shares[s] = Math.max(0, shares[s]! - t * shareUsage[s]!);
}

