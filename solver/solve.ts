import type { ProblemInput } from './problem.js';
import type { SolveResult } from './result.js';
import { parseProblem } from './validate.js';
import { solveExact } from './exact/solve-exact.js';

/**
 * The solver's single entry point: validate, then solve exactly.
 * (The scale pipeline — candidate pruning, independent components, pure
 * assignment special case — plugs in here, in front of `solveExact`.)
 */
export async function solve(input: ProblemInput): Promise<SolveResult> {
  const problem = parseProblem(input);
  return solveExact(problem);
}
