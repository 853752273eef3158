import type { SolveResult } from '../../solver/result.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import type { CandidatePair, PairScorer } from '../scoring/scorer.js';
import { explainRound, pairKey } from './explain.js';
import type { ScoreBreakdown } from './report.js';
import { prepareRound } from './prepare-round.js';
import { everyPairBound } from './every-pair-bound.js';
import { solveUnprunedIfInfeasible } from './unpruned-retry.js';
import type { RoundOptions, RoundOutcome } from './types.js';

/** Breakdowns of the pairs in the plan only: scoring is deterministic, so asking again gives the same numbers. */
function assignedBreakdowns(pool: Pool, eligibility: PoolEligibility, result: SolveResult, scorer: PairScorer): Map<string, ScoreBreakdown> {
  const { index } = eligibility;
  const byId = new Map(pool.participants.map((p) => [p.id, p]));
  const pairs: CandidatePair[] = result.assignments.map((a) => ({
    participant: byId.get(a.participant)!,
    resource: index.resources[index.position.get(a.resource)!]!,
  }));
  const scored = scorer(pool, pairs);
  return new Map(result.assignments.map((a, i) => [pairKey(a.participant, a.resource), scored[i]!.breakdown]));
}

/**
 * One placement round: eligibility → scoring → problem → solve → report.
 * The CLI, the HTTP service and the scenario engine all go through here.
 */
export async function runRound(input: Pool, options: RoundOptions = {}): Promise<RoundOutcome> {
  const prepared = prepareRound(input, options);
  const { eligibility, scorer, prices, pricingRounds } = prepared;
  const round = { pool: prepared.pool, eligibility, scores: prepared.scores, options: prepared.buildOptions };
  const { pool, problem, result, unpruned } = await solveUnprunedIfInfeasible(round, prepared.problem, prices ? { prices } : {});
  const breakdowns = assignedBreakdowns(pool, eligibility, result, scorer);
  const bound = unpruned || result.objective === null ? undefined : everyPairBound(round, problem.edges.length, prices);
  const report = explainRound({
    pool, eligibility, problem, result, breakdowns, ...(unpruned ? {} : { pricingRounds }), ...(bound !== undefined ? { everyPairBound: bound } : {}),
  });
  return { problem, result, report };
}
