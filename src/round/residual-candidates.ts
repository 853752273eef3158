import { resourceKinds, type ResourceKind } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import { kindLoad, loadOf } from './build-problem.js';
import { CandidateHeap } from './candidate-heap.js';
import type { NamedPair } from './pair-positions.js';
import type { ParticipantScores } from './score-eligible.js';

const kindBit: Record<ResourceKind, number> = { mentor: 1, training: 2, opening: 4, housing: 8 };

/** Candidates per place left: measured on the national round (docs/scale.md). */
export const residualCandidateFactor = 12;

/** A plan's pairs, by ids, as the relaxation returns them. */
export type PlanPairs = readonly NamedPair[];

/**
 * For each resource a plan leaves room in, its best ⌈residualCandidateFactor · room left⌉ by
 * score among the participants who could take it beside their plan: eligible, without a
 * resource of that kind in the plan, and living where the plan puts them (unplaced: anywhere
 * they are eligible). Returned as positions by participant, kept beside the other candidates.
 *
 * The candidates at the prices are each participant's best K and each resource's best: a
 * place whose resource ranks high for nobody stays empty whoever could fill it. The national
 * round's plan with 10 s left 926 mentor places empty while 3,356 of its placed participants
 * had none and were eligible for one of them in their region, and 2,986 unplaced participants
 * were eligible for a resource with room at home (2026-12-03).
 *
 * A plan of nothing (a relaxation stopped before its first plan) leaves every place, and its
 * picks would be six times each resource's own best by score: none then.
 */
export function residualCandidates(pool: Pool, eligibility: PoolEligibility, scores: readonly ParticipantScores[], room: Float64Array, plan: PlanPairs): Set<number>[] {
  const picks = pool.participants.map(() => new Set<number>());
  if (plan.length === 0) return picks;
  const { resources, regions } = eligibility.index;
  // Region numbers, not names: the loop below reads them for millions of pairs.
  const regionOf = Int32Array.from(resources, (r) => (r.item.region === undefined ? -1 : regions.indexOf(r.item.region)));
  const { left, held, livesIn } = whatThePlanHolds(pool, eligibility, room, plan, regionOf);
  const limits = Int32Array.from(left, (places) => Math.ceil(residualCandidateFactor * Math.max(0, places)));
  const heaps: (CandidateHeap | undefined)[] = new Array(resources.length);
  eligibility.participants.forEach((participant, p) => {
    const region = livesIn[p]!;
    for (const kind of resourceKinds) {
      if ((held[p]! & kindBit[kind]) !== 0) continue;
      const eligible = participant.byKind[kind].eligible;
      const kindScores = scores[p]![kind];
      const load = kindLoad(pool.participants[p]!, kind);
      for (let i = 0; i < eligible.length; i += 1) {
        const at = eligible[i]!;
        if (left[at]! < load || (region >= 0 && regionOf[at]! >= 0 && regionOf[at] !== region)) continue;
        (heaps[at] ??= new CandidateHeap()).offer(kindScores[i]!, p, limits[at]!);
      }
    }
  });
  heaps.forEach((heap, at) => {
    for (const p of heap!.participants) picks[p]!.add(at);
  });
  return picks;
}

/**
 * Room left by resource position, the kinds each participant holds (one bit per kind) and the
 * region the plan has them live in (−1: none of their resources has one).
 */
function whatThePlanHolds(pool: Pool, eligibility: PoolEligibility, room: Float64Array, plan: PlanPairs, regionOf: Int32Array) {
  const { resources, position } = eligibility.index;
  const participantAt = new Map(pool.participants.map((p, i) => [p.id, i]));
  const left = Float64Array.from(room);
  const held = new Uint8Array(pool.participants.length);
  const livesIn = new Int32Array(pool.participants.length).fill(-1);
  for (const pair of plan) {
    const [p, at] = [participantAt.get(pair.participant)!, position.get(pair.resource)!];
    const resource = resources[at]!;
    left[at]! -= loadOf(pool.participants[p]!, resource);
    held[p]! |= kindBit[resource.kind];
    if (regionOf[at]! >= 0) livesIn[p] = regionOf[at]!;
  }
  return { left, held, livesIn };
}
