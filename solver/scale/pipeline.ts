import type { Problem } from '../problem.js';
import type { SolveResult } from '../result.js';
import { solveExact } from '../exact/solve-exact.js';
import { isPureAssignment, solvePureAssignment } from './assignment.js';
import { splitComponents } from './components.js';
import { fallbackPlan } from './fallback-plan.js';
import { relaxationFallbackAboveEdges, relaxationReserveMs, relaxationReserveShare, solveByRelaxation, suitsRelaxation } from './large-model.js';
import { boundOf, mergeResults } from './merge.js';
import { hasPriorityShare, priorityShareHolds } from './priority-share.js';
import { pruneCandidates } from './prune.js';
import type { StartPrices } from './prices.js';

/** Solves one self-contained problem exactly; `solveExact` unless a test swaps it. */
export type ModelSolver = (problem: Problem) => Promise<SolveResult>;

/**
 * The scale pipeline in front of the exact model: prune candidates, split into independent
 * components, solve pure one-to-one components as assignment problems and the rest as
 * 0-1 programmes, merge. All within one time limit; when it runs out before any plan is
 * found, a greedy plan checked against the model is returned with its gap to a bound.
 */
export async function solveAtScale(
  problem: Problem, solveModel: ModelSolver = solveExact, prices?: StartPrices, started = Date.now(),
): Promise<SolveResult> {
  const deadline = started + problem.policy.timeLimitMs;
  const pruned = pruneCandidates(problem);
  let result = await solveSplit(pruned.problem, deadline, solveModel, prices);
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

async function solveSplit(problem: Problem, deadline: number, solveModel: ModelSolver, prices?: StartPrices): Promise<SolveResult> {
  const started = Date.now();
  const parts = splitComponents(problem);
  if (parts.length === 1) return solveComponent(problem, deadline, solveModel, prices);
  const results: SolveResult[] = [];
  for (const part of parts) results.push(await solveComponent(part, deadline, solveModel, prices));
  const merged = mergeResults(results, Date.now() - started);
  // The parts were solved without the priority share, a relaxation: its plan is optimal
  // for the whole problem when it satisfies the share; otherwise solve the whole model.
  if (merged.objective === null || !hasPriorityShare(problem) || priorityShareHolds(problem, merged.assignments)) return merged;
  return solveComponent(problem, deadline, solveModel, prices);
}

async function solveComponent(problem: Problem, deadline: number, solveModel: ModelSolver, prices?: StartPrices): Promise<SolveResult> {
  if (isPureAssignment(problem)) {
    const result = solvePureAssignment(problem);
    if (result) return result;
  }
  if (suitsRelaxation(problem)) return solveByRelaxation(problem, deadline, undefined, prices);
  if (!suitsRelaxation(problem, relaxationFallbackAboveEdges)) return solveModel(withDeadline(problem, deadline));
  // A medium model may outlast its time limit. The exact search goes first, keeping back a share
  // of the time: most such models are proven optimal well inside it, and then no time goes to a
  // relaxation they do not need. When the search stops first, the relaxation gets the time kept.
  const reserve = Math.min(relaxationReserveMs, relaxationReserveShare * (deadline - Date.now()));
  const exact = await solveModel(withDeadline(problem, deadline - reserve));
  if (exact.status === 'infeasible' || exact.status === 'optimal') return exact;
  const relaxed = await solveByRelaxation(problem, Math.max(Date.now() + 1, deadline), undefined, prices);
  return better(exact, relaxed);
}

/** The better plan of two answers to one problem, with the gap to the tighter of their bounds. */
function better(a: SolveResult, b: SolveResult): SolveResult {
  if (a.objective === null) return b;
  if (b.objective === null) return a;
  const best = b.objective > a.objective + 1e-9 ? b : a;
  const bounds = [boundOf(a), boundOf(b)].filter((bound): bound is number => bound !== null);
  if (bounds.length === 0) return best;
  const gap = Math.max(0, Math.min(...bounds) - best.objective!) / Math.max(1, Math.abs(best.objective!));
  return { ...best, status: gap <= 1e-9 ? 'optimal' : best.status, gap: gap <= 1e-9 ? 0 : gap };
}

function withDeadline(problem: Problem, deadline: number): Problem {
  return { ...problem, policy: { ...problem.policy, timeLimitMs: Math.max(1, deadline - Date.now()) } };
}
