import type { Problem } from '../../problem.js';
import { isPlacing, pairKey } from '../../exact/prepared-problem.js';
import type { Candidate, PreparedProblem } from '../../exact/prepared-problem.js';
import type { GreedyPlan } from '../greedy.js';
import { priorityShareHolds } from '../priority-share.js';
import { repairPriorityShares } from '../share-repair.js';
import { bestBundle, participantCandidates } from './bundle.js';
import type { Bundle, ParticipantCandidates } from './bundle.js';
import { pricedPlan } from './primal.js';

export interface LagrangianOutcome {
  /** Best upper bound on the optimum found: min over the multipliers tried of L(λ, μ). */
  bound: number;
  /** Best plan found from the prices, with its objective. */
  plan?: GreedyPlan;
  objective: number;
  iterations: number;
}

interface State {
  problem: Problem;
  participants: ParticipantCandidates[];
  /** λ_r ≥ 0, price of one unit of capacity of the resource at position r. */
  prices: Float64Array;
  /** μ_s ≥ 0, weight of priority share s. */
  shares: number[];
  /** Σ_p 1 for members of share s' group; fixed data for placedWeight. */
  membership: boolean[][];
}

/** Steps between two plans built from the prices. */
const primalEvery = 10;

/**
 * Lagrangian relaxation of the capacity rows and priority shares:
 * L(λ, μ) = Σ_p max_bundle [gain − Σ λ_r·load + (bonus_p + Σ_s μ_s(member − share_s))·placed]
 *           + Σ_r λ_r·capacity_r − stabilityPenalty·|previous| ≥ optimum, for all λ, μ ≥ 0.
 * Minimised by subgradient steps (Polyak step length, halved after 10 steps without a better
 * bound); every few steps the prices build a plan, the primal side. Stops at `relativeGap`
 * between the two, or at `deadline`.
 */
export function lagrangianRelaxation(prepared: PreparedProblem, deadline: number, relativeGap: number): LagrangianOutcome {
  const { problem } = prepared;
  const previous = new Set(problem.policy.previous.map((pair) => pairKey(pair.participant, pair.resource)));
  const gain = (c: Candidate) => c.score + (previous.has(pairKey(c.participant, c.resource.id)) ? problem.policy.stabilityPenalty : 0);
  const participants = participantCandidates(prepared, gain);
  const state: State = {
    problem, participants, prices: new Float64Array(problem.resources.length), shares: problem.policy.priorityShare.map(() => 0),
    membership: participants.map((p) => problem.policy.priorityShare.map((share) => p.groups.includes(share.group))),
  };
  const constant = -problem.policy.stabilityPenalty * problem.policy.previous.length;
  const outcome: LagrangianOutcome = { bound: Infinity, objective: -Infinity, iterations: 0 };
  let [theta, sinceImproved] = [2, 0];
  while (Date.now() < deadline) {
    outcome.iterations += 1;
    const bundles = participants.map((p, i) => bestBundle(p, (c) => c.gain - state.prices[c.index]! * c.load, placedWeight(state, i, p)));
    const value = dualValue(state, bundles) + constant;
    if (value < outcome.bound - 1e-9) [outcome.bound, sinceImproved] = [value, 0];
    else if ((sinceImproved += 1) >= 10) [theta, sinceImproved] = [theta / 2, 0];
    if (outcome.iterations % primalEvery === 1) primalStep(state, bundles, outcome, constant);
    if (outcome.bound - outcome.objective <= relativeGap * Math.max(1, Math.abs(outcome.objective)) || theta < 1e-4) break;
    const target = Number.isFinite(outcome.objective) ? value - outcome.objective : 0.05 * Math.abs(value);
    step(state, bundles, theta * target);
  }
  return outcome;
}

function placedWeight(state: State, i: number, p: ParticipantCandidates): number {
  let weight = state.problem.policy.waitingBonusPerDay * p.waitingDays;
  state.problem.policy.priorityShare.forEach((share, s) => {
    weight += state.shares[s]! * ((state.membership[i]![s] ? 1 : 0) - share.minShare);
  });
  return weight;
}

function dualValue(state: State, bundles: readonly Bundle[]): number {
  let value = 0;
  for (const bundle of bundles) value += bundle.value;
  state.problem.resources.forEach((resource, r) => { value += state.prices[r]! * resource.capacity; });
  return value;
}

/** λ ← max(0, λ − t·(capacity − usage)), μ ← max(0, μ − t·Σ_placed (member − share)), t = gapTarget / ‖subgradient‖². */
function step(state: State, bundles: readonly Bundle[], gapTarget: number): void {
  const { problem, prices, shares } = state;
  const slack = Float64Array.from(problem.resources, (r) => r.capacity);
  for (const bundle of bundles) for (const c of bundle.picks) slack[c.index]! -= c.load;
  const shareSlack = problem.policy.priorityShare.map((share, s) => bundles.reduce(
    (sum, bundle, i) => sum + (bundle.placed ? (state.membership[i]![s] ? 1 : 0) - share.minShare : 0), 0));
  let norm = 0;
  slack.forEach((g, r) => { if (g < 0 || prices[r]! > 0) norm += g * g; });
  shareSlack.forEach((g, s) => { if (g < 0 || shares[s]! > 0) norm += g * g; });
  if (norm === 0) return;
  const t = Math.max(gapTarget, 1e-6) / norm;
  slack.forEach((g, r) => { prices[r] = Math.max(0, prices[r]! - t * g); });
  shareSlack.forEach((g, s) => { shares[s] = Math.max(0, shares[s]! - t * g); });
}

/** The price-guided plan, participants with the most valuable bundles first; kept when it beats the best so far. */
function primalStep(state: State, bundles: readonly Bundle[], outcome: LagrangianOutcome, constant: number): void {
  const order = state.participants.map((_, i) => i).sort((a, b) => bundles[b]!.value - bundles[a]!.value);
  const plan = repairPriorityShares(state.problem, pricedPlan(state.problem, state.participants, order, state.prices));
  const assignments = plan.chosen.map((c) => ({ participant: c.participant, resource: c.resource.id, kind: c.resource.kind, score: c.score }));
  if (!priorityShareHolds(state.problem, assignments)) return;
  const objective = planObjective(state, plan) + constant;
  if (objective > outcome.objective) [outcome.objective, outcome.plan] = [objective, plan];
}

function planObjective(state: State, plan: GreedyPlan): number {
  const waiting = new Map(state.participants.map((p) => [p.id, p.waitingDays]));
  const placed = new Set(plan.chosen.filter((c) => isPlacing(c.resource.kind)).map((c) => c.participant));
  let value = 0;
  for (const participant of placed) value += state.problem.policy.waitingBonusPerDay * (waiting.get(participant) ?? 0);
  for (const c of plan.chosen) value += (c as Candidate & { gain: number }).gain;
  return value;
}
