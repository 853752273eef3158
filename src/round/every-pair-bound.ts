import { prepareProblem } from '../../solver/exact/prepared-problem.js';
import { lagrangianRelaxation } from '../../solver/scale/lagrangian/relax.js';
import type { StartPrices } from '../../solver/scale/prices.js';
import type { Pool } from '../domain/pool.js';
import { canWeighEveryPair, everyPairProblem, type RoundProblem } from './unpruned-retry.js';

/** Share of the round's time limit the bound may take, and at most this long. */
const boundShare = 0.05;
const boundMaxMs = 1_000;

/** How long the bound over every eligible pair may take: the round's limit keeps this for it (round-clock.ts). */
export function everyPairBoundMs(pool: Pool): number {
  return Math.min(boundMaxMs, boundShare * pool.policy.timeLimitMs);
}

/**
 * A proven upper bound on the optimum over every eligible pair, for a round that kept only some
 * (`candidatesPerKind`) and has few enough to weigh (unprunedRetryMaxPairs): the Lagrangian
 * relaxation over all of them, from the prices the candidates were chosen at. Its forced picks
 * are left out, which only raises the bound. Undefined otherwise. "Optimal among the candidates"
 * says nothing of what the candidates cost; this does: the IPR-sized round of 1,500, at 8,270.03
 * over its candidates, is shown at most 0.96 % below the optimum (bound 8,349.3 after 1 s; the
 * optimum lies between 8,345.36 and 8,348.04; the best 5 by score were 5.4 % below, unsaid).
 * 0.15 s to build and prepare the 139,405 pairs, then 5 % of the time limit, at most 1 s.
 */
export function everyPairBound(round: RoundProblem, considered: number, prices?: StartPrices): number | undefined {
  if (!canWeighEveryPair(round, considered)) return undefined;
  const every = prepareProblem(everyPairProblem(round).problem);
  const ms = everyPairBoundMs(round.pool);
  // It stops early once its own plan meets the bound within 0.01 %: small pools take milliseconds.
  const bound = lagrangianRelaxation(every, Date.now() + ms, 1e-4, prices, 1).bound;
  return Number.isFinite(bound) ? bound : undefined;
}
