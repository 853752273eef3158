import { housingSlot, mentorSlot, openingSlot, slots, trainingSlot } from './bundle.js';
import type { FlatProblem } from './flat.js';
import { freeOpeningList, housingList, listsPerView, mentorList, trainingList } from './flat.js';
import type { FlatPlan } from './primal.js';
import { placedIn } from './primal.js';

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

/**
 * The moves of one kind as columns, `from` and `to` as graph nodes: the national round has about
 * 100,000 per kind and pass, each relaxed up to 25 times. As objects, written by closures made
 * per participant, a chain pass over the national round's plan took 1.9–2.2 s; as columns,
 * written by a MoveWriter, 0.4–0.5 s for the same moves and chains (2026-12-03).
 */
class Moves {
  participant = new Int32Array(1024);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  candidate = new Int32Array(1024);
  training = new Int32Array(1024);
  gain = new Float64Array(1024);
  length = 0;

  constructor(readonly nodes: number) {}

  push(participant: number, from: number, to: number, candidate: number, gain: number, training: number): void {
    if (this.length === this.gain.length) this.grow();
    const m = this.length++;
    this.participant[m] = participant;
    this.from[m] = nodeOf(from, this.nodes);
    this.to[m] = nodeOf(to, this.nodes);
    this.candidate[m] = candidate;
    this.gain[m] = gain;
    this.training[m] = training;
  }

  at(m: number): Move {
    const resource = (node: number) => (node === this.nodes - 1 ? none : node);
    return {
      participant: this.participant[m]!, from: resource(this.from[m]!), to: resource(this.to[m]!),
      candidate: this.candidate[m]!, gain: this.gain[m]!, training: this.training[m]!,
    };
  }

  private grow(): void {
    const twice = <T extends Int32Array | Float64Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(2 * a.length); b.set(a); return b; };
    [this.participant, this.from, this.to] = [twice(this.participant), twice(this.from), twice(this.to)];
    [this.candidate, this.training, this.gain] = [twice(this.candidate), twice(this.training), twice(this.gain)];
  }
}

const none = -1;

/** Label passes per kind in one chain pass: the next pass comes back after the other kinds moved. */
const roundsPerKind = 8;

/**
 * Writes one participant's moves of one slot at a time. Methods rather than closures made per
 * participant: tsx names every closure it creates (`__name`), which was a quarter of the pass.
 */
class MoveWriter {
  private p = 0;
  private from = none;
  private held = -1;
  private base = 0;
  private bonus = 0;

  constructor(private readonly flat: FlatProblem, private readonly into: Moves) {}

  /** Sets up participant p holding `held` in its slot; `bonus` is its waiting bonus if this slot alone places it. */
  start(p: number, held: number, bonus: number): void {
    this.p = p;
    this.held = held;
    this.bonus = bonus;
    this.from = held >= 0 ? this.flat.resource[held]! : none;
    this.base = this.value(held);
  }

  private value(c: number): number {
    return c < 0 ? 0 : this.flat.gain[c]! + this.bonus;
  }

  add(c: number, training = -1, extra = 0): void {
    const { flat } = this;
    if (c !== this.held && (c < 0 || flat.load[c] === 1)) this.into.push(this.p, this.from, c < 0 ? none : flat.resource[c]!, c, this.value(c) - this.base + extra, training);
  }

  /** The candidates of list k of view v; of a training list, those of `bridge` only (all when −1). */
  list(v: number, k: number, bridge = -1): void {
    const { flat } = this;
    for (let i = flat.listStart[v * listsPerView + k]!; i < flat.listStart[v * listsPerView + k + 1]!; i += 1) {
      if (bridge < 0 || inBridge(flat, bridge, flat.members[i]!)) this.add(flat.members[i]!);
    }
  }
}

