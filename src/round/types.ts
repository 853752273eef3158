import type { Problem, ProblemOverride } from '../../solver/problem.js';
import type { SolveResult } from '../../solver/result.js';
import type { PairScorer } from '../scoring/scorer.js';
import type { RoundReport } from './report.js';

export interface RoundOptions {
  overrides?: ProblemOverride[];
  /** Published assignments that the stability penalty protects. */
  previous?: { participant: string; resource: string }[];
  /** Default: the policy's outcome model if it names one, else the rule-based scorer of its weights. */
  scorer?: PairScorer;
  /**
   * `Date.now()` when the round's time began, if before the call: the CLI starts it before
   * reading the pool file. The policy's `timeLimitMs` counts from here to the report.
   */
  startedAt?: number;
}

export interface RoundOutcome {
  problem: Problem;
  result: SolveResult;
  report: RoundReport;
}
