import type { ResourceKind } from '../../problem.js';
import type { FlatProblem } from './flat.js';
import { freeOpeningList, housingList, listsPerView, mentorList, trainingList } from './flat.js';

/** Slots of a participant's bundle in `Bundles.picks` (4 per participant): −1 when empty. */
export const housingSlot = 0;
export const mentorSlot = 1;
export const trainingSlot = 2;
export const openingSlot = 3;
export const slots = 4;
export const slotOfKind: Record<ResourceKind, number> = { housing: housingSlot, mentor: mentorSlot, training: trainingSlot, opening: openingSlot };

/** Every participant's chosen bundle, as typed arrays. */
export interface Bundles {
  picks: Int32Array;
  /** Chosen view (region) of each participant, −1 when none is possible. */
  view: Int32Array;
  placed: Uint8Array;
  value: Float64Array;
}

export function emptyBundles(participants: number): Bundles {
  return {
    picks: new Int32Array(participants * slots).fill(-1),
    view: new Int32Array(participants).fill(-1),
    placed: new Uint8Array(participants),
    value: new Float64Array(participants),
  };
}

/** The candidate of members[start … end − 1] of highest worth, −1 when all are −∞. */
function bestOf(members: Int32Array, start: number, end: number, worth: Float64Array): number {
  let chosen = -1;
  let value = -Infinity;
  for (let i = start; i < end; i += 1) {
    const c = members[i]!;
    const w = worth[c]!;
    if (w > value) {
      value = w;
      chosen = c;
    }
  }
  return chosen;
}

/** Best training-and-opening choice of view v with at least one of them; scratch: [training, opening, value]. */
function trainingAndOpening(flat: FlatProblem, v: number, worth: Float64Array, out: Float64Array): void {
  const { members, listStart } = flat;
  const base = v * listsPerView;
  const t = bestOf(members, listStart[base + trainingList]!, listStart[base + trainingList + 1]!, worth);
  const o = bestOf(members, listStart[base + freeOpeningList]!, listStart[base + freeOpeningList + 1]!, worth);
  const tv = t < 0 ? -Infinity : worth[t]!;
  const ov = o < 0 ? -Infinity : worth[o]!;
  out[0] = t; out[1] = -1; out[2] = tv;
  if (ov > out[2]!) { out[0] = -1; out[1] = o; out[2] = ov; }
  if (tv + ov > out[2]!) { out[0] = t; out[1] = o; out[2] = tv + ov; }
  for (let b = flat.bridgeStart[v]!; b < flat.bridgeStart[v + 1]!; b += 1) {
    const opening = flat.bridgeOpening[b]!;
    if (worth[opening] === -Infinity) continue;
    const training = bestOf(flat.bridgeTrainings, flat.bridgeTrainingStart[b]!, flat.bridgeTrainingStart[b + 1]!, worth);
    if (training < 0) continue;
    const value = worth[opening]! + worth[training]!;
    if (value > out[2]!) { out[0] = training; out[1] = opening; out[2] = value; }
  }
}

const pair = new Float64Array(3);

/**
 * Participant p's best bundle under `worth` (per candidate; −∞ excludes): a region, at most
 * one resource of each kind, housing in any region other than home, bridges respected, and
 * `placedWeight` added when a mentor, training or opening is among them. Exact: this is the
 * Lagrangian subproblem. Writes the bundle into `into` and returns its value.
 */
export function bestBundle(flat: FlatProblem, worth: Float64Array, p: number, placedWeight: number, into: Bundles): number {
  let best = -Infinity;
  const at = p * slots;
  into.picks.fill(-1, at, at + slots);
  into.view[p] = -1;
  into.placed[p] = 0;
  for (let v = flat.viewStart[p]!; v < flat.viewStart[p + 1]!; v += 1) {
    const base = v * listsPerView;
    let h = bestOf(flat.members, flat.listStart[base + housingList]!, flat.listStart[base + housingList + 1]!, worth);
    let hv = h < 0 ? -Infinity : worth[h]!;
    if (flat.viewRelocating[v] === 1) {
      if (h < 0) continue;
    } else if (h < 0 || hv <= 0) [h, hv] = [-1, 0];
    const m = bestOf(flat.members, flat.listStart[base + mentorList]!, flat.listStart[base + mentorList + 1]!, worth);
    const mv = m < 0 ? -Infinity : worth[m]!;
    trainingAndOpening(flat, v, worth, pair);
    const pv = pair[2]!;
    // A mentor with any pair worth having, or a pair with the mentor if worth having.
    const withMentor = mv + Math.max(0, pv);
    const withPair = Math.max(0, mv) + pv;
    const placing = Math.max(withMentor, withPair);
    const placed = placing > -Infinity && placing + placedWeight > 0;
    const total = hv + (placed ? placing + placedWeight : 0);
    if (!(total > best)) continue;
    best = total;
    into.view[p] = v;
    into.placed[p] = placed ? 1 : 0;
    into.picks[at + housingSlot] = h;
    const mentorTaken = placed && m >= 0 && (withMentor >= withPair ? true : mv > 0);
    const pairTaken = placed && pv > -Infinity && (withMentor >= withPair ? pv > 0 : true);
    into.picks[at + mentorSlot] = mentorTaken ? m : -1;
    into.picks[at + trainingSlot] = pairTaken ? pair[0]! : -1;
    into.picks[at + openingSlot] = pairTaken ? pair[1]! : -1;
  }
  into.value[p] = best;
  return best;
}
