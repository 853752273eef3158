import type { Pool } from '../domain/pool.js';
import { everyPairBoundMs } from './every-pair-bound.js';
import { weighsEveryPair } from './unpruned-retry.js';

/**
 * A round's `timeLimitMs` is the time its coordinator waits: from the moment its pool is read
 * (`startedAt`, by default when the round starts) to its report. Eligibility and scoring come out
 * of it as they happen; the report's time is set aside before the solve, from the pool's size.
 * Until 2026-12-07 the limit covered only the choice of candidates and the solve, and the
 * national round of 10 s ended after 12.2 s (parsing 0.2 s, eligibility 1.1 s, scoring 0.7 s,
 * its report 0.3–0.5 s came on top). The same wall time buys the same plan either way.
 */
export interface RoundClock {
  /** `Date.now()` when the round's time started. */
  startedAt: number;
  limitMs: number;
}

/**
 * The report's explanations and the plan's breakdowns, per eligible pair of the pool: they read
 * every eligible pair of the unplaced. National round (6.2 million pairs): 0.33–0.63 s measured
 * (2026-12-03 to 12-07), more when a collection falls in it; kept at its longest, 110 ns a pair
 * (0.69 s): with 80 ns the national round of 10 s ended at 9.72–9.76 s alone but at 10.01 and
 * 10.06 s in two of four bench runs.
 */
export const reportMsPerEligiblePair = 110e-6;
export const reportMinMs = 10;
/** Building and preparing every eligible pair for the bound over them: 0.15 s for the 139,405 of the IPR-sized pool. */
const boundSetupMsPerPair = 1.1e-3;
/**
 * The solve gets at least this share of the limit, even when eligibility and scoring took
 * more than the rest: a round over a slow machine's limit ends late with a plan worth its
 * time, not on time with a greedy one.
 */
export const solveMinShare = 0.25;

/** The time set aside after the solve: the report, and the bound over every eligible pair when the round will weigh it. */
export function reportReserveMs(pool: Pool, eligiblePairs: number): number {
  const report = reportMinMs + reportMsPerEligiblePair * eligiblePairs;
  return weighsEveryPair(pool, eligiblePairs) ? report + everyPairBoundMs(pool) + boundSetupMsPerPair * eligiblePairs : report;
}

/**
 * Kept back from the solve besides the report: the relaxation stops a few tens of milliseconds
 * after its deadline, not before. The national round with 10 s ended at 9.78–10.03 s timed
 * alone without it.
 */
export const overrunShare = 0.02;

/** What is left of the limit for choosing candidates and solving, once `reserveMs` and the overrun margin are set aside. */
export function solveBudgetMs(clock: RoundClock, reserveMs: number, now = Date.now()): number {
  const left = clock.startedAt + clock.limitMs * (1 - overrunShare) - reserveMs - now;
  return Math.floor(Math.max(left, solveMinShare * clock.limitMs, 1));
}
