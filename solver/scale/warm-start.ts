import type { Problem } from '../problem.js';
import type { SolveResult } from '../result.js';
import { prepareProblem } from '../exact/prepared-problem.js';
import { ruleCheckedPlan } from './plan-rules.js';
import { relaxationTargetGap } from './large-model.js';
import { lagrangianRelaxation } from './lagrangian/relax.js';
import type { WarmStart } from './lagrangian/relax.js';

export type { WarmStart } from './lagrangian/relax.js';
export type { StartPlan } from './lagrangian/start-plan.js';

/** Share of the time limit kept for checking the plan against the exact model. */
const checkShare = 0.2;

export interface WarmSolve {
  result: SolveResult;
  /** The multipliers behind the result's bound: the warm start of the next similar problem. */
  warm: WarmStart;
}

/**
 * Solves a problem close to one solved before (a capacity scenario of a round) by Lagrangian
 * relaxation started from that problem's multipliers and plan: the plan is made to fit, then
 * improved; the bound is the relaxation's, from multipliers that start near their optimum. The
 * problem is taken as given (a round's problem is already cut to policy.candidatesPerKind), so
 * the gap is to a bound of this very problem; `optimal` only when plan and bound meet. The plan
 * is checked against every rule of the model (plan-rules.ts, held to the exact model's rows by
 * the tests) without building the 0-1 programme, which would cost more than the solve. Without
 * a checked plan the status is `time_limit`, never a broken plan.
 */
export function solveFromStart(problem: Problem, warm?: WarmStart): WarmSolve {
  const started = Date.now();
  const deadline = started + problem.policy.timeLimitMs;
  const prepared = prepareProblem(problem);
  const outcome = lagrangianRelaxation(prepared, deadline - checkShare * (deadline - Date.now()), relaxationTargetGap, warm);
  const stats = { variables: prepared.candidates.length, constraints: 0, milliseconds: 0, backend: 'lagrangian' as const, nodes: outcome.iterations };
  const checked = outcome.plan && ruleCheckedPlan(prepared, outcome.plan, outcome.bound, stats);
  const result: SolveResult = checked ?? { status: 'time_limit', objective: null, gap: null, assignments: [], regions: {}, conflicts: [], stats };
  return {
    result: { ...result, stats: { ...result.stats, milliseconds: Date.now() - started } },
    warm: { prices: outcome.prices, shares: outcome.shares, ...(checked ? { start: { assignments: checked.assignments, regions: checked.regions } } : {}) },
  };
}

/** Warm starts go through the Lagrangian relaxation, which leaves forced picks (policy.requireOne, require overrides) to the exact model. */
export function warmStartApplies(problem: Problem): boolean {
  return problem.policy.requireOne.length === 0 && !problem.overrides.some((o) => o.action === 'require');
}
