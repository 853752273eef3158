import { pairKey } from '../../exact/prepared-problem.js';
import type { Candidate, PreparedProblem } from '../../exact/prepared-problem.js';
import type { GreedyPlan } from '../greedy.js';
import { emptyBundles, slots } from './bundle.js';
import { dualValue, step } from './dual.js';
import type { State } from './dual.js';
import type { Bundles } from './bundle.js';
import { flatten } from './flat.js';
import type { FlatProblem } from './flat.js';
import { clonePlan, improve, planValue, pricedPlan, repairShares } from './primal.js';
import type { FlatPlan } from './primal.js';
import { startPlan } from './start-plan.js';
import type { StartPlan } from './start-plan.js';
import { exchangePass } from './exchange.js';
import { chainPass } from './chains.js';

export interface LagrangianOutcome {
  /** Best upper bound on the optimum found: min over the multipliers tried of L(λ, μ). */
  bound: number;
  /** Best plan found from the prices, with its objective. */
  plan?: GreedyPlan;
  objective: number;
  iterations: number;
  /** The multipliers of the best bound, by resource id and by priority share: a warm start for a similar problem. */
  prices: Map<string, number>;
  shares: number[];
}

/** Where to start: multipliers of a similar problem (e.g. the base round of a scenario) and, optionally, its plan. */
export interface WarmStart {
  prices: ReadonlyMap<string, number>;
  shares: readonly number[];
  start?: StartPlan;
}

/** Steps between two plans built from the prices, at first and at most. */
const primalEveryFirst = 10;
const primalEveryMost = 80;
/** Share of the time given to the dual search by default; the plan's polish has the rest. */
const defaultDualShare = 0.5;
/**
 * Steps without a better bound before the step length is halved. Measured on the national round,
 * 5 s: 30 steps left the bound at 37,848–37,944, 15 steps (with deflection) at 37,792–37,794,
 * where 10 s had reached 37,794 before.
 */
const halveAfterSteps = 15;
/** Improvement passes after each priced plan. */
const improveRounds = 1;

/**
 * Lagrangian relaxation of the capacity rows and priority shares:
 * L(λ, μ) = Σ_p max_bundle [gain − Σ λ_r·load + (bonus_p + Σ_s μ_s(member − share_s))·placed]
 *           + Σ_r λ_r·capacity_r − stabilityPenalty·|previous| ≥ optimum, for all λ, μ ≥ 0.
 * Minimised by deflected subgradient steps (Polyak step length towards the best plan, halved
 * after `halveAfterSteps` steps without a better bound) for `dualShare` of the time (half by
 * default), at least one step; every few steps the prices build a plan, the primal side. The best plan is then polished (chains, exchanges,
 * re-takes) until they gain nothing or `deadline`. Stops early once plan and bound are `relativeGap` apart.
 */
export function lagrangianRelaxation(
  prepared: PreparedProblem,
  deadline: number,
  relativeGap: number,
  warm?: WarmStart,
  dualShare = defaultDualShare,
): LagrangianOutcome {
  const { problem } = prepared;
  const state = initialState(prepared);
  const { flat } = state;
  const constant = -problem.policy.stabilityPenalty * problem.policy.previous.length;
  const outcome: LagrangianOutcome = { bound: Infinity, objective: -Infinity, iterations: 0, prices: new Map(), shares: [] };
  if (warm) warmUp(state, warm, outcome, constant);
  let bestPrices = state.prices.slice();
  let bestShares = state.shares.slice();
  const dualDeadline = Date.now() + dualShare * (deadline - Date.now());
  // Warm multipliers are near their optimum already: short steps. A warm start's plan is the primal side.
  let [theta, sinceImproved, nextPrimal, primalEvery] = [warm && warm.prices.size > 0 ? 0.1 : 1, 0, warm?.start ? Infinity : 1, primalEveryFirst];
  // At least one step, whatever the time: without it there is no bound, and no honest gap.
  while (outcome.iterations === 0 || Date.now() < dualDeadline) {
    outcome.iterations += 1;
    const value = dualValue(state) + constant;
    if (value < outcome.bound - 1e-9 * Math.max(1, Math.abs(value))) {
      [outcome.bound, sinceImproved, bestPrices, bestShares] = [value, 0, state.prices.slice(), state.shares.slice()];
    }
    else if ((sinceImproved += 1) >= halveAfterSteps) [theta, sinceImproved] = [theta / 2, 0];
    if (outcome.iterations >= nextPrimal) {
      primalStep(state, outcome, constant);
      primalEvery = Math.min(primalEveryMost, primalEvery + 2);
      nextPrimal = outcome.iterations + primalEvery;
    }
    if (closeEnough(outcome, relativeGap) || theta < 1e-5) break;
    const target = theta * (Number.isFinite(outcome.objective) ? value - outcome.objective : 0.05 * Math.abs(value));
    step(state, Math.max(target, 1e-3 * relativeGap * Math.max(1, Math.abs(value))));
  }
  if (!closeEnough(outcome, relativeGap) && Date.now() < deadline && !(state.best && warm?.start)) primalStep(state, outcome, constant);
  if (state.best && !closeEnough(outcome, relativeGap)) polish(state, outcome, constant, deadline);
  if (state.best) outcome.plan = toGreedyPlan(flat, state.best.bundles);
  problem.resources.forEach((resource, r) => { if (bestPrices[r]! > 0) outcome.prices.set(resource.id, bestPrices[r]!); });
  outcome.shares = [...bestShares];
  return outcome;
}

