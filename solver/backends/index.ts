import type { BackendName } from '../problem.js';
import type { MipBackend, MipModel } from '../mip.js';
import { highsBackend } from './highs.js';
import { jsLpSolverBackend } from './js-lp-solver.js';

export const backends: { jsLPSolver: MipBackend; highs: MipBackend } = {
  jsLPSolver: jsLpSolverBackend,
  highs: highsBackend,
};

/**
 * Above this many variables 'auto' chooses HiGHS. Provisional; see the
 * measurement note in the test suite's timing script once recorded.
 */
export const autoHighsAboveVariables = 150;

/** 'auto' keeps the reference backend for small models and takes HiGHS for the rest. */
export function chooseBackend(model: MipModel, requested: BackendName): MipBackend {
  if (requested === 'jsLPSolver') return backends.jsLPSolver;
  if (requested === 'highs') return backends.highs;
  return model.variables.length > autoHighsAboveVariables ? backends.highs : backends.jsLPSolver;
}
