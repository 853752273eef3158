import type { MipModel, MipSolution } from '../mip.js';
import type { Problem } from '../problem.js';
import type { SolveResult, SolveStats } from '../result.js';
import { chooseBackend } from '../backends/index.js';
import { buildModel } from './build-model.js';
import type { ModelBuilder } from './model-builder.js';
import { prepareProblem } from './prepared-problem.js';
import { preCheckConflicts } from './pre-checks.js';
import { irreducibleConflicts } from './diagnose.js';
import { brokenConstraints, decodeAssignments, decodeRegions, objectiveOf, roundToBinary } from './decode.js';

/** The infeasibility diagnosis gets at most this long after the solve itself. */
const diagnosisBudgetMs = 10_000;

/**
 * Solves a validated problem exactly: cheap infeasibility proofs first, then the
 * 0-1 programme on the chosen backend. A plan is returned only when it is an
 * integer vector that satisfies every constraint of the model.
 */
export async function solveExact(problem: Problem): Promise<SolveResult> {
  const started = Date.now();
  const prepared = prepareProblem(problem);
  const { model, builder } = buildModel(prepared);
  const counts = { variables: model.variables.length, constraints: model.constraints.length };
  const stats = (backend: SolveStats['backend'], nodes?: number): SolveStats => ({
    ...counts,
    milliseconds: Date.now() - started,
    backend,
    ...(nodes === undefined ? {} : { nodes }),
  });

  const proven = preCheckConflicts(prepared);
  if (proven.length > 0) return noPlan('infeasible', proven, stats('none'));
  if (model.variables.length === 0) return solveEmptyModel(model, builder, stats('none'));

  const backend = chooseBackend(model, problem.policy.backend);
  const solution = await backend.solve(model, { timeLimitMs: problem.policy.timeLimitMs });
  if (solution.status === 'infeasible') {
    const budget = Math.min(problem.policy.timeLimitMs, diagnosisBudgetMs);
    const conflicts = await irreducibleConflicts(model, backend, Date.now() + budget);
    return noPlan('infeasible', conflicts, stats(backend.name, solution.nodes));
  }
  return planFrom(model, builder, solution, stats(backend.name, solution.nodes));
}

function planFrom(model: MipModel, builder: ModelBuilder, solution: MipSolution, stats: SolveStats): SolveResult {
  const values = solution.values && roundToBinary(solution.values);
  const isPlan = (solution.status === 'optimal' || solution.status === 'feasible') && values !== undefined
    && values.length === model.variables.length && brokenConstraints(model, values).length === 0;
  if (!isPlan || !values) return noPlan('time_limit', [], stats);
  const objective = objectiveOf(model, values);
  return {
    status: solution.status === 'optimal' ? 'optimal' : 'feasible',
    objective,
    gap: solution.status === 'optimal' ? 0 : relativeGap(objective, solution.bound),
    assignments: decodeAssignments(builder, values),
    regions: decodeRegions(builder, values),
    conflicts: [],
    stats,
  };
}

/** |bound − objective| / max(1, |objective|), as SolveResult documents it. */
function relativeGap(objective: number, bound: number | undefined): number | null {
  if (bound === undefined || !Number.isFinite(bound)) return null;
  return Math.abs(bound - objective) / Math.max(1, Math.abs(objective));
}

/** Nothing to choose: the only plan is the empty one, if its rows allow it. */
function solveEmptyModel(model: MipModel, builder: ModelBuilder, stats: SolveStats): SolveResult {
  const broken = brokenConstraints(model, []);
  if (broken.length > 0) return noPlan('infeasible', broken, stats);
  return {
    status: 'optimal',
    objective: model.objectiveConstant,
    gap: 0,
    assignments: [],
    regions: decodeRegions(builder, []),
    conflicts: [],
    stats,
  };
}

function noPlan(status: 'infeasible' | 'time_limit', conflicts: string[], stats: SolveStats): SolveResult {
  return { status, objective: null, gap: null, assignments: [], regions: {}, conflicts, stats };
}