/** Multipliers from the warm start, and its plan, made to fit this problem, as the first plan. */
function warmUp(state: State, warm: WarmStart, outcome: LagrangianOutcome, constant: number): void {
  const { flat } = state;
  state.flat.capacity.forEach((_, r) => { state.prices[r] = warm.prices.get(state.resourceIds[r]!) ?? 0; });
  warm.shares.forEach((mu, s) => { if (s < state.shares.length) state.shares[s] = mu; });
  if (!warm.start) return;
  const plan = startPlan(flat, warm.start);
  if (!repairShares(flat, plan)) return;
  [outcome.objective, state.best] = [planValue(flat, plan.bundles) + constant, plan];
}

/** The problem flattened, multipliers at 0, and every buffer of the search. Gains carry the stability bonus of published pairs. */
function initialState(prepared: PreparedProblem): State {
  const { problem } = prepared;
  const previous = new Set(problem.policy.previous.map((pair) => pairKey(pair.participant, pair.resource)));
  // Without published pairs no key is built: one string per candidate, at every pricing round.
  const gain = previous.size === 0
    ? (c: Candidate) => c.score
    : (c: Candidate) => c.score + (previous.has(pairKey(c.participant, c.resource.id)) ? problem.policy.stabilityPenalty : 0);
  const flat = flatten(prepared, gain);
  const participants = flat.participantIds.length;
  return {
    flat, prices: new Float64Array(flat.capacity.length), shares: new Float64Array(flat.minShares.length),
    worth: new Float64Array(flat.candidates.length), weights: new Float64Array(participants), bundles: emptyBundles(participants),
    resourceIds: problem.resources.map((r) => r.id),
    usage: new Float64Array(flat.capacity.length), shareUsage: new Float64Array(flat.minShares.length),
    direction: new Float64Array(flat.capacity.length + flat.minShares.length),
  };
}

/** Chains of moves within each kind, exchanges between two participants and re-takes on the best plan, until they gain nothing or time runs out. */
function polish(state: State, outcome: LagrangianOutcome, constant: number, deadline: number): void {
  const { flat } = state;
  const plan = clonePlan(state.best!);
  const order = Int32Array.from(flat.participantIds.keys()).sort((a, b) => state.bundles.value[b]! - state.bundles.value[a]!);
  // Each pass only ever raises the plan's value; a round of them that gains nothing ends the polish.
  while (Date.now() < deadline) {
    const gained = chainPass(flat, plan, deadline) + exchangePass(flat, plan, order, state.worth, deadline) + improve(flat, plan, order, state.worth);
    if (gained <= 1e-9) break;
  }
  if (!repairShares(flat, plan)) return;
  const objective = planValue(flat, plan.bundles) + constant;
  if (objective > outcome.objective) [outcome.objective, state.best] = [objective, plan];
}

function closeEnough(outcome: LagrangianOutcome, relativeGap: number): boolean {
  return outcome.bound - outcome.objective <= relativeGap * Math.max(1, Math.abs(outcome.objective));
}

/**
 * The price-guided plan, participants with the most valuable priced bundles first, and the
 * best plan so far improved once more in that order; each with its priority shares restored,
 * kept when it beats the best so far.
 */
function primalStep(state: State, outcome: LagrangianOutcome, constant: number): void {
  const { flat, bundles } = state;
  const order = Int32Array.from(flat.participantIds.keys()).sort((a, b) => bundles.value[b]! - bundles.value[a]!);
  const plans = [pricedPlan(flat, order, state.prices, state.weights, state.worth, improveRounds)];
  if (state.best) {
    const again = clonePlan(state.best);
    improve(flat, again, order, state.worth);
    plans.push(again);
  }
  for (const plan of plans) {
    if (!repairShares(flat, plan)) continue;
    const objective = planValue(flat, plan.bundles) + constant;
    if (objective > outcome.objective) [outcome.objective, state.best] = [objective, plan];
  }
}

function toGreedyPlan(flat: FlatProblem, bundles: Bundles): GreedyPlan {
  const plan: GreedyPlan = { chosen: [], regions: new Map() };
  flat.participantIds.forEach((id, p) => {
    for (let k = p * slots; k < (p + 1) * slots; k += 1) if (bundles.picks[k]! >= 0) plan.chosen.push(flat.candidates[bundles.picks[k]!]!);
    const view = bundles.view[p]!;
    const region = view >= 0 ? flat.viewRegion[view] : undefined;
    if (region !== undefined) plan.regions.set(id, region);
  });
  return plan;
}
