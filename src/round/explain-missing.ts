import type { ResourceKind } from '../../solver/problem.js';
import type { Participant } from '../domain/participant.js';
import type { KindEligibility } from '../eligibility/evaluate.js';
import type { PoolIndex } from '../eligibility/pool-index.js';
import type { MissingKind } from './report.js';
import { kindLoad } from './build-problem.js';

/** In a pruned round, the resource positions the participant explained was a candidate for: those marked with its turn. */
export interface CandidateMarks {
  mark: Int32Array;
  turn: number;
}

/** Full resources listed by name in one explanation; the count says how many there were. */
export const fullResourcesListed = 10;

/**
 * Why a participant did not get a resource of `kind`: rules refused them all, or every
 * eligible one was full once the plan was made, or the plan preferred otherwise.
 * `remaining[position]` is the capacity a pool resource has left in the plan (0 when it is not in
 * the round): by position, since a national round asks about millions of eligible pairs here.
 * `candidates`, in a pruned round: the participant was a candidate for the resource at a position
 * when `candidates.mark[position] === candidates.turn`.
 */
export function explainMissing(
  participant: Participant, kind: ResourceKind, eligibility: KindEligibility, index: PoolIndex, remaining: Float64Array,
  candidates?: CandidateMarks,
): MissingKind {
  // The tallies are read, never changed, once eligibility is done: the report shares them rather than copying them.
  const refusalsByRule = eligibility.refusals;
  const refusals = refusalsByRule.flatMap((r) => r.examples);
  const base = { kind, refusals, refusalsByRule, eligibleResources: eligibility.eligible.length };
  if (eligibility.eligible.length === 0) return { ...base, reason: 'no_eligible_resource', fullResources: [] };
  // Only the first few full resources are named, and a national round asks about millions of
  // pairs here: the others are counted, not listed.
  const full: string[] = [];
  let fullCount = 0;
  // Room left, but less than the household needs: "full" would send the coordinator looking for the wrong fix.
  const tooSmall: string[] = [];
  let notConsidered = 0;
  // One kind, one load: the loop over millions of eligible pairs reads only the room left.
  const load = kindLoad(participant, kind);
  const eligible = eligibility.eligible;
  // Read as arrays, not through a function per pair: 5.3 million pairs on the national round.
  const mark = candidates?.mark;
  const turn = candidates?.turn ?? 0;
  for (let i = 0; i < eligible.length; i += 1) {
    const position = eligible[i]!;
    const room = remaining[position]!;
    if (room >= load) {
      if (mark && mark[position] !== turn) notConsidered += 1;
      continue;
    }
    if ((fullCount += 1) <= fullResourcesListed) full.push(index.resources[position]!.item.id);
    if (room >= 1 && tooSmall.length < fullResourcesListed) tooSmall.push(index.resources[position]!.item.id);
  }
  const reason = fullCount === eligibility.eligible.length ? 'capacity' : 'not_selected';
  return {
    ...base, reason, fullResources: full,
    ...(tooSmall.length > 0 ? { tooSmallResources: tooSmall, needs: load } : {}),
    ...(reason === 'not_selected' && candidates ? { roomNotConsidered: notConsidered } : {}),
  };
}
