import type { Problem } from '../problem.js';
import type { SolveResult } from '../result.js';
import { solveExact } from '../exact/solve-exact.js';
import { isPureAssignment, solvePureAssignment } from './assignment.js';
import { splitComponents } from './components.js';
import { fallbackPlan } from './fallback-plan.js';
import { relaxationFirstAboveEdges, relaxationFirstMs, relaxationFirstShare, solveByRelaxation, suitsRelaxation } from './large-model.js';
import { mergeResults } from './merge.js';
import { hasPriorityShare, priorityShareHolds } from './priority-share.js';
import { pruneCandidates } from './prune.js';

/** Solves one self-contained problem exactly; `solveExact` unless a test swaps it. */
export type ModelSolver = (problem: Problem) => Promise<SolveResult>;

/**
 * The scale pipeline in front of the exact model: prune candidates, split into independent
 * components, solve pure one-to-one components as assignment problems and the rest as
 * 0-1 programmes, merge. All within one time limit; when it runs out before any plan is
 * found, a greedy plan checked against the model is returned with its gap to a bound.
 */
export async function solveAtScale(problem: Problem, solveModel: ModelSolver = solveExact): Promise<SolveResult> {
  const started = Date.now();
  const deadline = started + problem.policy.timeLimitMs;
  const pruned = pruneCandidates(problem);
  let result = await solveSplit(pruned.problem, deadline, solveModel);
  if (result.status === 'infeasible' && pruned.pruned > 0) {
    // Pruning only removes plans: "infeasible" is only said of the unpruned problem.
    const { candidatesPerKind: _, ...policy } = problem.policy;
    result = await solveSplit(pruneCandidates({ ...problem, policy }).problem, deadline, solveModel);
  }
  if (result.status === 'time_limit') result = fallbackPlan(problem, pruned.problem, result);
  const stats = { ...result.stats, milliseconds: Date.now() - started };
  if (problem.policy.candidatesPerKind !== undefined) stats.prunedEdges = pruned.pruned;
  return { ...result, stats };
}

async function solveSplit(problem: Problem, deadline: number, solveModel: ModelSolver): Promise<SolveResult> {
  const started = Date.now();
  const parts = splitComponents(problem);
  if (parts.length === 1) return solveComponent(problem, deadline, solveModel);
  const results: SolveResult[] = [];
  for (const part of parts) results.push(await solveComponent(part, deadline, solveModel));
  const merged = mergeResults(results, Date.now() - started);
  // The parts were solved without the priority share, a relaxation: its plan is optimal
  // for the whole problem when it satisfies the share; otherwise solve the whole model.
  if (merged.objective === null || !hasPriorityShare(problem) || priorityShareHolds(problem, merged.assignments)) return merged;
  return solveComponent(problem, deadline, solveModel);
}

async function solveComponent(problem: Problem, deadline: number, solveModel: ModelSolver): Promise<SolveResult> {
  if (isPureAssignment(problem)) {
    const result = solvePureAssignment(problem);
    if (result) return result;
  }
  if (suitsRelaxation(problem)) return solveByRelaxation(problem, deadline);
  if (!suitsRelaxation(problem, relaxationFirstAboveEdges)) return solveModel(withDeadline(problem, deadline));
  // A medium model may outlast its time limit: a relaxed plan and bound first, kept if the exact search finds nothing better.
  const relaxed = solveByRelaxation(problem, Date.now() + Math.min(relaxationFirstMs, relaxationFirstShare * (deadline - Date.now())));
  if (relaxed.status === 'optimal') return relaxed;
  const exact = await solveModel(withDeadline(problem, deadline));
  const improves = exact.objective !== null && (relaxed.objective === null || exact.objective >= relaxed.objective - 1e-9);
  return exact.status === 'infeasible' || exact.status === 'optimal' || improves ? exact : relaxed;
}

function withDeadline(problem: Problem, deadline: number): Problem {
  return { ...problem, policy: { ...problem.policy, timeLimitMs: Math.max(1, deadline - Date.now()) } };
}
