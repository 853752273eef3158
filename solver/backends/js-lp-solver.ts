import type { MipBackend, MipModel, MipOptions, MipSolution } from '../mip.js';
import { branchAndBound } from './branch-and-bound.js';
import { modelColumns } from './columns.js';
import { lpSolverRelaxation } from './lp-relaxation.js';

/**
 * The reference backend: javascript-lp-solver solves each node's relaxation and
 * our own branch and bound does the integer search, because the library's
 * built-in search can end its time limit on a fractional relaxation.
 */
export const jsLpSolverBackend: MipBackend = {
  name: 'jsLPSolver',
  async solve(model: MipModel, options: MipOptions): Promise<MipSolution> {
    const deadline = Date.now() + options.timeLimitMs;
    const columns = modelColumns(model);
    const outcome = branchAndBound(model, columns, lpSolverRelaxation(model, columns, deadline), deadline);
    const constant = model.objectiveConstant;
    return {
      status: outcome.status,
      ...(outcome.values && { values: outcome.values }),
      ...(outcome.objective !== undefined && { objective: outcome.objective + constant }),
      ...(outcome.bound !== undefined && { bound: outcome.bound + constant }),
      nodes: outcome.nodes,
    };
  },
};
