import { solve } from '../../solver/index.js';
import type { Problem } from '../../solver/problem.js';
import type { SolveResult } from '../../solver/result.js';
import type { Pool } from '../domain/pool.js';
import { evaluatePool, type PoolEligibility } from '../eligibility/evaluate.js';
import { ruleBasedScorer } from '../scoring/rule-based-scorer.js';
import type { CandidatePair, PairScorer } from '../scoring/scorer.js';
import { buildProblem } from './build-problem.js';
import { explainRound, pairKey } from './explain.js';
import type { ScoreBreakdown } from './report.js';
import { scoreEligible } from './score-eligible.js';
import type { RoundOptions, RoundOutcome } from './types.js';

export interface PreparedRound {
  eligibility: PoolEligibility;
  problem: Problem;
  scorer: PairScorer;
}

/** Eligibility, scoring and the solver's problem: everything before the solve. */
export function prepareRound(pool: Pool, options: RoundOptions = {}): PreparedRound {
  const scorer = options.scorer ?? ruleBasedScorer;
  const eligibility = evaluatePool(pool);
  const scores = scoreEligible(pool, eligibility, scorer);
  const problem = buildProblem(pool, eligibility, scores, options);
  return { eligibility, problem, scorer };
}

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
export async function runRound(pool: Pool, options: RoundOptions = {}): Promise<RoundOutcome> {
  const { eligibility, problem, scorer } = prepareRound(pool, options);
  const result = await solve(problem);
  const breakdowns = assignedBreakdowns(pool, eligibility, result, scorer);
  const report = explainRound({ pool, eligibility, problem, result, breakdowns });
  return { problem, result, report };
}
