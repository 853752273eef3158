import type { Problem } from '../../solver/problem.js';
import type { SolveResult } from '../../solver/result.js';
import { solve } from '../../solver/index.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import { buildProblem, type BuildOptions } from './build-problem.js';
import { eligiblePairCount } from './default-candidates.js';
import type { ParticipantScores } from './score-eligible.js';

/**
 * Up to this many eligible pairs, a round that found no plan among the candidates it kept is
 * solved again with all of them; past it, the report says the round is infeasible among its
 * candidates, not that the pool is. The exact model is the one that holds forced picks, and the
 * IPR-sized pool of 1,500 (139,405 pairs) is about what it can take within a round's limit:
 * measured (2026-12-07), the generated 1,500 with a mentor required for everyone, "infeasible"
 * over its best 5 by score, got a plan of 3,987.11 over every pair in the 9 s left of its 20 s.
 */
export const unprunedRetryMaxPairs = 200_000;

export interface RoundProblem {
  pool: Pool;
  eligibility: PoolEligibility;
  scores: readonly ParticipantScores[];
  options: BuildOptions;
}

/**
 * The round's problem solved; when it kept only some eligible pairs (`candidatesPerKind`) and
 * no plan holds among them, solved again with every eligible pair. "Infeasible" is then said of
 * the pool, as the solver says it of a problem it pruned itself (solver/scale/pipeline.ts).
 * Measured (2026-12-07): a generated round of 1,500 whose policy required a mentor for everyone
 * was "infeasible" over its best 5 by score, one participant's mentors all lying in a region where
 * it had no housing; over candidates at the prices it has a plan of 11,921.32. The retry gets what
 * is left of the problem's time limit, and at least a second.
 */
export async function solveUnprunedIfInfeasible(
  round: RoundProblem, problem: Problem, solveOptions: Parameters<typeof solve>[1] = {},
): Promise<SolvedRound> {
  const deadline = Date.now() + problem.policy.timeLimitMs;
  const result = await solve(problem, solveOptions);
  if (result.status !== 'infeasible' || !canWeighEveryPair(round, problem.edges.length)) return { pool: round.pool, problem, result, unpruned: false };
  const every = everyPairProblem(round);
  const unpruned = { ...every.problem, policy: { ...every.problem.policy, timeLimitMs: Math.max(1_000, deadline - Date.now()) } };
  return { pool: every.pool, problem: unpruned, result: await solve(unpruned), unpruned: true };
}

/** Whether a pool of `pairs` eligible pairs keeps only some (`candidatesPerKind`) and has few enough to weigh them all. */
export function weighsEveryPair(pool: Pool, pairs: number): boolean {
  return pool.policy.candidatesPerKind !== undefined && pairs <= unprunedRetryMaxPairs;
}

/** Whether the round kept only some of its eligible pairs, and has few enough to weigh them all. */
export function canWeighEveryPair(round: RoundProblem, considered: number): boolean {
  const pairs = eligiblePairCount(round.eligibility);
  return weighsEveryPair(round.pool, pairs) && considered < pairs;
}

/** The round's problem with every eligible pair, and its pool without `candidatesPerKind`. */
export function everyPairProblem(round: RoundProblem): { pool: Pool; problem: Problem } {
  const { candidatesPerKind: _, ...policy } = round.pool.policy;
  const pool = { ...round.pool, policy };
  return { pool, problem: buildProblem(pool, round.eligibility, round.scores, round.options) };
}

/** What was solved: the pool as the problem was built from it (without `candidatesPerKind` once every pair was taken), the problem and its result. */
export interface SolvedRound {
  pool: Pool;
  problem: Problem;
  result: SolveResult;
  /** Whether the round was solved again with every eligible pair. */
  unpruned: boolean;
}
