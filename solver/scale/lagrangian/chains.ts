import { housingSlot, mentorSlot, openingSlot, slots, trainingSlot } from './bundle.js';
import type { FlatProblem } from './flat.js';
import { freeOpeningList, housingList, listsPerView, mentorList, trainingList } from './flat.js';
import type { FlatPlan } from './primal.js';

/**
 * Moves of one kind as a graph on its resources, plus a "none" node: participant p holding x
 * (or none) may move to y, gaining v_p(y) − v_p(x). A chain x₁ → y₁ = x₂ → … → y_m, each
 * move into the seat the next one frees and the last one into a seat with room, keeps every
 * capacity; with every other pick fixed, the kind's plan is optimal when no chain and no
 * cycle gains (min-cost flow optimality). Unit loads only: a heavier load stays where it is.
 */
interface Move {
  participant: number; from: number; to: number; candidate: number; gain: number;
  /** A bridged opening may come with a switch to a training of its bridge that has room: that training, else −1. */
  training: number;
}

const none = -1;

/** Label passes per kind in one chain pass: the next pass comes back after the other kinds moved. */
const roundsPerKind = 8;

/** p's candidates of the slot's kind in its current view that keep bridges and relocation housing. */
function movesOf(flat: FlatProblem, plan: FlatPlan, p: number, slot: number, into: Move[]): void {
  const v = plan.bundles.view[p]!;
  if (v < 0) return;
  const picks = plan.bundles.picks;
  const held = picks[p * slots + slot]!;
  if (held >= 0 && flat.load[held] !== 1) return;
  const from = held >= 0 ? flat.resource[held]! : none;
  const placedElsewhere = slot !== housingSlot && [mentorSlot, trainingSlot, openingSlot].some((k) => k !== slot && picks[p * slots + k]! >= 0);
  const value = (c: number) => (c < 0 ? 0 : flat.gain[c]! + (slot !== housingSlot && !placedElsewhere ? flat.bonus[p]! : 0));
  const base = value(held);
  const add = (c: number, training = -1, extra = 0) => {
    if (c !== held && (c < 0 || flat.load[c] === 1)) into.push({ participant: p, from, to: c < 0 ? none : flat.resource[c]!, candidate: c, gain: value(c) - base + extra, training });
  };
  const list = (k: number, allowed: (c: number) => boolean) => {
    for (let i = flat.listStart[v * listsPerView + k]!; i < flat.listStart[v * listsPerView + k + 1]!; i += 1) if (allowed(flat.members[i]!)) add(flat.members[i]!);
  };
  const everything = () => true;
  if (slot === housingSlot) {
    list(housingList, everything);
    if (flat.viewRelocating[v] === 0) add(-1);
  } else if (slot === mentorSlot) {
    list(mentorList, everything);
    add(-1);
  } else if (slot === trainingSlot) {
    const opening = picks[p * slots + openingSlot]!;
    const bridge = opening >= 0 ? bridgeOf(flat, v, opening) : -1;
    list(trainingList, (c) => bridge < 0 || inBridge(flat, bridge, c));
    if (bridge < 0) add(-1);
  } else {
    const training = picks[p * slots + trainingSlot]!;
    list(freeOpeningList, everything);
    for (let b = flat.bridgeStart[v]!; b < flat.bridgeStart[v + 1]!; b += 1) {
      if (training >= 0 && inBridge(flat, b, training)) add(flat.bridgeOpening[b]!);
      else bridgedSwitch(flat, plan, p, b, training, add);
    }
    add(-1);
  }
}

/** The bridge of view v that carries `opening`, −1 when the opening is free. */
function bridgeOf(flat: FlatProblem, v: number, opening: number): number {
  for (let b = flat.bridgeStart[v]!; b < flat.bridgeStart[v + 1]!; b += 1) if (flat.bridgeOpening[b] === opening) return b;
  return -1;
}

function inBridge(flat: FlatProblem, b: number, training: number): boolean {
  for (let i = flat.bridgeTrainingStart[b]!; i < flat.bridgeTrainingStart[b + 1]!; i += 1) if (flat.bridgeTrainings[i] === training) return true;
  return false;
}

/** A bridged opening with the best training of its bridge that has room, replacing p's training (which no opening of p needs). */
function bridgedSwitch(flat: FlatProblem, plan: FlatPlan, p: number, b: number, training: number, add: (c: number, t: number, extra: number) => void): void {
  let chosen = -1;
  for (let i = flat.bridgeTrainingStart[b]!; i < flat.bridgeTrainingStart[b + 1]!; i += 1) {
    const t = flat.bridgeTrainings[i]!;
    if (flat.load[t] === 1 && plan.remaining[flat.resource[t]!]! >= 1 - 1e-9 && (chosen < 0 || flat.gain[t]! > flat.gain[chosen]!)) chosen = t;
  }
  if (chosen >= 0 && (training < 0 || flat.load[training] === 1)) add(flat.bridgeOpening[b]!, chosen, flat.gain[chosen]! - (training >= 0 ? flat.gain[training]! : 0));
}

/** Bellman–Ford rounds: chains longer than this are found in a later pass. */
const labelRounds = 25;

/** Node index of a resource position or of "none" (the last node). */
const nodeOf = (resource: number, nodes: number) => (resource === none ? nodes - 1 : resource);

