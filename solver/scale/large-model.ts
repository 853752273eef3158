import type { Problem } from '../problem.js';
import type { StartPrices } from './prices.js';
import type { SolveResult } from '../result.js';
import { prepareProblem } from '../exact/prepared-problem.js';
import type { PreparedProblem } from '../exact/prepared-problem.js';
import { brokenRules, planObjective, ruleCheckedPlan } from './plan-rules.js';
import { lagrangianRelaxation } from './lagrangian/relax.js';
import type { LagrangianOutcome } from './lagrangian/relax.js';
import { neighbourhoodFromMs, neighbourhoodMinimumMs, searchNeighbourhood } from './neighbourhood.js';

/**
 * Above this many candidate edges in one component the 0-1 programme is out of reach of the
 * time limits a coordinator waits for (measured: HiGHS in WebAssembly needs tens of seconds for
 * the root relaxation of 30,000 edges), and the component is answered by Lagrangian relaxation.
 */
export const relaxationAboveEdges = 100_000;

/**
 * From this many edges on, the exact search keeps back part of the time limit: when it stops
 * without proving optimality, a relaxation uses what was kept for a plan and a bound of its own.
 */
export const relaxationFallbackAboveEdges = 10_000;
/** Time kept back: at most this share of the time limit, and at most this long. */
export const relaxationReserveShare = 0.25;
export const relaxationReserveMs = 3_000;

/** Stop refining once plan and bound are this close: the 0.1 % of DESIGN.md §5, with margin. */
export const relaxationTargetGap = 5e-4;

/** Share of the remaining time kept for checking the plan and writing the result. */
const checkShare = 0.05;
/**
 * Share of the time for the relaxation when a neighbourhood search follows: the relaxation's
 * bound is close to the optimum early, its plan is not (national round, 10 s: bound 0.07 % above
 * the optimum, plan 0.5 % below); the exact search around the plan closes most of the rest.
 */
const relaxationTimeShare = 0.45;
/** Then the relaxation spends most of its time on the bound: the neighbourhood search polishes the plan better. */
const dualShareBeforeNeighbourhood = 0.75;

/** Lagrangian relaxation handles the policy terms but not forced picks (policy.requireOne, require overrides). */
export function suitsRelaxation(problem: Problem, aboveEdges = relaxationAboveEdges): boolean {
  return problem.edges.length > aboveEdges
    && problem.policy.requireOne.length === 0
    && !problem.overrides.some((o) => o.action === 'require');
}

/**
 * A plan and a proven bound for a large component. With a time limit of `searchFromMs` (by
 * default `neighbourhoodFromMs` of its participants) or more: the relaxation for part of the time, mostly on its
 * bound; an exact search around its plan (neighbourhood.ts); the relaxation again for the time
 * left, from its multipliers and the best plan. With less, the relaxation alone, its time shared
 * between bound and plan. The plan is checked against every rule of the model read directly on
 * the plan (plan-rules.ts; a test holds it to the exact model's rows): building the 0-1 programme
 * of the national round only to check one plan costs 2–3 s and 150 MiB. Its gap is taken against
 * the Lagrangian bound. Without a checked plan the answer is `time_limit`, and the pipeline's
 * greedy fallback (checked against the exact model) takes over.
 */
export async function solveByRelaxation(
  problem: Problem, deadline: number, searchFromMs = neighbourhoodFromMs(problem.participants.length), prices?: StartPrices,
): Promise<SolveResult> {
  const started = Date.now();
  const prepared = prepareProblem(problem);
  const end = deadline - checkShare * (deadline - started);
  if (end - started < searchFromMs) return answer(prepared, lagrangianRelaxation(prepared, end, relaxationTargetGap, prices), started);
  const relaxed = lagrangianRelaxation(prepared, started + relaxationTimeShare * (end - started), relaxationTargetGap, prices, dualShareBeforeNeighbourhood);
  if (!relaxed.plan || relaxed.bound - relaxed.objective <= relaxationTargetGap * Math.max(1, Math.abs(relaxed.objective))) return answer(prepared, relaxed, started);
  const searched = await searchAround(prepared, relaxed, end);
  if (end - Date.now() < neighbourhoodMinimumMs) return answer(prepared, searched, started);
  // The time left goes back to the relaxation, from its multipliers and the best plan: it polishes
  // the plan further (never below its start) and may tighten the bound.
  const start = { assignments: searched.plan!.chosen.map((c) => ({ participant: c.participant, resource: c.resource.id })), regions: Object.fromEntries(searched.plan!.regions) };
  const resumed = lagrangianRelaxation(prepared, end, relaxationTargetGap, { prices: searched.prices, shares: searched.shares, start });
  const best = resumed.plan && resumed.objective > searched.objective ? resumed : searched;
  return answer(prepared, { ...best, bound: Math.min(searched.bound, resumed.bound), iterations: searched.iterations + resumed.iterations }, started);
}

/** The relaxation's outcome with its plan replaced by the neighbourhood's, when that one is better and breaks no rule. */
async function searchAround(prepared: PreparedProblem, relaxed: LagrangianOutcome, end: number): Promise<LagrangianOutcome> {
  const found = await searchNeighbourhood(prepared, relaxed.plan!, relaxed.prices, end);
  if (!found || brokenRules(prepared, found).length > 0) return relaxed;
  const objective = planObjective(prepared, found);
  return objective > relaxed.objective + 1e-9 ? { ...relaxed, plan: found, objective } : relaxed;
}

/** The outcome's plan checked against every rule, with its gap to the outcome's bound; `time_limit` without one. */
function answer(prepared: PreparedProblem, outcome: LagrangianOutcome, started: number): SolveResult {
  const stats = { variables: prepared.candidates.length, constraints: 0, milliseconds: 0, backend: 'lagrangian' as const, nodes: outcome.iterations };
  const checked = outcome.plan && ruleCheckedPlan(prepared, outcome.plan, outcome.bound, stats);
  const result: SolveResult = checked ?? { status: 'time_limit', objective: null, gap: null, assignments: [], regions: {}, conflicts: [], stats };
  return { ...result, stats: { ...result.stats, milliseconds: Date.now() - started } };
}
