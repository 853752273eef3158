import type { Problem } from '../../solver/problem.js';
import { resourcePrices, type ResourcePrices } from '../../solver/scale/prices.js';
import { suitsRelaxation } from '../../solver/scale/large-model.js';
import { warmStartApplies } from '../../solver/scale/warm-start.js';
import { collectGarbageAbove } from '../common/collect-garbage.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import { buildProblem, resourcePicks, roomByPosition, type BuildOptions } from './build-problem.js';
import { pairPositions, unionByParticipant } from './pair-positions.js';
import { residualCandidates } from './residual-candidates.js';
import type { ParticipantScores } from './score-eligible.js';

/** Pricing rounds at most, and the share of the round's time limit they may use together. */
export const pricingRounds = 3;
export const pricingShare = 0.5;
/**
 * When the solve after pricing will be the Lagrangian relaxation (solver/scale/large-model.ts),
 * pricing takes more of the limit, in as many rounds as fit: the relaxation's plan gains little
 * past a few seconds, the candidates gain from every round. National round, same code (2026-12-07):
 * the relaxation's plan on one set of candidates went from 62,274 with 5 s to 62,313 with 10 s.
 * With 10 s, rounds given 0.65 of the limit for pricing ended at 62,186–62,452 (mean 62,347, six
 * runs), 0.6 at 62,153–62,426 (three), 0.75 at 62,287–62,417 (three), 0.5 at 62,034–62,261 (mean
 * 62,181, seven); three pricing rounds fit either way. With 20 s and 0.65, by the rounds allowed:
 * 3 rounds 62,644–62,658 (four runs), 4 62,728 and 62,733, 5 62,804 and 62,831, 6 62,831 and
 * 62,861, 7 (all that fit) 62,777–62,882 (five). With 60 s: 8 rounds 63,015.22, 16 63,075.07;
 * with 120 s: 16 rounds 63,067.87, 32 63,113.08. A round solved exactly keeps half and 3 rounds:
 * the IPR-sized round of 1,500 needs its 15 s of HiGHS to prove its optimum, and how long HiGHS
 * takes depends on the candidates (6 rounds: 9 s; 8: not proven in 18 s).
 */
export const relaxedPricingShare = 0.65;
export const relaxedPricingRounds = Number.POSITIVE_INFINITY;
/** Pricing stops once a round changes fewer candidates than this share of them. */
const settledShare = 0.02;
/**
 * Each round's relaxation gets at least this long per candidate (1 s on the national round's
 * 200,000), and its rebuild after it: as many rounds as that allows, not more, shorter ones.
 * National round, 10 s (2026-12-02): relaxations of 0.66-0.98 s ended at 46,604-50,390. With
 * this and half the time for pricing, two rounds of about 1.2 s: 53,449-56,856 in six runs, against
 * 52,736-53,571 for one round of 2.2-2.6 s within 40 % of the time. 20 s: three rounds of about
 * 2.2 s, 59,729-59,910 (with 40 %: 59,272-59,706; two rounds 57,765-58,142, one 53,556).
 */
const relaxationMsPerEdge = 0.005;
/** A rebuild at the prices against the first build by score, before any is measured. */
const rebuildShare = 1.75;
/**
 * Rounds with fewer candidates keep their best K by score. From here on the candidates at the
 * prices are worth more: an optimum over the best K by score is an optimum over the wrong pairs.
 * Generated pools (seed 1, K = 5, 20 s, 2026-12-07), by score against priced: 300 participants
 * (3,358 candidates) 1,338.62 → 1,343.84 (every pair: 1,344.69); 600 2,810.46 → 2,864.67;
 * 1,000 5,290.77 → 5,444.42; the IPR-sized 1,500 (26,700 candidates) 7,893.78 → 8,270.03, whose
 * optimum over every eligible pair lies between 8,345.36 and 8,348.04 (bench/pool-optimum.ts).
 * Each is optimal, or within 0.003 %, over its own candidates. A round of 100 (583 candidates)
 * gains nothing and would spend 0.4 s. From 2026-12-03 to 12-07 pricing started at 30,000
 * candidates, and rounds up to 1,500 were proven optimal over candidates 2-5 % below what their
 * pool allows; before, at 100,000.
 */
export const pricingFromEdges = 2_000;

export interface PricingLimits {
  /** The time pricing and the solve share, from the call (default: the policy's limit; a round passes what its clock leaves). */
  budgetMs?: number;
  /** Rounds with fewer candidates than this keep their best K by score. */
  fromEdges?: number;
}

export interface PricedProblem {
  problem: Problem;
  /** Pricing rounds run; 0 when the candidates are the best K by score. */
  rounds: number;
  /** The last prices, by resource position, and what they were worked out with: scenarios of the round build from them. */
  pricing?: { prices: ResourcePrices; byPosition: Float64Array; keep: Set<number>[] };
}

/**
 * The round's candidates, chosen at the resources' prices (the pricing step of column generation).
 *
 * Each participant's best K by score crowd onto the resources most participants score highest.
 * On the national pool the optimum over every eligible pair is at least 60 % above the optimum
 * over those (docs/scale.md). So, for a large round: the Lagrangian relaxation of the candidates
 * prices every resource; the next candidates are each participant's best K per kind by
 * score − price·load among all its eligible pairs, each resource's own best by score, the best
 * for the places the relaxation's best plan leaves (residual-candidates.ts) and that plan's pairs
 * (which so stays a plan); and again from the new prices,
 * until few candidates change. The candidates stay as many as the best K by score were.
 * The time comes out of `budgetMs`: the problem's `timeLimitMs` is what is left of it to solve.
 */
