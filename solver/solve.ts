import type { ProblemInput } from './problem.js';
import type { SolveResult } from './result.js';
import { parseProblem } from './validate.js';
import { solveAtScale } from './scale/pipeline.js';

/**
 * The solver's single entry point: validate, then solve through the scale pipeline
 * (candidate pruning, independent components, pure assignment special case, time-limit
 * fallback) in front of the exact model.
 */
export async function solve(input: ProblemInput): Promise<SolveResult> {
  const problem = parseProblem(input);
  return solveAtScale(problem);
}
