import { slotOfKind, slots } from './bundle.js';
import { typedOf } from '../../typed-arrays.js';
import type { FlatProblem } from './flat.js';
import type { FlatPlan } from './primal.js';
import { placedIn, planValueOf, rebundle, release, take } from './primal.js';

/** Participants holding each resource, as lists by resource position. */
function holdersOf(flat: FlatProblem, plan: FlatPlan): number[][] {
  const holders: number[][] = Array.from(flat.capacity, () => []);
  const { picks } = plan.bundles;
  for (let k = 0; k < picks.length; k += 1) if (picks[k]! >= 0) holders[flat.resource[picks[k]!]!]!.push(Math.floor(k / slots));
  return holders;
}

function holds(flat: FlatProblem, plan: FlatPlan, q: number, r: number): boolean {
  for (let k = q * slots; k < (q + 1) * slots; k += 1) if (plan.bundles.picks[k]! >= 0 && flat.resource[plan.bundles.picks[k]!] === r) return true;
  return false;
}

/** The gain of what p holds in the slot candidate c would take (0 when empty): what c must beat. */
function heldGain(flat: FlatProblem, plan: FlatPlan, p: number, slot: number): number {
  const held = plan.bundles.picks[p * slots + slot]!;
  return held >= 0 ? flat.gain[held]! : 0;
}

/**
 * Exchanges between two participants: p wants a resource that is full; one of its holders q
 * gives everything back, p takes its best bundle, then q takes its best among what is left.
 * Kept only when p and q together gain; otherwise both get their bundles back. Returns the
 * total gain; stops at `deadline`.
 */
export function exchangePass(flat: FlatProblem, plan: FlatPlan, order: Int32Array, worth: Float64Array, deadline: number): number {
  const holders = holdersOf(flat, plan);
  // Each candidate's slot, read once: its kind is a string two objects away, and tries are many.
  const slotOf = typedOf(Uint8Array, flat.candidates, (c) => slotOfKind[c.resource.kind]);
  const saved = new Int32Array(2 * slots);
  const savedView = new Int32Array(2);
  // Holder lists gain duplicates as moves are kept: a stamp per (p, candidate) tries each holder once.
  const tried = new Int32Array(flat.participantIds.length).fill(-1);
  let stamp = 0;
  let gained = 0;
  for (const p of order) {
    if (Date.now() > deadline) break;
    for (let c = flat.candidateStart[p]!; c < flat.candidateStart[p + 1]!; c += 1) {
      const r = flat.resource[c]!;
      if (plan.remaining[r]! >= flat.load[c]! - 1e-9 || flat.gain[c]! <= heldGain(flat, plan, p, slotOf[c]!) + 1e-12) continue;
      stamp += 1;
      for (const q of holders[r]!) {
        if (q === p || tried[q] === stamp || !holds(flat, plan, q, r)) continue;
        tried[q] = stamp;
        const gain = tryExchange(flat, plan, p, q, worth, saved, savedView);
        if (gain > 0) {
          gained += gain;
          for (let k = p * slots; k < (p + 1) * slots; k += 1) if (plan.bundles.picks[k]! >= 0) holders[flat.resource[plan.bundles.picks[k]!]!]!.push(p);
          for (let k = q * slots; k < (q + 1) * slots; k += 1) if (plan.bundles.picks[k]! >= 0) holders[flat.resource[plan.bundles.picks[k]!]!]!.push(q);
          break;
        }
      }
    }
  }
  return gained;
}

function tryExchange(
  flat: FlatProblem, plan: FlatPlan, p: number, q: number, worth: Float64Array, saved: Int32Array, savedView: Int32Array,
): number {
  const { picks, view } = plan.bundles;
  const before = planValueOf(flat, plan.bundles, p) + planValueOf(flat, plan.bundles, q);
  // Copied slot by slot: a million tries a pass on the national round, and views (subarray) or
  // arrays made per try were much of the garbage collector's work.
  for (let k = 0; k < slots; k += 1) {
    saved[k] = picks[p * slots + k]!;
    saved[slots + k] = picks[q * slots + k]!;
  }
  savedView[0] = view[p]!;
  savedView[1] = view[q]!;
  release(flat, plan, p);
  release(flat, plan, q);
  rebundle(flat, plan, p, worth);
  rebundle(flat, plan, q, worth);
  const gain = planValueOf(flat, plan.bundles, p) + planValueOf(flat, plan.bundles, q) - before;
  if (gain > 1e-9) return gain;
  release(flat, plan, p);
  release(flat, plan, q);
  restore(flat, plan, p, saved, 0, savedView[0]!);
  restore(flat, plan, q, saved, slots, savedView[1]!);
  return 0;
}

/** Gives participant `who` back the bundle saved at `saved[from …]` in view `v`, and takes its room. */
function restore(flat: FlatProblem, plan: FlatPlan, who: number, saved: Int32Array, from: number, v: number): void {
  const { picks, view, placed } = plan.bundles;
  for (let k = 0; k < slots; k += 1) picks[who * slots + k] = saved[from + k]!;
  view[who] = v;
  placed[who] = placedIn(plan.bundles, who) ? 1 : 0;
  take(flat, plan, who);
}
