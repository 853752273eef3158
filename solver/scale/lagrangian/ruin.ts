import { slots } from './bundle.js';
import type { FlatProblem } from './flat.js';
import type { FlatPlan } from './primal.js';
import { planValueOf, rebundle, release, take } from './primal.js';

/** A small seeded generator (mulberry32): the same problem and time give the same moves. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Participants holding each resource, kept up to date by the caller's moves. */
function holdersOf(flat: FlatProblem, plan: FlatPlan): Set<number>[] {
  const holders = Array.from(flat.capacity, () => new Set<number>());
  plan.bundles.picks.forEach((c, k) => { if (c >= 0) holders[flat.resource[c]!]!.add(Math.floor(k / slots)); });
  return holders;
}

function track(flat: FlatProblem, plan: FlatPlan, holders: Set<number>[], p: number, add: boolean): void {
  for (let k = p * slots; k < (p + 1) * slots; k += 1) {
    const c = plan.bundles.picks[k]!;
    if (c >= 0) (add ? holders[flat.resource[c]!]!.add(p) : holders[flat.resource[c]!]!.delete(p));
  }
}

/** Participant p and everyone holding a full resource that p could use: those p competes with. */
function neighbourhood(flat: FlatProblem, plan: FlatPlan, holders: Set<number>[], p: number, most: number): number[] {
  const ruined = new Set([p]);
  for (let c = flat.candidateStart[p]!; c < flat.candidateStart[p + 1]! && ruined.size < most; c += 1) {
    const r = flat.resource[c]!;
    if (plan.remaining[r]! >= flat.load[c]! - 1e-9) continue;
    for (const q of holders[r]!) if (ruined.size < most) ruined.add(q);
  }
  return [...ruined];
}

/**
 * Ruin and recreate: a participant and those it competes with give everything back and
 * re-take their best bundles in a random order; kept unless together they lose, otherwise
 * everything is put back. `steps` times, or until `deadline`; returns the total gain.
 */
export function ruinAndRecreate(flat: FlatProblem, plan: FlatPlan, worth: Float64Array, deadline: number, seed: number, steps: number): number {
  const random = generator(seed);
  const holders = holdersOf(flat, plan);
  const participants = flat.participantIds.length;
  let gained = 0;
  for (let step = 0; participants > 0 && step < steps && (step % 16 !== 0 || Date.now() < deadline); step += 1) {
    const ruined = neighbourhood(flat, plan, holders, Math.floor(random() * participants), 12);
    for (let i = ruined.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [ruined[i], ruined[j]] = [ruined[j]!, ruined[i]!];
    }
    const saved = ruined.map((p) => ({ p, picks: plan.bundles.picks.slice(p * slots, (p + 1) * slots), view: plan.bundles.view[p]!, placed: plan.bundles.placed[p]! }));
    const before = ruined.reduce((sum, p) => sum + planValueOf(flat, plan.bundles, p), 0);
    for (const p of ruined) { track(flat, plan, holders, p, false); release(flat, plan, p); }
    for (const p of ruined) rebundle(flat, plan, p, worth);
    const gain = ruined.reduce((sum, p) => sum + planValueOf(flat, plan.bundles, p), 0) - before;
    // Moves that neither gain nor lose are kept too: they let the search wander along a plateau.
    if (gain > -1e-12) gained += Math.max(0, gain);
    else {
      for (const p of ruined) release(flat, plan, p);
      for (const { p, picks, view, placed } of saved) {
        plan.bundles.picks.set(picks, p * slots);
        [plan.bundles.view[p], plan.bundles.placed[p]] = [view, placed];
        take(flat, plan, p);
      }
    }
    for (const p of ruined) track(flat, plan, holders, p, true);
  }
  return gained;
}
