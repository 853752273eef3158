import { pairKey } from '../../exact/prepared-problem.js';
import { emptyBundles, housingSlot, mentorSlot, openingSlot, slotOfKind, slots, trainingSlot } from './bundle.js';
import type { FlatProblem } from './flat.js';
import { freeOpeningList, housingList, listsPerView, mentorList, trainingList } from './flat.js';
import type { FlatPlan } from './primal.js';
import { placedIn, planValueOf } from './primal.js';

/** A plan to start from, e.g. the base round's plan for a scenario that changed some capacities. */
export interface StartPlan {
  assignments: readonly { participant: string; resource: string }[];
  regions: Readonly<Record<string, string>>;
}

const listOfSlot = [housingList, mentorList, trainingList, freeOpeningList];

function inList(flat: FlatProblem, v: number, list: number, c: number): boolean {
  for (let i = flat.listStart[v * listsPerView + list]!; i < flat.listStart[v * listsPerView + list + 1]!; i += 1) if (flat.members[i] === c) return true;
  return false;
}

/** Whether an opening is free in view v, or bridged there by the training `training`. */
function openingFits(flat: FlatProblem, v: number, opening: number, training: number): boolean {
  if (inList(flat, v, freeOpeningList, opening)) return true;
  for (let b = flat.bridgeStart[v]!; b < flat.bridgeStart[v + 1]!; b += 1) {
    if (flat.bridgeOpening[b] !== opening) continue;
    for (let i = flat.bridgeTrainingStart[b]!; i < flat.bridgeTrainingStart[b + 1]!; i += 1) if (flat.bridgeTrainings[i] === training) return true;
  }
  return false;
}

/** Participant p's bundle holds in view v: each pick usable there, bridges kept, housing when relocating. */
function bundleFits(flat: FlatProblem, plan: FlatPlan, p: number, v: number): boolean {
  const picks = plan.bundles.picks.subarray(p * slots, (p + 1) * slots);
  for (const slot of [housingSlot, mentorSlot, trainingSlot]) if (picks[slot]! >= 0 && !inList(flat, v, listOfSlot[slot]!, picks[slot]!)) return false;
  if (picks[openingSlot]! >= 0 && !openingFits(flat, v, picks[openingSlot]!, picks[trainingSlot]!)) return false;
  return flat.viewRelocating[v] === 0 || picks[housingSlot]! >= 0;
}

function clear(plan: FlatPlan, flat: FlatProblem, p: number): void {
  plan.bundles.picks.fill(-1, p * slots, (p + 1) * slots);
  plan.bundles.placed[p] = 0;
  plan.bundles.view[p] = flat.viewStart[p]!;
}

/**
 * The start plan on this problem: a participant whose bundle no longer fits (an edge gone, a
 * region no longer offered) starts with nothing, and where a capacity shrank, the holders
 * worth least give everything back until the rest fits. Feasible by construction.
 */
export function startPlan(flat: FlatProblem, start: StartPlan): FlatPlan {
  const participants = flat.participantIds.length;
  const plan: FlatPlan = { bundles: emptyBundles(participants), remaining: Float64Array.from(flat.capacity) };
  const position = new Map(flat.participantIds.map((id, p) => [id, p]));
  const candidate = new Map(flat.candidates.map((c, i) => [pairKey(c.participant, c.resource.id), i]));
  for (let p = 0; p < participants; p += 1) clear(plan, flat, p);
  for (const a of start.assignments) {
    const [p, c] = [position.get(a.participant), candidate.get(pairKey(a.participant, a.resource))];
    if (p !== undefined && c !== undefined) plan.bundles.picks[p * slots + slotOfKind[flat.candidates[c]!.resource.kind]] = c;
  }
  for (let p = 0; p < participants; p += 1) {
    const region = start.regions[flat.participantIds[p]!];
    let v = flat.viewStart[p]!;
    for (let w = flat.viewStart[p]!; w < flat.viewStart[p + 1]!; w += 1) if (flat.viewRegion[w] === region) v = w;
    plan.bundles.view[p] = v;
    if (!bundleFits(flat, plan, p, v)) clear(plan, flat, p);
    const picks = plan.bundles.picks;
    plan.bundles.placed[p] = placedIn(plan.bundles, p) ? 1 : 0;
    for (let k = p * slots; k < (p + 1) * slots; k += 1) if (picks[k]! >= 0) plan.remaining[flat.resource[picks[k]!]!]! -= flat.load[picks[k]!]!;
  }
  trimToCapacity(flat, plan);
  return plan;
}

/** Holders of a resource above its capacity give everything back, least valuable first. */
function trimToCapacity(flat: FlatProblem, plan: FlatPlan): void {
  const over = new Set<number>();
  plan.remaining.forEach((room, r) => { if (room < -1e-9) over.add(r); });
  if (over.size === 0) return;
  const holders = [...flat.participantIds.keys()].filter((p) => {
    for (let k = p * slots; k < (p + 1) * slots; k += 1) if (plan.bundles.picks[k]! >= 0 && over.has(flat.resource[plan.bundles.picks[k]!]!)) return true;
    return false;
  }).sort((a, b) => planValueOf(flat, plan.bundles, a) - planValueOf(flat, plan.bundles, b));
  for (const p of holders) {
    let needed = false;
    for (let k = p * slots; k < (p + 1) * slots; k += 1) if (plan.bundles.picks[k]! >= 0 && plan.remaining[flat.resource[plan.bundles.picks[k]!]!]! < -1e-9) needed = true;
    if (!needed) continue;
    for (let k = p * slots; k < (p + 1) * slots; k += 1) if (plan.bundles.picks[k]! >= 0) plan.remaining[flat.resource[plan.bundles.picks[k]!]!]! += flat.load[plan.bundles.picks[k]!]!;
    clear(plan, flat, p);
  }
}
