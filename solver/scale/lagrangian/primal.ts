import type { Bundles } from './bundle.js';
import { bestBundle, emptyBundles, mentorSlot, openingSlot, slots } from './bundle.js';
import type { FlatProblem } from './flat.js';

/** A plan as bundles, with the capacity it leaves. */
export interface FlatPlan {
  bundles: Bundles;
  remaining: Float64Array;
}

/** Worth of participant p's candidates that still fit: `base` (gain − price·load, or gain), else −∞. */
function fillWorth(flat: FlatProblem, p: number, remaining: Float64Array, prices: Float64Array | undefined, worth: Float64Array): void {
  for (let c = flat.candidateStart[p]!; c < flat.candidateStart[p + 1]!; c += 1) setWorth(flat, c, remaining, prices, worth);
}

function setWorth(flat: FlatProblem, c: number, remaining: Float64Array, prices: Float64Array | undefined, worth: Float64Array): void {
  const r = flat.resource[c]!;
  const fits = remaining[r]! >= flat.load[c]! - 1e-9;
  worth[c] = !fits ? -Infinity : prices ? flat.gain[c]! - prices[r]! * flat.load[c]! : flat.gain[c]!;
}

export function release(flat: FlatProblem, plan: FlatPlan, p: number): void {
  for (let k = p * slots; k < (p + 1) * slots; k += 1) {
    const c = plan.bundles.picks[k]!;
    if (c >= 0) plan.remaining[flat.resource[c]!]! += flat.load[c]!;
  }
}

export function take(flat: FlatProblem, plan: FlatPlan, p: number): void {
  for (let k = p * slots; k < (p + 1) * slots; k += 1) {
    const c = plan.bundles.picks[k]!;
    if (c >= 0) plan.remaining[flat.resource[c]!]! -= flat.load[c]!;
  }
}

/**
 * A plan from prices: participants in `order` take their best bundle under gain − price·load
 * (placed weight `weights[p]`) among resources that still have room; then `rounds` times each
 * participant gives back what it holds and takes its best bundle at plain gains among what
 * has room, which never lowers the objective (what it held is still on offer).
 */
export function pricedPlan(
  flat: FlatProblem, order: Int32Array, prices: Float64Array, weights: Float64Array, worth: Float64Array, rounds: number,
): FlatPlan {
  const plan: FlatPlan = { bundles: emptyBundles(flat.participantIds.length), remaining: Float64Array.from(flat.capacity) };
  for (const p of order) {
    fillWorth(flat, p, plan.remaining, prices, worth);
    bestBundle(flat, worth, p, weights[p]!, plan.bundles);
    take(flat, plan, p);
  }
  for (let round = 0; round < rounds; round += 1) improve(flat, plan, order, worth);
  return plan;
}

/** One pass of give-back-and-retake at plain gains; returns whether anything changed value. */
export function improve(flat: FlatProblem, plan: FlatPlan, order: Int32Array, worth: Float64Array): number {
  let gained = 0;
  for (const p of order) {
    const before = planValueOf(flat, plan.bundles, p);
    release(flat, plan, p);
    rebundle(flat, plan, p, worth);
    gained += planValueOf(flat, plan.bundles, p) - before;
  }
  return gained;
}

/** Participant p, holding nothing, takes its best bundle at plain gains among what has room. */
export function rebundle(flat: FlatProblem, plan: FlatPlan, p: number, worth: Float64Array): void {
  fillWorth(flat, p, plan.remaining, undefined, worth);
  bestBundle(flat, worth, p, flat.bonus[p]!, plan.bundles);
  take(flat, plan, p);
}

/** Participant p's contribution to the objective: gains of its picks, and its waiting bonus when placed. */
export function planValueOf(flat: FlatProblem, bundles: Bundles, p: number): number {
  let value = 0;
  let placed = false;
  for (let k = 0; k < slots; k += 1) {
    const c = bundles.picks[p * slots + k]!;
    if (c < 0) continue;
    value += flat.gain[c]!;
    if (k >= mentorSlot && k <= openingSlot) placed = true;
  }
  return placed ? value + flat.bonus[p]! : value;
}

export function planValue(flat: FlatProblem, bundles: Bundles): number {
  let value = 0;
  for (let p = 0; p < flat.participantIds.length; p += 1) value += planValueOf(flat, bundles, p);
  return value;
}

export function clonePlan(plan: FlatPlan): FlatPlan {
  const { picks, view, placed, value } = plan.bundles;
  return { bundles: { picks: picks.slice(), view: view.slice(), placed: placed.slice(), value: value.slice() }, remaining: plan.remaining.slice() };
}

/** Whether p holds a mentor, training or opening: what counts as placed. */
export function placedIn(bundles: Bundles, p: number): boolean {
  return bundles.picks[p * slots + mentorSlot]! >= 0 || bundles.picks[p * slots + mentorSlot + 1]! >= 0 || bundles.picks[p * slots + openingSlot]! >= 0;
}

/** Σ_{p placed} (member − minShare) of share s. */
function shareSlack(flat: FlatProblem, bundles: Bundles, s: number): number {
  const count = flat.minShares.length;
  let slack = 0;
  for (let p = 0; p < flat.participantIds.length; p += 1) if (placedIn(bundles, p)) slack += flat.membership[p * count + s]! - flat.minShares[s]!;
  return slack;
}

/**
 * Restores the priority shares by taking the mentor, training and opening away from placed
 * non-members, least valuable first: each one removed raises the share's slack by minShare.
 * Returns false when a share cannot be restored so.
 */
export function repairShares(flat: FlatProblem, plan: FlatPlan): boolean {
  const count = flat.minShares.length;
  for (let s = 0; s < count; s += 1) {
    let slack = shareSlack(flat, plan.bundles, s);
    if (slack >= -1e-9) continue;
    if (flat.minShares[s]! <= 0) return false;
    const removable = [...flat.participantIds.keys()].filter((p) => placedIn(plan.bundles, p) && flat.membership[p * count + s] === 0);
    const worth = removable.map((p) => planValueOf(flat, plan.bundles, p));
    const order = [...removable.keys()].sort((a, b) => worth[a]! - worth[b]!);
    for (const i of order) {
      if (slack >= -1e-9) break;
      const p = removable[i]!;
      for (let k = p * slots + mentorSlot; k <= p * slots + openingSlot; k += 1) {
        const c = plan.bundles.picks[k]!;
        if (c >= 0) plan.remaining[flat.resource[c]!]! += flat.load[c]!;
        plan.bundles.picks[k] = -1;
      }
      plan.bundles.placed[p] = 0;
      slack += flat.minShares[s]!;
    }
    if (slack < -1e-9) return false;
  }
  return true;
}
