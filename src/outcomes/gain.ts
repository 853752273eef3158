import type { Pool } from '../domain/pool.js';
import { poolResources } from '../eligibility/pool-index.js';
import type { RoundReport } from '../round/report.js';
import { runRound } from '../round/run-round.js';
import { ruleBasedScorer } from '../scoring/rule-based-scorer.js';
import type { PoolResource } from '../scoring/scorer.js';
import { firstComeFirstServed, type Plan } from './first-come-first-served.js';
import type { PlacementFacts } from './feature-set.js';
import type { OutcomeModel } from './model-file.js';
import { outcomeModelScorer } from './model-scorer.js';
import { pairFacts } from './pair-facts.js';
import { predictOutcomes } from './train.js';

/**
 * A participant's path as the history records it: the main placement (an opening, else a
 * training session, else a mentor), with a mentor or not. Housing alone is no placement.
 */
function pathFacts(pool: Pool, plan: Plan): PlacementFacts | null {
  const of = (kind: PoolResource['kind']) => plan.resources.find((r) => r.kind === kind);
  const main = of('opening') ?? of('training') ?? of('mentor');
  if (!main) return null;
  const [facts] = pairFacts(pool, [{ participant: plan.participant, resource: main }]);
  return { ...facts!, withMentor: of('mentor') !== undefined };
}

export interface StrategyOutcome {
  strategy: string;
  placed: number;
  /** Σ over placed participants of the predicted probability of being in work or training after 6 months. */
  expectedInWork: number;
  /** Relative gain over the first strategy (first come, first served); null for that one. */
  gain: number | null;
  status?: string;
}

export function expectedInWork(model: OutcomeModel, pool: Pool, plans: readonly Plan[]): { placed: number; expected: number } {
  const paths = plans.map((plan) => pathFacts(pool, plan)).filter((f): f is PlacementFacts => f !== null);
  const expected = predictOutcomes(model, paths).reduce((s, p) => s + p, 0);
  return { placed: paths.length, expected };
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

/**
 * The same pool placed three ways, each judged by the same model: (a) first come, first
 * served by waiting date, (b) the optimised round with the rule-based score, (c) the
 * optimised round with the outcome model's score (its share of the score: `share`).
 */
export async function compareStrategies(pool: Pool, model: OutcomeModel, share = 1): Promise<StrategyOutcome[]> {
  const fcfs = expectedInWork(model, pool, firstComeFirstServed(pool));
  const rows: StrategyOutcome[] = [{ strategy: 'first come, first served (by waiting date)', ...judgedRow(fcfs), gain: null }];
  const rounds = [
    { strategy: 'optimised, rule-based score', scorer: ruleBasedScorer },
    { strategy: share < 1 ? `optimised, outcome model (share ${share})` : 'optimised, outcome-model score', scorer: outcomeModelScorer(model, share) },
  ];
  for (const { strategy, scorer } of rounds) {
    const { report } = await runRound(pool, { scorer });
    const judged = expectedInWork(model, pool, plansOfReport(pool, report));
    rows.push({ strategy, ...judgedRow(judged), gain: fcfs.expected > 0 ? judged.expected / fcfs.expected - 1 : null, status: report.status });
  }
  return rows;
}

function judgedRow(judged: { placed: number; expected: number }) {
  return { placed: judged.placed, expectedInWork: judged.expected };
}