export function pricedProblem(
  pool: Pool, eligibility: PoolEligibility, scores: readonly ParticipantScores[], options: BuildOptions,
  { budgetMs = pool.policy.timeLimitMs, fromEdges = pricingFromEdges }: PricingLimits = {},
): PricedProblem {
  const started = Date.now();
  const withTimeLeft = (problem: Problem): Problem =>
    ({ ...problem, policy: { ...problem.policy, timeLimitMs: Math.max(1, Math.floor(budgetMs - (Date.now() - started))) } });
  if (pool.policy.candidatesPerKind === undefined) return { problem: withTimeLeft(buildProblem(pool, eligibility, scores, options)), rounds: 0 };
  const picks = resourcePicks(pool, eligibility, scores);
  const room = roomByPosition(eligibility);
  const built = Date.now();
  let problem = buildProblem(pool, eligibility, scores, { ...options, keep: picks });
  if (problem.edges.length < fromEdges) return { problem: withTimeLeft(problem), rounds: 0 };
  const plan = pricingPlanOf(problem);
  const deadline = started + plan.share * budgetMs;
  // Each round ends by building the next problem after its relaxation: that time is budgeted
  // within the round, or the rounds overrun into the solve's time. A rebuild at the prices also
  // ranks by reduced gains and counts what changed: 1.66-1.75 times the first build measured on
  // the national round (840-980 ms against 480-570).
  let afterMs = rebuildShare * (Date.now() - built);
  const planned = plannedRounds(deadline - Date.now(), relaxationMsPerEdge * problem.edges.length, afterMs, plan.rounds);
  let pricing: PricedProblem['pricing'];
  let rounds = 0;
  while (rounds < planned) {
    const relaxMs = (deadline - Date.now()) / (planned - rounds) - afterMs;
    if (relaxMs <= 0) break;
    const prices = resourcePrices(withoutForcedPicks(problem), Date.now() + relaxMs, pricing?.prices);
    const relaxed = Date.now();
    const byPosition = Float64Array.from(eligibility.index.resources, (r) => prices.prices.get(r.item.id) ?? 0);
    // The resources' own picks, the picks for the places the plan leaves, and the plan's pairs.
    const placesLeft = residualCandidates(pool, eligibility, scores, room, prices.plan);
    const keep = unionByParticipant(picks, placesLeft, pairPositions(pool, eligibility, prices.plan));
    const next = buildProblem(pool, eligibility, scores, { ...options, prices: byPosition, keep });
    // Whether the candidates settled only matters when another round may follow (0.1-0.2 s a count).
    const settled = rounds + 1 < planned && newPairs(eligibility, problem, next) < settledShare * next.edges.length;
    afterMs = Math.max(afterMs, Date.now() - relaxed);
    [problem, pricing, rounds] = [next, { prices, byPosition, keep }, rounds + 1];
    // The last round's problem, relaxation and candidates are garbage now: collected before they
    // pile up over the rounds; its time counts in the rebuild budget.
    if (collectGarbageAbove()) afterMs = Math.max(afterMs, Date.now() - relaxed);
    if (settled) break;
  }
  return { problem: withTimeLeft(problem), rounds, ...(pricing ? { pricing } : {}) };
}

/** The share of the round's limit its pricing may use, and its rounds at most: more, and as many as fit, when the relaxation will solve it. */
export function pricingPlanOf(problem: Problem): { share: number; rounds: number } {
  return suitsRelaxation(problem) ? { share: relaxedPricingShare, rounds: relaxedPricingRounds } : { share: pricingShare, rounds: pricingRounds };
}

/**
 * How many pricing rounds fit in `ms` when each relaxes for at least `relaxMs` and then builds for
 * `afterMs`: at least one, at most `most`.
 */
export function plannedRounds(ms: number, relaxMs: number, afterMs: number, most = pricingRounds): number {
  return Math.max(1, Math.min(most, Math.floor(ms / (relaxMs + afterMs))));
}

/**
 * The problem the prices are worked out on: without its forced picks (policy.requireOne, require
 * overrides), which the relaxation leaves to the exact model. The round itself keeps them, and
 * the pairs an override names stay candidates. Until 2026-12-07 a round with forced picks was not
 * priced at all: locking a pair the plan already held took a generated round of 300 from 1,343.84
 * to 1,338.62, its candidates falling back to the best by score.
 */
function withoutForcedPicks(problem: Problem): Problem {
  if (warmStartApplies(problem)) return problem;
  const overrides = problem.overrides.filter((o) => o.action !== 'require');
  return { ...problem, overrides, policy: { ...problem.policy, requireOne: [] } };
}

/** Pairs of `after` that `before` did not have. Keyed by number: a national round has 200,000 of them. */
function newPairs(eligibility: PoolEligibility, before: Problem, after: Problem): number {
  const { position } = eligibility.index;
  const participant = new Map(after.participants.map((p, i) => [p.id, i]));
  const key = (e: Problem['edges'][number]) => participant.get(e.participant)! * position.size + position.get(e.resource)!;
  const had = new Set(before.edges.map(key));
  return after.edges.reduce((count, e) => count + (had.has(key(e)) ? 0 : 1), 0);
}
