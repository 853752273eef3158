import type { ResourceKind } from '../../solver/problem.js';
import type { Participant } from '../domain/participant.js';
import type { KindEligibility } from '../eligibility/evaluate.js';
import type { PoolIndex } from '../eligibility/pool-index.js';
import type { MissingKind } from './report.js';
import { loadOf } from './build-problem.js';

/** Full resources listed by name in one explanation; the count says how many there were. */
export const fullResourcesListed = 10;

/**
 * Why a participant did not get a resource of `kind`: rules refused them all, or every
 * eligible one was full once the plan was made, or the plan preferred otherwise.
 * `remaining(id)` is the capacity a resource has left in the plan (0 when it is not in the round).
 */
export function explainMissing(
  participant: Participant, kind: ResourceKind, eligibility: KindEligibility, index: PoolIndex, remaining: (id: string) => number,
): MissingKind {
  const refusalsByRule = eligibility.refusals.map((r) => ({ rule: r.rule, count: r.count, examples: r.examples }));
  const refusals = refusalsByRule.flatMap((r) => r.examples);
  const base = { kind, refusals, refusalsByRule, eligibleResources: eligibility.eligible.length };
  if (eligibility.eligible.length === 0) return { ...base, reason: 'no_eligible_resource', fullResources: [] };
  const withoutRoom = Array.from(eligibility.eligible, (position) => index.resources[position]!)
    .filter((resource) => remaining(resource.item.id) < loadOf(participant, resource));
  const full = withoutRoom.map((resource) => resource.item.id);
  const reason = full.length === eligibility.eligible.length ? 'capacity' : 'not_selected';
  const needs = Math.max(0, ...withoutRoom.map((resource) => loadOf(participant, resource)));
  // Room left, but less than the household needs: "full" would send the coordinator looking for the wrong fix.
  const tooSmall = withoutRoom.filter((resource) => remaining(resource.item.id) >= 1).map((resource) => resource.item.id);
  return {
    ...base, reason, fullResources: full.slice(0, fullResourcesListed),
    ...(tooSmall.length > 0 ? { tooSmallResources: tooSmall.slice(0, fullResourcesListed), needs } : {}),
  };
}