/** p's candidates of the slot's kind in its current view that keep bridges and relocation housing. */
function movesOf(flat: FlatProblem, plan: FlatPlan, p: number, slot: number, writer: MoveWriter): void {
  const v = plan.bundles.view[p]!;
  if (v < 0) return;
  const picks = plan.bundles.picks;
  const held = picks[p * slots + slot]!;
  if (held >= 0 && flat.load[held] !== 1) return;
  writer.start(p, held, slot !== housingSlot && !placedElsewhere(picks, p, slot) ? flat.bonus[p]! : 0);
  if (slot === housingSlot) {
    writer.list(v, housingList);
    if (flat.viewRelocating[v] === 0) writer.add(-1);
  } else if (slot === mentorSlot) {
    writer.list(v, mentorList);
    writer.add(-1);
  } else if (slot === trainingSlot) {
    const opening = picks[p * slots + openingSlot]!;
    const bridge = opening >= 0 ? bridgeOf(flat, v, opening) : -1;
    writer.list(v, trainingList, bridge);
    if (bridge < 0) writer.add(-1);
  } else {
    const training = picks[p * slots + trainingSlot]!;
    writer.list(v, freeOpeningList);
    for (let b = flat.bridgeStart[v]!; b < flat.bridgeStart[v + 1]!; b += 1) {
      if (training >= 0 && inBridge(flat, b, training)) writer.add(flat.bridgeOpening[b]!);
      else bridgedSwitch(flat, plan, b, training, writer);
    }
    writer.add(-1);
  }
}

/** Whether p holds a mentor, training or opening other than in `slot`. */
function placedElsewhere(picks: Int32Array, p: number, slot: number): boolean {
  for (const k of [mentorSlot, trainingSlot, openingSlot]) if (k !== slot && picks[p * slots + k]! >= 0) return true;
  return false;
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
function bridgedSwitch(flat: FlatProblem, plan: FlatPlan, b: number, training: number, writer: MoveWriter): void {
  let chosen = -1;
  for (let i = flat.bridgeTrainingStart[b]!; i < flat.bridgeTrainingStart[b + 1]!; i += 1) {
    const t = flat.bridgeTrainings[i]!;
    if (flat.load[t] === 1 && plan.remaining[flat.resource[t]!]! >= 1 - 1e-9 && (chosen < 0 || flat.gain[t]! > flat.gain[chosen]!)) chosen = t;
  }
  if (chosen >= 0 && (training < 0 || flat.load[training] === 1)) writer.add(flat.bridgeOpening[b]!, chosen, flat.gain[chosen]! - (training >= 0 ? flat.gain[training]! : 0));
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
function longestChains(plan: FlatPlan, moves: Moves): { best: Float64Array; next: Int32Array; cycleAt: number } {
  const { nodes, from, to, gain, length } = moves;
  const best = new Float64Array(nodes).fill(-Infinity);
  const next = new Int32Array(nodes).fill(-1);
  for (let r = 0; r < nodes - 1; r += 1) if (plan.remaining[r]! >= 1 - 1e-9) best[r] = 0;
  best[nodes - 1] = 0;
  let cycleAt = -1;
  for (let round = 0; round < labelRounds; round += 1) {
    let changed = -1;
    for (let m = 0; m < length; m += 1) {
      const x = from[m]!;
      const through = gain[m]! + best[to[m]!]!;
      if (through > best[x]! + 1e-9) {
        best[x] = through;
        next[x] = m;
        changed = x;
      }
    }
    if (changed < 0) return { best, next, cycleAt: -1 };
    cycleAt = changed;
  }
  return { best, next, cycleAt };
}

/** The moves from node `start` along `next`, stopping at the first repeated node (a cycle) or at a seat with room. */
function chainFrom(start: number, next: Int32Array, moves: Moves): Move[] {
  const chain: Move[] = [];
  const seen = new Map<number, number>();
  for (let x = start; x >= 0 && next[x]! >= 0; x = moves.to[next[x]!]!) {
    if (seen.has(x)) return chain.slice(seen.get(x));
    seen.set(x, chain.length);
    chain.push(moves.at(next[x]!));
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
    plan.bundles.placed[p] = placedIn(plan.bundles, p) ? 1 : 0;
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
      const moves = new Moves(nodes);
      const writer = new MoveWriter(flat, moves);
      for (let p = 0; p < flat.participantIds.length; p += 1) movesOf(flat, plan, p, slot, writer);
      const labels = longestChains(plan, moves);
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
function applyDisjointChains(flat: FlatProblem, plan: FlatPlan, moves: Moves, labels: ReturnType<typeof longestChains>, slot: number): number {
  const { best, next } = labels;
  const nodes = best.length;
  const starts = [...best.keys()].filter((x) => next[x]! >= 0 && best[x]! > 1e-9).sort((a, b) => best[b]! - best[a]!);
  const used = new Uint8Array(nodes);
  let gained = 0;
  for (const start of starts) {
    const chain = chainFrom(start, next, moves);
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
