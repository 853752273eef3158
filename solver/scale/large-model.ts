import type { Problem } from '../problem.js';
import type { SolveResult } from '../result.js';
import { prepareProblem } from '../exact/prepared-problem.js';
import { ruleCheckedPlan } from './plan-rules.js';
import { lagrangianRelaxation } from './lagrangian/relax.js';

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

/** Lagrangian relaxation handles the policy terms but not forced picks (policy.requireOne, require overrides). */
export function suitsRelaxation(problem: Problem, aboveEdges = relaxationAboveEdges): boolean {
  return problem.edges.length > aboveEdges
    && problem.policy.requireOne.length === 0
    && !problem.overrides.some((o) => o.action === 'require');
}

/**
 * A plan and a proven bound for a large component: the plan is checked against every rule of
 * the model read directly on the plan (plan-rules.ts; a test holds it to the exact model's rows):
 * building the 0-1 programme of the national round only to check one plan costs 2–3 s and
 * 150 MiB. Its gap is taken against the Lagrangian bound. Without a checked plan the answer is
 * `time_limit`, and the pipeline's greedy fallback (checked against the exact model) takes over.
 */
export function solveByRelaxation(problem: Problem, deadline: number): SolveResult {
  const started = Date.now();
  const prepared = prepareProblem(problem);
  const outcome = lagrangianRelaxation(prepared, deadline - checkShare * (deadline - started), relaxationTargetGap);
  const stats = { variables: prepared.candidates.length, constraints: 0, milliseconds: 0, backend: 'lagrangian' as const, nodes: outcome.iterations };
  const checked = outcome.plan && ruleCheckedPlan(prepared, outcome.plan, outcome.bound, stats);
  const result: SolveResult = checked ?? { status: 'time_limit', objective: null, gap: null, assignments: [], regions: {}, conflicts: [], stats };
  return { ...result, stats: { ...result.stats, milliseconds: Date.now() - started } };
}
