import type { Problem } from '../../solver/problem.js';
import type { StartPrices } from '../../solver/scale/prices.js';
import type { Pool } from '../domain/pool.js';
import { evaluatePool, type PoolEligibility } from '../eligibility/evaluate.js';
import { scorerForPolicy } from '../outcomes/model-scorer.js';
import type { PairScorer } from '../scoring/scorer.js';
import { pricedProblem } from './candidate-pricing.js';
import { eligiblePairCount, withDefaultCandidates } from './default-candidates.js';
import { reportReserveMs, solveBudgetMs } from './round-clock.js';
import { scoreEligible, type ParticipantScores } from './score-eligible.js';
import type { BuildOptions } from './build-problem.js';
import type { RoundOptions } from './types.js';

export interface PreparedRound {
  /** The pool as the round ran it: with the default candidatesPerKind when a large round's policy sets none (default-candidates.ts). */
  pool: Pool;
  eligibility: PoolEligibility;
  problem: Problem;
  scorer: PairScorer;
  /** The resources' prices when the candidates were chosen at them: the solve starts there. */
  prices?: StartPrices;
  /** Rounds in which the candidates were chosen at the prices (0: by score alone). */
  pricingRounds: number;
  /** Scores of every eligible pair, and what the problem was built with: a round that kept some pairs can build again with all. */
  scores: ParticipantScores[];
  buildOptions: BuildOptions;
}

/**
 * Eligibility, scoring and the solver's problem: everything a round does before solving. The
 * problem's time limit is what the round's clock leaves (round-clock.ts).
 * The pool's own overrides come first, then those of the caller (e.g. the service's).
 * Without a scorer from the caller, the policy's own choice holds: a round whose policy
 * names an outcome model is scored with it (by name, from the models directory: model-registry.ts),
 * never silently with the rules alone.
 */
export function prepareRound(input: Pool, options: RoundOptions = {}): PreparedRound {
  const clock = { startedAt: options.startedAt ?? Date.now(), limitMs: input.policy.timeLimitMs };
  const scorer = options.scorer ?? scorerForPolicy(input.policy);
  const eligibility = evaluatePool(input);
  const pool = withDefaultCandidates(input, eligibility);
  const scores = scoreEligible(pool, eligibility, scorer);
  const overrides = [...(pool.overrides ?? []), ...(options.overrides ?? [])];
  const buildOptions: BuildOptions = { overrides, ...(options.previous ? { previous: options.previous } : {}) };
  const budgetMs = solveBudgetMs(clock, reportReserveMs(pool, eligiblePairCount(eligibility)));
  const { problem, pricing, rounds } = pricedProblem(pool, eligibility, scores, buildOptions, { budgetMs });
  return { pool, eligibility, problem, scorer, pricingRounds: rounds, scores, buildOptions, ...(pricing ? { prices: pricing.prices } : {}) };
}
