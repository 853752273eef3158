import type { Pool } from '../domain/pool.js';
import { poolResources } from '../eligibility/pool-index.js';
import type { RoundReport } from '../round/report.js';
import { runRound } from '../round/run-round.js';
import { ruleBasedScorer } from '../scoring/rule-based-scorer.js';
import type { PairScorer } from '../scoring/scorer.js';
import type { PlacementFacts } from './feature-set.js';
import { firstComeFirstServed, type Plan } from './first-come-first-served.js';
import type { OutcomeJudge } from './judge.js';
import type { OutcomeModel } from './model-file.js';
import { outcomeModelScorer } from './model-scorer.js';
import { pairFacts } from './pair-facts.js';
import { mainKindOrder } from './path-facts.js';

/** A participant's path as the history records it: the main placement, with a mentor or not. Housing alone is no placement. */
export function pathFacts(pool: Pool, plan: Plan): PlacementFacts | null {
  const main = mainKindOrder.map((kind) => plan.resources.find((r) => r.kind === kind)).find((r) => r !== undefined);
  if (!main) return null;
  const [facts] = pairFacts(pool, [{ participant: plan.participant, resource: main }]);
  return { ...facts!, withMentor: plan.resources.some((r) => r.kind === 'mentor') };
}

export interface StrategyOutcome {
  strategy: string;
  /** Participants with a main placement (opening, training session or mentor). */
  placed: number;
  /** Σ over placed participants of the judge's probability of being in work or training after 6 months. */
  expectedInWork: number;
  /** Relative gain over the first strategy (first come, first served); null for that one. */
  gain: number | null;
  /** Solver status of an optimised round. */
  status?: string;
}

export function expectedInWork(judge: OutcomeJudge, pool: Pool, plans: readonly Plan[]): { placed: number; expectedInWork: number } {
  const paths = plans.map((plan) => pathFacts(pool, plan)).filter((f): f is PlacementFacts => f !== null);
  return { placed: paths.length, expectedInWork: judge.probabilities(paths).reduce((s, p) => s + p, 0) };
}

/** The plans of a round's report, resource ids turned back into the pool's resources. */
export function plansOfReport(pool: Pool, report: RoundReport): Plan[] {
  const resources = new Map(poolResources(pool).map((r) => [r.item.id, r]));
  const participants = new Map(pool.participants.map((p) => [p.id, p]));
  return report.participants.map((row) => ({
    participant: participants.get(row.participant)!,
    resources: row.assignments.map((a) => resources.get(a.resource)!),
  }));
}

export interface Comparison {
  judge: string;
  strategies: StrategyOutcome[];
}

/**
 * The same pool placed three ways, every plan judged by the same `judge`: (a) first come,
 * first served by waiting date, (b) the optimised round with the rule-based score, (c) the
 * optimised round with the outcome model's score (its share of the score: `share`).
 */
export async function compareStrategies(pool: Pool, model: OutcomeModel, judge: OutcomeJudge, share = 1): Promise<Comparison> {
  const fcfs = expectedInWork(judge, pool, firstComeFirstServed(pool));
  const strategies: StrategyOutcome[] = [{ strategy: 'first come, first served (by waiting date)', ...fcfs, gain: null }];
  const rounds: { strategy: string; scorer: PairScorer }[] = [
    { strategy: 'optimised, rule-based score', scorer: ruleBasedScorer },
    { strategy: share < 1 ? `optimised, outcome model mixed (share ${share})` : 'optimised, outcome-model score', scorer: outcomeModelScorer(model, share) },
  ];
  for (const { strategy, scorer } of rounds) {
    const { report } = await runRound(pool, { scorer });
    const judged = expectedInWork(judge, pool, plansOfReport(pool, report));
    const gain = fcfs.expectedInWork > 0 ? judged.expectedInWork / fcfs.expectedInWork - 1 : null;
    strategies.push({ strategy, ...judged, gain, status: report.status });
  }
  return { judge: judge.description, strategies };
}
