import type { Problem, ResourceKind } from '../../solver/problem.js';
import type { SolveResult } from '../../solver/result.js';
import { solve } from '../../solver/index.js';
import type { Pool } from '../domain/pool.js';
import { evaluatePool, type PoolEligibility } from '../eligibility/evaluate.js';
import { buildProblem, resourcePicks } from '../round/build-problem.js';
import { pairPositions, unionByParticipant } from '../round/pair-positions.js';
import { withDefaultCandidates } from '../round/default-candidates.js';
import { scoreEligible, type ParticipantScores } from '../round/score-eligible.js';
import type { RoundOptions, RoundOutcome } from '../round/types.js';
import { ruleBasedScorer } from '../scoring/rule-based-scorer.js';
import { capacityGroups, eligibleDemand, mostWanted, resourceStates, type CapacityGroup } from './capacity-groups.js';
import { addCapacityTo } from './pool-resources.js';

/**
 * The marginal value of one more unit of a capacity group (a kind in a region, or the kind's
 * resources bound to no region), defined as:
 *
 *   value(G) = max over r in T(G) of  z*(capacity(r) + 1) − z*
 *
 * where z* is the optimal objective of the solved round and T(G) the group's full resources
 * (those with no room left for any of their candidate pairs), the `resourcesPerGroup` most
 * wanted of them (most capacity-blocked participants first, then most candidate pairs).
 * A group with no full resource is worth 0 without a re-solve: one more unit there loosens a
 * constraint that does not bind in the plan. (In a 0-1 programme a better plan could, rarely,
 * need a resource beyond a capacity the optimum leaves slack; this definition gives that up
 * to bound the cost.) The cost is at most groups × resourcesPerGroup re-solves, each of the
 * round's own problem with one capacity raised: eligibility and scores are not recomputed.
 */
export interface MarginalValue {
  kind: ResourceKind;
  region: string | null;
  resources: number;
  capacity: number;
  used: number;
  /** Resources of the group with no room left. */
  full: number;
  /** Objective gained by one more unit (0: spare capacity); null when the round has no plan. */
  value: number | null;
  /** Participants placed in addition with that unit. */
  placedGain: number | null;
  /** Where the unit was added for `value`. */
  resource?: string;
  /** Every re-solve was optimal, as was the round: the value is exact, not an estimate. */
  exact: boolean;
  tried: { resource: string; value: number; placedGain: number }[];
}

export interface MarginalOptions {
  /** Full resources of a group tried, most wanted first (default 1). */
  resourcesPerGroup?: number;
}

const activityKinds = new Set(['mentor', 'training', 'opening']);

function placedCount(result: SolveResult): number {
  return new Set(result.assignments.filter((a) => activityKinds.has(a.kind)).map((a) => a.participant)).size;
}

/**
 * The round rebuilt with one more unit on a resource. Rebuilt rather than patched: a resource
 * with no room for anyone has no candidate pairs in the problem, and pruning to K candidates
 * may keep other pairs once it has room. Eligibility and scores do not depend on capacity.
 * Every candidate pair of the round is kept beside the best K by score: one more unit then never
 * loses a plan the round had. (Until 2026-12-07 the re-solve took the best K by score alone: a
 * round whose candidates were chosen at the prices, 1,343.84 on a generated pool of 300, was
 * re-solved about 5 lower, and nearly every group's value came out 0.)
 */
class OneMoreUnit {
  private readonly eligibility: PoolEligibility;
  private readonly scores: ParticipantScores[];
  private readonly pool: Pool;
  private readonly roundPairs: Set<number>[];

  constructor(input: Pool, private readonly round: RoundOptions, roundProblem: Problem) {
    this.eligibility = evaluatePool(input);
    this.pool = withDefaultCandidates(input, this.eligibility);
    this.scores = scoreEligible(this.pool, this.eligibility, round.scorer ?? ruleBasedScorer);
    this.roundPairs = pairPositions(this.pool, this.eligibility, roundProblem.edges);
  }

  demand() {
    return eligibleDemand(this.pool, this.eligibility);
  }

  /** Whether the round kept only some eligible pairs: its re-solves then keep more than it did. */
  get pruned(): boolean {
    return this.pool.policy.candidatesPerKind !== undefined;
  }

  /** The round again with one more unit on `resource`, or as it is without one. */
  async solveWith(resource?: string): Promise<SolveResult> {
    const { index } = this.eligibility;
    const item = resource === undefined ? undefined : index.resources[index.position.get(resource)!]!;
    const raise = (delta: number) => { if (item) addCapacityTo(item, delta); };
    raise(1);
    try {
      const picks = resourcePicks(this.pool, this.eligibility, this.scores);
      const keep = unionByParticipant(picks, this.roundPairs);
      return await solve(buildProblem(this.pool, this.eligibility, this.scores, { ...this.round, keep }));
    } finally {
      raise(-1);
    }
  }
}

function summary(group: CapacityGroup): Omit<MarginalValue, 'value' | 'placedGain' | 'exact' | 'tried'> {
  return {
    kind: group.kind,
    region: group.region,
    resources: group.resources.length,
    capacity: group.resources.reduce((s, r) => s + r.capacity, 0),
    used: group.resources.reduce((s, r) => s + r.used, 0),
    full: group.resources.filter((r) => r.full).length,
  };
}

async function valueOf(result: SolveResult, group: CapacityGroup, perGroup: number, round: OneMoreUnit): Promise<MarginalValue> {
  const base = summary(group);
  if (result.objective === null) return { ...base, value: null, placedGain: null, exact: false, tried: [] };
  const tried: MarginalValue['tried'] = [];
  let exact = result.status === 'optimal';
  for (const state of mostWanted(group, perGroup)) {
    const more = await round.solveWith(state.id);
    exact &&= more.status === 'optimal';
    // One more unit never lowers the optimum: a negative difference is the search's gap, not a loss.
    const value = more.objective === null ? 0 : Math.max(0, more.objective - result.objective);
    tried.push({ resource: state.id, value, placedGain: placedCount(more) - placedCount(result) });
  }
  const best = tried.reduce<MarginalValue['tried'][number] | undefined>((b, t) => (!b || t.value > b.value ? t : b), undefined);
  if (!best) return { ...base, value: 0, placedGain: 0, exact, tried };
  return { ...base, value: best.value, placedGain: best.placedGain, resource: best.resource, exact, tried };
}

/**
 * Marginal values of every capacity group of a round solved over `pool` (with the same round
 * options), in a stable order (kind, region). `pool` is not modified.
 */
export async function marginalValues(pool: Pool, outcome: RoundOutcome, round: RoundOptions = {}, options: MarginalOptions = {}): Promise<MarginalValue[]> {
  const perGroup = Math.max(1, Math.floor(options.resourcesPerGroup ?? 1));
  const oneMore = new OneMoreUnit(structuredClone(pool), round, outcome.problem);
  const groups = capacityGroups(resourceStates(outcome.report, oneMore.demand()));
  // A re-solve of a pruned round keeps more pairs than the round did: its values are measured
  // against the same pairs at today's capacities, not against the round's own plan.
  const today = oneMore.pruned ? await oneMore.solveWith() : outcome.result;
  const values: MarginalValue[] = [];
  // The solver runs on this thread: re-solves go one after another.
  for (const group of groups) values.push(await valueOf(today, group, perGroup, oneMore));
  return values;
}
