import type { Problem, ProblemEdge, ProblemOverride, ProblemParticipant, ProblemResource } from '../../solver/problem.js';
import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import { acceptedRegions, daysBetween } from '../eligibility/facts.js';
import type { PoolResource } from '../scoring/scorer.js';
import { keptCandidates } from './candidate-edges.js';
import type { ParticipantScores } from './score-eligible.js';

export interface BuildOptions {
  overrides?: ProblemOverride[];
  previous?: { participant: string; resource: string }[];
}

/** Remaining capacity: seats, places, or caseload cap minus current caseload (never below 0). */
export function capacityOf(resource: PoolResource): number {
  switch (resource.kind) {
    case 'mentor': return Math.max(0, resource.item.caseloadCap - resource.item.currentCaseload);
    case 'training': return resource.item.seats;
    case 'opening': return resource.item.seats;
    case 'housing': return resource.item.places;
  }
}

/** Capacity a pair uses: one seat, or the household's places in a housing unit. */
export function loadOf(participant: Participant, resource: PoolResource): number {
  return resource.kind === 'housing' ? participant.household.adults + participant.household.children : 1;
}

/** Resources the round can fill: every one except openings no longer open. */
export function roundResources(resources: readonly PoolResource[]): PoolResource[] {
  return resources.filter((r) => r.kind !== 'opening' || r.item.status === 'open');
}

function problemParticipant(participant: Participant, regions: readonly string[], referenceDate: string): ProblemParticipant {
  const accepted = acceptedRegions(participant, regions);
  return {
    id: participant.id,
    ...(participant.homeRegion ? { homeRegion: participant.homeRegion, regions: [...accepted!].sort() } : {}),
    priorityGroups: participant.priorityGroups,
    waitingDays: daysBetween(participant.waitingSince, referenceDate),
  };
}

function problemResource(resource: PoolResource): ProblemResource {
  const region = resource.item.region;
  return { id: resource.item.id, kind: resource.kind, capacity: capacityOf(resource), ...(region ? { region } : {}) };
}

/** Pool, eligibility and scores → the solver's problem, with the policy of the pool. */
export function buildProblem(pool: Pool, eligibility: PoolEligibility, scores: readonly ParticipantScores[], options: BuildOptions = {}): Problem {
  const { index, referenceDate } = eligibility;
  const inRound = new Set(roundResources(index.resources).map((r) => r.item.id));
  // Remaining capacity by position, −1 for resources the round cannot fill: read once per pair.
  const room = Float64Array.from(index.resources, (r) => (inRound.has(r.item.id) ? capacityOf(r) : -1));
  const overrides = options.overrides ?? [];
  const previous = options.previous ?? [];
  const named = new Map<string, string[]>();
  for (const pair of [...overrides, ...previous]) named.set(pair.participant, [...(named.get(pair.participant) ?? []), pair.resource]);
  const edges: ProblemEdge[] = [];
  const bridges: Problem['bridges'] = [];
  pool.participants.forEach((participant, p) => {
    const protectedPositions = new Set<number>();
    for (const resource of named.get(participant.id) ?? []) {
      const position = index.position.get(resource);
      if (position !== undefined) protectedPositions.add(position);
    }
    const fits = (position: number) => room[position]! >= loadOf(participant, index.resources[position]!);
    const kept = keptCandidates(eligibility.participants[p]!, scores[p]!, { perKind: pool.policy.candidatesPerKind, fits, protectedPositions });
    kept.positions.forEach((position, i) => {
      const resource = index.resources[position]!;
      edges.push({ participant: participant.id, resource: resource.item.id, score: kept.scores[i]!, load: loadOf(participant, resource) });
    });
    for (const [opening, trainings] of kept.bridges) {
      bridges.push({ participant: participant.id, opening: index.resources[opening]!.item.id, trainings: trainings.map((t) => index.resources[t]!.item.id) });
    }
  });
  const policy = pool.policy;
  return {
    participants: pool.participants.map((participant) => problemParticipant(participant, index.regions, referenceDate)),
    resources: roundResources(index.resources).map(problemResource),
    edges,
    bridges,
    overrides,
    policy: {
      requireOne: policy.requireOne,
      priorityShare: policy.priorityShare,
      waitingBonusPerDay: policy.waitingBonusPerDay,
      previous,
      stabilityPenalty: policy.stabilityPenalty,
      timeLimitMs: policy.timeLimitMs,
      backend: policy.backend,
      ...(policy.candidatesPerKind !== undefined ? { candidatesPerKind: policy.candidatesPerKind } : {}),
    },
  };
}
