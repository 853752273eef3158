import type { ProblemInput } from './problem.js';
import type { SolveResult } from './result.js';
import { parseProblem } from './validate.js';
import { solveAtScale } from './scale/pipeline.js';
import type { StartPrices } from './scale/prices.js';

/**
 * The solver's single entry point: validate, then solve through the scale pipeline
 * (candidate pruning, independent components, pure assignment special case, time-limit
 * fallback) in front of the exact model.
 */
export async function solve(input: ProblemInput, options: SolveOptions = {}): Promise<SolveResult> {
  // The time limit counts from here: validating the 200,000 edges of a national round takes
  // 0.2-0.4 s, which the solve otherwise took on top of its limit.
  const started = Date.now();
  const problem = parseProblem(input);
  return solveAtScale(problem, undefined, options.prices, started);
}

export interface SolveOptions {
  /**
   * Multipliers of a similar problem (resourcePrices), where a Lagrangian relaxation of this one
   * starts: a round priced on fewer candidates of the same pool. They change no answer's
   * guarantees, only how soon the bound and the plan get near.
   */
  prices?: StartPrices;
}
