import type { Problem } from '../../problem.js';
import type { GreedyPlan } from '../greedy.js';
import { bestBundle } from './bundle.js';
import type { Bundle, ParticipantCandidates } from './bundle.js';

/**
 * A plan from prices: participants, most valuable first, take their best bundle under
 * gain − price·load among resources that still have room; then each participant in turn
 * gives back what it holds and takes its best bundle at plain gains among what has room,
 * which never lowers the objective (what it held is still on offer). Priority shares are
 * left to the caller.
 */
export function pricedPlan(
  problem: Problem, participants: readonly ParticipantCandidates[], order: readonly number[], prices: Float64Array, rounds = 2,
): GreedyPlan {
  const remaining = Float64Array.from(problem.resources, (r) => r.capacity);
  const bonus = (p: ParticipantCandidates) => problem.policy.waitingBonusPerDay * p.waitingDays;
  const held: (Bundle | undefined)[] = participants.map(() => undefined);
  const take = (i: number, bundle: Bundle) => {
    held[i] = bundle;
    for (const c of bundle.picks) remaining[c.index]! -= c.load;
  };
  for (const i of order) {
    const p = participants[i]!;
    take(i, bestBundle(p, (c) => (remaining[c.index]! >= c.load - 1e-9 ? c.gain - prices[c.index]! * c.load : -Infinity), bonus(p)));
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const i of order) {
      for (const c of held[i]?.picks ?? []) remaining[c.index]! += c.load;
      const p = participants[i]!;
      take(i, bestBundle(p, (c) => (remaining[c.index]! >= c.load - 1e-9 ? c.gain : -Infinity), bonus(p)));
    }
  }
  return toPlan(participants, held);
}

function toPlan(participants: readonly ParticipantCandidates[], held: readonly (Bundle | undefined)[]): GreedyPlan {
  const plan: GreedyPlan = { chosen: [], regions: new Map() };
  held.forEach((bundle, i) => {
    if (!bundle || bundle.value === -Infinity) return;
    plan.chosen.push(...bundle.picks);
    if (bundle.region !== undefined) plan.regions.set(participants[i]!.id, bundle.region);
  });
  return plan;
}
