import type { Pool } from '../domain/pool.js';
import { poolResources } from '../eligibility/pool-index.js';
import type { RoundReport } from '../round/report.js';
import { runRound } from '../round/run-round.js';
import { ruleBasedScorer } from '../scoring/rule-based-scorer.js';
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

export interface PlanOutcome {
  /** Participants with a main placement (opening, training session or mentor). */
  placed: number;
  /** Σ over placed participants of the judge's probability of being in work or training after 6 months. */
  inWorkAmongPlaced: number;
  /** That, plus `unplacedRate` for each participant without a placement: the headline figure. */
  expectedInWork: number;
}

/**
 * The expected number in work of a set of plans. A participant without a main placement counts
 * `unplacedRate` (default 0: nobody finds work or training without the programme, which
 * flatters a strategy that places more people; a rate > 0 credits them alike in every strategy).
 */
export function expectedInWork(judge: OutcomeJudge, pool: Pool, plans: readonly Plan[], unplacedRate = 0): PlanOutcome {
  const paths = plans.map((plan) => pathFacts(pool, plan)).filter((f): f is PlacementFacts => f !== null);
  const inWorkAmongPlaced = judge.probabilities(paths).reduce((s, p) => s + p, 0);
  return { placed: paths.length, inWorkAmongPlaced, expectedInWork: inWorkAmongPlaced + unplacedRate * (pool.participants.length - paths.length) };
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

export interface StrategyOutcome extends PlanOutcome {
  strategy: string;
  /** Σ P over the placed, per placed participant; null when nobody is placed. */
  perPlaced: number | null;
  /** Relative gain over the first strategy (first come, first served); null for that one. */
  gain: number | null;
  /** The same for the chance per placed participant: what the gain is once the number placed is set aside. */
  gainPerPlaced: number | null;
  /** Solver status of an optimised round. */
  status?: string;
}

/** One way of optimising (c) and judging every plan: the optimiser's model and the judge. */
export interface EvaluationSplit {
  optimiser: { description: string; model: OutcomeModel };
  judge: OutcomeJudge;
}

export interface SplitComparison {
  optimisedBy: string;
  judgedBy: string;
  /** The judge is the very model (c) was optimised with: its figures for (c) flatter it. */
  circular: boolean;
  strategies: StrategyOutcome[];
}

export interface Comparison {
  participants: number;
  unplacedRate: number;
  splits: SplitComparison[];
  /** Each strategy's mean over the splits (the splits themselves when there is one). */
  strategies: StrategyOutcome[];
}

export interface EvaluationOptions {
  /** The model's share of (c)'s score (default 1). */
  share?: number;
  unplacedRate?: number;
}

/** Gains over the first row, of the expected number and of the chance per placed participant. */
function withGains(rows: readonly (PlanOutcome & { strategy: string; status?: string })[]): StrategyOutcome[] {
  const base = rows[0]!;
  const perPlaced = (r: PlanOutcome) => (r.placed > 0 ? r.inWorkAmongPlaced / r.placed : null);
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? null : a / b - 1);
  return rows.map((r, i) => ({
    ...r, perPlaced: perPlaced(r),
    gain: i === 0 ? null : ratio(r.expectedInWork, base.expectedInWork),
    gainPerPlaced: i === 0 ? null : ratio(perPlaced(r), perPlaced(base)),
  }));
}

function meanOver(splits: readonly SplitComparison[]): StrategyOutcome[] {
  const mean = (pick: (s: StrategyOutcome) => number, i: number) => splits.reduce((sum, split) => sum + pick(split.strategies[i]!), 0) / splits.length;
  return withGains(splits[0]!.strategies.map((row, i) => ({
    strategy: row.strategy, ...(row.status ? { status: row.status } : {}),
    placed: mean((s) => s.placed, i), inWorkAmongPlaced: mean((s) => s.inWorkAmongPlaced, i), expectedInWork: mean((s) => s.expectedInWork, i),
  })));
}

/**
 * The same pool placed three ways: (a) first come, first served by waiting date, (b) the
 * optimised round with the rule-based score, (c) the optimised round with each split's
 * optimiser model; in each split every plan is judged by that split's one judge. (a) and (b)
 * do not depend on a model and are placed once.
 */
export async function compareStrategies(pool: Pool, splits: readonly EvaluationSplit[], options: EvaluationOptions = {}): Promise<Comparison> {
  const { share = 1, unplacedRate = 0 } = options;
  const fcfs = firstComeFirstServed(pool);
  const rule = (await runRound(pool, { scorer: ruleBasedScorer })).report;
  const modelStrategy = share < 1 ? `optimised, outcome model mixed (share ${share})` : 'optimised, outcome-model score';
  const compared: SplitComparison[] = [];
  for (const { optimiser, judge } of splits) {
    const model = (await runRound(pool, { scorer: outcomeModelScorer(optimiser.model, share) })).report;
    const judged = (plans: readonly Plan[]) => expectedInWork(judge, pool, plans, unplacedRate);
    compared.push({
      optimisedBy: optimiser.description, judgedBy: judge.description, circular: judge.model === optimiser.model,
      strategies: withGains([
        { strategy: 'first come, first served (by waiting date)', ...judged(fcfs) },
        { strategy: 'optimised, rule-based score', ...judged(plansOfReport(pool, rule)), status: rule.status },
        { strategy: modelStrategy, ...judged(plansOfReport(pool, model)), status: model.status },
      ]),
    });
  }
  return { participants: pool.participants.length, unplacedRate, splits: compared, strategies: meanOver(compared) };
}