/**
 * Bellman–Ford for the most valuable chain from each node to a seat with room: best[x] =
 * max(0 if x has room, max over moves x → y of gain + best[y]). Returns the best first move
 * of each node, and a node on a gaining cycle when the labels keep rising.
 */
function longestChains(flat: FlatProblem, plan: FlatPlan, moves: readonly Move[], nodes: number): { best: Float64Array; next: Int32Array; cycleAt: number } {
  const best = new Float64Array(nodes).fill(-Infinity);
  const next = new Int32Array(nodes).fill(-1);
  for (let r = 0; r < nodes - 1; r += 1) if (plan.remaining[r]! >= 1 - 1e-9) best[r] = 0;
  best[nodes - 1] = 0;
  let cycleAt = -1;
  for (let round = 0; round < labelRounds; round += 1) {
    let changed = -1;
    moves.forEach((move, m) => {
      const [x, y] = [nodeOf(move.from, nodes), nodeOf(move.to, nodes)];
      if (best[y]! > -Infinity && move.gain + best[y]! > best[x]! + 1e-9) [best[x], next[x], changed] = [move.gain + best[y]!, m, x];
    });
    if (changed < 0) return { best, next, cycleAt: -1 };
    cycleAt = changed;
  }
  return { best, next, cycleAt };
}

/** The moves from node `start` along `next`, stopping at the first repeated node (a cycle) or at a seat with room. */
function chainFrom(start: number, next: Int32Array, moves: readonly Move[], nodes: number): Move[] {
  const chain: Move[] = [];
  const seen = new Map<number, number>();
  for (let x = start; x >= 0 && next[x]! >= 0; x = nodeOf(moves[next[x]!]!.to, nodes)) {
    if (seen.has(x)) return chain.slice(seen.get(x));
    seen.set(x, chain.length);
    chain.push(moves[next[x]!]!);
  }
  return chain;
}

function apply(flat: FlatProblem, plan: FlatPlan, chain: readonly Move[], slot: number): void {
  for (const move of chain) {
    const k = move.participant * slots + slot;
    const held = plan.bundles.picks[k]!;
    if (held >= 0) plan.remaining[flat.resource[held]!]! += 1;
    if (move.candidate >= 0) plan.remaining[flat.resource[move.candidate]!]! -= 1;
    plan.bundles.picks[k] = move.candidate;
    if (move.training >= 0) {
      const t = move.participant * slots + trainingSlot;
      if (plan.bundles.picks[t]! >= 0) plan.remaining[flat.resource[plan.bundles.picks[t]!]!]! += 1;
      plan.remaining[flat.resource[move.training]!]! -= 1;
      plan.bundles.picks[t] = move.training;
    }
    const p = move.participant;
    plan.bundles.placed[p] = [mentorSlot, trainingSlot, openingSlot].some((s) => plan.bundles.picks[p * slots + s]! >= 0) ? 1 : 0;
  }
}

/** The training switches of a chain together fit the trainings' room. */
function trainingsFit(flat: FlatProblem, plan: FlatPlan, chain: readonly Move[]): boolean {
  const taken = new Map<number, number>();
  for (const move of chain) if (move.training >= 0) taken.set(flat.resource[move.training]!, (taken.get(flat.resource[move.training]!) ?? 0) + 1);
  for (const [r, count] of taken) if (plan.remaining[r]! < count - 1e-9) return false;
  return true;
}

/** Applies gaining chains and cycles of each kind in turn until none gains or time runs out; returns the total gain. */
export function chainPass(flat: FlatProblem, plan: FlatPlan, deadline: number): number {
  let gained = 0;
  const nodes = flat.capacity.length + 1;
  for (const slot of [openingSlot, trainingSlot, mentorSlot, housingSlot]) {
    for (let round = 0; round < roundsPerKind && Date.now() < deadline; round += 1) {
      const moves: Move[] = [];
      for (let p = 0; p < flat.participantIds.length; p += 1) movesOf(flat, plan, p, slot, moves);
      const labels = longestChains(flat, plan, moves, nodes);
      const gain = applyDisjointChains(flat, plan, moves, labels, slot);
      if (gain <= 1e-9) break;
      gained += gain;
    }
  }
  return gained;
}

/**
 * From one set of labels, every gaining chain whose resources no chain applied before touches
 * (chains on disjoint resources do not interfere), best first. Labels still rising (a gaining
 * cycle) lead to a repeated node: the cycle itself is then the chain.
 */
function applyDisjointChains(flat: FlatProblem, plan: FlatPlan, moves: readonly Move[], labels: ReturnType<typeof longestChains>, slot: number): number {
  const { best, next } = labels;
  const nodes = best.length;
  const starts = [...best.keys()].filter((x) => next[x]! >= 0 && best[x]! > 1e-9).sort((a, b) => best[b]! - best[a]!);
  const used = new Uint8Array(nodes);
  let gained = 0;
  for (const start of starts) {
    const chain = chainFrom(start, next, moves, nodes);
    const gain = chain.reduce((sum, move) => sum + move.gain, 0);
    const touched = chain.flatMap((m) => [nodeOf(m.from, nodes), ...(m.to === none ? [] : [m.to])]);
    if (gain <= 1e-9 || touched.some((x) => used[x] === 1) || !trainingsFit(flat, plan, chain)) continue;
    if (new Set(chain.map((m) => m.participant)).size !== chain.length) continue;
    for (const x of touched) used[x] = 1;
    apply(flat, plan, [...chain].reverse(), slot);
    gained += gain;
  }
  return gained;
}
