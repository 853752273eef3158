import { resourceKinds, type ResourceKind } from '../../solver/problem.js';
import type { Problem, ProblemEdge, ProblemOverride, ProblemParticipant, ProblemResource } from '../../solver/problem.js';
import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import type { ParticipantEligibility, PoolEligibility } from '../eligibility/evaluate.js';
import { acceptedRegions, daysBetween } from '../eligibility/facts.js';
import type { PoolResource } from '../scoring/scorer.js';
import { CandidatePicker, idKey } from './candidate-edges.js';
import { resourceCandidates } from './resource-candidates.js';
import type { ParticipantScores } from './score-eligible.js';

export interface BuildOptions {
  overrides?: ProblemOverride[];
  previous?: { participant: string; resource: string }[];
  /**
   * With policy.candidatesPerKind: rank each participant's candidates by score − price·load
   * instead of by score, the prices by resource position (candidate-pricing.ts).
   */
  prices?: Float64Array;
  /**
   * Resource positions each participant keeps whatever their rank, by participant. Default, with
   * policy.candidatesPerKind: each resource's own best candidates (resourcePicks); pricing
   * rounds pass those and the pairs of their last plan.
   */
  keep?: readonly ReadonlySet<number>[];
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
  return kindLoad(participant, resource.kind);
}

/** Capacity any resource of a kind takes of this participant. */
export function kindLoad(participant: Participant, kind: ResourceKind): number {
  return kind === 'housing' ? householdSize(participant) : 1;
}

function householdSize(participant: Participant): number {
  return participant.household.adults + participant.household.children;
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

/**
 * score − price·load of each eligible pair of one participant, aligned with `byKind[kind].eligible`,
 * written into `into`: one buffer per kind serves every participant of a build, which would
 * otherwise allocate the 6.2 million gains of a national round again at every pricing round.
 */
function reducedGains(
  eligibility: ParticipantEligibility, scores: ParticipantScores, prices: Float64Array, load: number, into: ParticipantScores,
): ParticipantScores {
  for (const kind of resourceKinds) {
    const eligible = eligibility.byKind[kind].eligible;
    const gains = into[kind];
    const kindScores = scores[kind];
    const kindLoad = kind === 'housing' ? load : 1;
    for (let i = 0; i < eligible.length; i += 1) gains[i] = kindScores[i]! - prices[eligible[i]!]! * kindLoad;
  }
  return into;
}

/** Buffers for reducedGains, as long as the most eligible resources of each kind any participant has. */
function gainBuffers(eligibility: PoolEligibility): ParticipantScores {
  const longest = (kind: ResourceKind) => eligibility.participants.reduce((most, p) => Math.max(most, p.byKind[kind].eligible.length), 0);
  return Object.fromEntries(resourceKinds.map((kind) => [kind, new Float64Array(longest(kind))])) as ParticipantScores;
}

/** Remaining capacity by resource position, −1 for resources the round cannot fill. */
export function roomByPosition(eligibility: PoolEligibility): Float64Array {
  const inRound = new Set(roundResources(eligibility.index.resources).map((r) => r.item.id));
  return Float64Array.from(eligibility.index.resources, (r) => (inRound.has(r.item.id) ? capacityOf(r) : -1));
}

/** Each resource's own best candidates (resource-candidates.ts), by participant: kept beside their best K. */
export function resourcePicks(pool: Pool, eligibility: PoolEligibility, scores: readonly ParticipantScores[]): Set<number>[] {
  return resourceCandidates(eligibility, scores, roomByPosition(eligibility), (p, kind) => kindLoad(pool.participants[p]!, kind));
}

/** Pool, eligibility and scores → the solver's problem, with the policy of the pool. */
export function buildProblem(pool: Pool, eligibility: PoolEligibility, scores: readonly ParticipantScores[], options: BuildOptions = {}): Problem {
  const { index, referenceDate } = eligibility;
  const room = roomByPosition(eligibility);
  const overrides = options.overrides ?? [];
  const previous = options.previous ?? [];
  const named = new Map<string, string[]>();
  for (const pair of [...overrides, ...previous]) named.set(pair.participant, [...(named.get(pair.participant) ?? []), pair.resource]);
  const perKind = pool.policy.candidatesPerKind;
  const keep = options.keep ?? (perKind === undefined ? null : resourcePicks(pool, eligibility, scores));
  const edges: ProblemEdge[] = [];
  const bridges: Problem['bridges'] = [];
  const housing = Uint8Array.from(index.resources, (r) => (r.kind === 'housing' ? 1 : 0));
  const buffers = options.prices ? gainBuffers(eligibility) : null;
  // Protected positions are marked with the participant's number: a typed-array read per pair
  // instead of a set look-up, for the 6.2 million pairs of each national build.
  const protectedBy = new Int32Array(index.resources.length).fill(-1);
  const picker = new CandidatePicker(index.resources.length);
  const resourceKeys = Uint32Array.from(index.resources, (r) => idKey(r.item.id));
  pool.participants.forEach((participant, p) => {
    for (const position of keep?.[p] ?? []) protectedBy[position] = p;
    for (const resource of named.get(participant.id) ?? []) {
      const position = index.position.get(resource);
      if (position !== undefined) protectedBy[position] = p;
    }
    const isProtected = (position: number) => protectedBy[position] === p;
    // loadOf by position, read millions of times on a national round.
    const size = householdSize(participant);
    const loadAt = (position: number) => (housing[position] === 1 ? size : 1);
    const fits = (position: number) => room[position]! >= loadAt(position);
    const rank = options.prices ? reducedGains(eligibility.participants[p]!, scores[p]!, options.prices, size, buffers!) : scores[p]!;
    const kept = picker.kept(eligibility.participants[p]!, scores[p]!, { perKind, fits, isProtected, tieKeys: { participant: idKey(participant.id), resources: resourceKeys } }, rank);
    kept.positions.forEach((position, i) => {
      const resource = index.resources[position]!;
      edges.push({ participant: participant.id, resource: resource.item.id, score: kept.scores[i]!, load: loadAt(position) });
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
      // No candidatesPerKind: the edges are the candidates kept here, which the solver's own
      // pruning by score would cut again (and drop those chosen at the resources' prices).
    },
  };
}
