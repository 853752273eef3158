import type { Problem } from '../problem.js';
import type { SolveResult, SolveStats } from '../result.js';
import { buildModel } from '../exact/build-model.js';
import { brokenConstraints, decodeAssignments, decodeRegions, objectiveOf } from '../exact/decode.js';
import { isPlacing, pairKey, prepareProblem } from '../exact/prepared-problem.js';
import { planValues } from './plan-values.js';
import type { PreparedProblem } from '../exact/prepared-problem.js';
import { greedyPlan } from './greedy.js';
import type { GreedyPlan } from './greedy.js';
import { reachableEdges } from './reachable.js';
import { repairPriorityShares } from './share-repair.js';

/**
 * When the time limit ends the search before any plan, a greedy plan of `pruned` (the problem
 * the solver worked on) is checked against its model, row by row; if it holds, it is returned
 * as `feasible` with its gap to a bound of the unpruned `problem`. Otherwise nothing changes.
 */
export function fallbackPlan(problem: Problem, pruned: Problem, timedOut: SolveResult): SolveResult {
  const prepared = prepareProblem(pruned);
  const plan = repairPriorityShares(pruned, greedyPlan(prepared));
  return checkedPlan(prepared, plan, upperBound(problem), timedOut.stats) ?? timedOut;
}

/**
 * A plan built outside the solver, as a result: only when its 0/1 vector breaks no row of the
 * exact model of `prepared`; its objective is recomputed from the model and its gap taken
 * against `bound` (status `optimal` when they meet).
 */
export function checkedPlan(prepared: PreparedProblem, plan: GreedyPlan, bound: number, stats: SolveStats): SolveResult | undefined {
  const { model, builder } = buildModel(prepared);
  const values = planValues(builder, plan, model.variables.length);
  if (brokenConstraints(model, values).length > 0) return undefined;
  const objective = objectiveOf(model, values);
  const gap = Math.max(0, bound - objective) / Math.max(1, Math.abs(objective));
  return {
    status: gap <= 1e-9 ? 'optimal' : 'feasible',
    objective,
    gap: gap <= 1e-9 ? 0 : gap,
    assignments: decodeAssignments(builder, values),
    regions: decodeRegions(builder, values),
    conflicts: [],
    stats: { ...stats, variables: model.variables.length, constraints: model.constraints.length },
  };
}

/**
 * An upper bound on the optimum, dropping every row that links participants or kinds:
 * Σ_p Σ_kind max(0, best score of the kind, stability bonus included) + waiting bonus of
 * anyone with a placing candidate − stabilityPenalty·|previous|.
 */
export function upperBound(problem: Problem): number {
  const { policy } = problem;
  const kinds = new Map(problem.resources.map((r) => [r.id, r.kind]));
  const previous = new Set(policy.previous.map((pair) => pairKey(pair.participant, pair.resource)));
  const best = new Map<string, number>();
  const placeable = new Set<string>();
  for (const edge of reachableEdges(problem)) {
    const kind = kinds.get(edge.resource)!;
    const key = `${edge.participant}\u0000${kind}`;
    const worth = edge.score + (previous.has(pairKey(edge.participant, edge.resource)) ? policy.stabilityPenalty : 0);
    best.set(key, Math.max(best.get(key) ?? 0, worth));
    if (isPlacing(kind)) placeable.add(edge.participant);
  }
  const waiting = problem.participants.reduce((sum, p) => sum + (placeable.has(p.id) ? policy.waitingBonusPerDay * p.waitingDays : 0), 0);
  const scores = [...best.values()].reduce((sum, value) => sum + value, 0);
  return scores + waiting - policy.stabilityPenalty * policy.previous.length;
}
