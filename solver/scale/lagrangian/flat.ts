import type { ResourceKind } from '../../problem.js';
import { typedOf } from '../../typed-arrays.js';
import type { Candidate, PreparedProblem } from '../../exact/prepared-problem.js';

/** Lists of candidates of one region view, in this order, in `FlatProblem.members`. */
export const housingList = 0;
export const mentorList = 1;
export const trainingList = 2;
export const freeOpeningList = 3;
const listsPerView = 4;

/**
 * The problem as typed arrays for the Lagrangian subproblems: one entry per candidate
 * (resource position, gain, load), and per participant its region views, each with the
 * candidates usable while living in that region. No object is allocated per iteration.
 */
export interface FlatProblem {
  participantIds: string[];
  candidates: Candidate[];
  /** Per candidate: position of its resource, gain (score plus any stability bonus), load. */
  resource: Int32Array;
  gain: Float64Array;
  load: Float64Array;
  /** Per resource position. */
  capacity: Float64Array;
  /** Participant p's candidates are candidateStart[p] … candidateStart[p + 1] − 1, each once. */
  candidateStart: Int32Array;
  /** Participant p's views are viewStart[p] … viewStart[p + 1] − 1. */
  viewStart: Int32Array;
  viewRegion: (string | undefined)[];
  /** 1 when the view is a region other than home: housing there is then required. */
  viewRelocating: Uint8Array;
  /** List k of view v is members[listStart[4v + k]] … members[listStart[4v + k + 1] − 1]. */
  listStart: Int32Array;
  members: Int32Array;
  /** Bridged openings of view v: bridgeOpening[bridgeStart[v]] …, each with its trainings. */
  bridgeStart: Int32Array;
  bridgeOpening: Int32Array;
  bridgeTrainingStart: Int32Array;
  bridgeTrainings: Int32Array;
  /** Waiting bonus of each participant when placed. */
  bonus: Float64Array;
  /** membership[p · shares + s] = 1 when participant p belongs to the group of priority share s. */
  membership: Uint8Array;
  minShares: Float64Array;
}

/** The list of a view each kind goes to (a bridged opening goes to the view's bridges instead). */
const listOfKind: Record<ResourceKind, number> = { housing: housingList, mentor: mentorList, training: trainingList, opening: freeOpeningList };

/** What a view needs of every candidate, worked out once for all the participant's views. */
interface PerCandidate {
  /** The list of its kind (listOfKind). */
  list: Uint8Array;
  /** Trainings allowed beside each candidate that is a bridged opening; undefined otherwise. */
  bridgedBy: (ReadonlySet<string> | undefined)[];
}

interface Builder {
  viewStart: number[]; viewRegion: (string | undefined)[]; viewRelocating: number[]; listStart: number[]; members: number[];
  bridgeStart: number[]; bridgeOpening: number[]; bridgeTrainingStart: number[]; bridgeTrainings: number[];
}

export function flatten(prepared: PreparedProblem, gain: (c: Candidate) => number): FlatProblem {
  const { problem } = prepared;
  const position = new Map(problem.resources.map((r, i) => [r.id, i]));
  const candidates: Candidate[] = [];
  const candidateStart = new Int32Array(problem.participants.length + 1);
  problem.participants.forEach((participant, p) => {
    for (const c of prepared.byParticipant.get(participant.id) ?? []) candidates.push(c);
    candidateStart[p + 1] = candidates.length;
  });
  const each: PerCandidate = { list: typedOf(Uint8Array, candidates, (c) => listOfKind[c.resource.kind]), bridgedBy: bridgedOpenings(prepared, candidates) };
  const b: Builder = {
    viewStart: [], viewRegion: [], viewRelocating: [], listStart: [], members: [],
    bridgeStart: [], bridgeOpening: [], bridgeTrainingStart: [], bridgeTrainings: [],
  };
  problem.participants.forEach((participant, p) => {
    b.viewStart.push(b.viewRegion.length);
    const regions = prepared.acceptedRegions.get(participant.id) ?? [undefined];
    for (const region of regions) addView(b, candidates, each, candidateStart[p]!, candidateStart[p + 1]!, region, region !== regions[0]);
  });
  b.viewStart.push(b.viewRegion.length);
  b.listStart.push(b.members.length);
  b.bridgeStart.push(b.bridgeOpening.length);
  b.bridgeTrainingStart.push(b.bridgeTrainings.length);
  const shares = problem.policy.priorityShare;
  return {
    participantIds: problem.participants.map((p) => p.id),
    candidates,
    resource: typedOf(Int32Array, candidates, (c) => position.get(c.resource.id)!),
    gain: typedOf(Float64Array, candidates, gain),
    load: typedOf(Float64Array, candidates, (c) => c.load),
    capacity: Float64Array.from(problem.resources, (r) => r.capacity),
    candidateStart,
    viewStart: Int32Array.from(b.viewStart), viewRegion: b.viewRegion, viewRelocating: Uint8Array.from(b.viewRelocating),
    listStart: Int32Array.from(b.listStart), members: Int32Array.from(b.members),
    bridgeStart: Int32Array.from(b.bridgeStart), bridgeOpening: Int32Array.from(b.bridgeOpening),
    bridgeTrainingStart: Int32Array.from(b.bridgeTrainingStart), bridgeTrainings: Int32Array.from(b.bridgeTrainings),
    bonus: typedOf(Float64Array, problem.participants, (p) => problem.policy.waitingBonusPerDay * p.waitingDays),
    membership: Uint8Array.from(problem.participants.flatMap((p) => shares.map((s) => (p.priorityGroups.includes(s.group) ? 1 : 0)))),
    minShares: Float64Array.from(shares, (s) => s.minShare),
  };
}

/**
 * Per candidate, when it is an opening its participant reaches by a bridge, the trainings that
 * may carry it: the intersection of its bridges. Found by participant then opening, once per
 * candidate rather than once per region view (the national round has 28,000 views).
 */
function bridgedOpenings(prepared: PreparedProblem, candidates: readonly Candidate[]): (ReadonlySet<string> | undefined)[] {
  const byParticipant = new Map<string, Map<string, Set<string>>>();
  for (const bridge of prepared.problem.bridges) {
    let mine = byParticipant.get(bridge.participant);
    if (!mine) byParticipant.set(bridge.participant, (mine = new Map()));
    const before = mine.get(bridge.opening);
    mine.set(bridge.opening, before ? new Set(bridge.trainings.filter((t) => before.has(t))) : new Set(bridge.trainings));
  }
  return candidates.map((c) => (c.resource.kind === 'opening' ? byParticipant.get(c.participant)?.get(c.resource.id) : undefined));
}

/** The lists of one region view of a participant's candidates from … to − 1, in one pass over them. */
function addView(
  b: Builder, candidates: readonly Candidate[], each: PerCandidate, from: number, to: number, region: string | undefined, relocating: boolean,
): void {
  const lists: number[][] = [[], [], [], []];
  const bridged: number[] = [];
  for (let i = from; i < to; i += 1) {
    const at = candidates[i]!.resource.region;
    const list = each.list[i]!;
    // Away from home, housing must be in the view's region; elsewhere a resource without one fits any.
    if (list === housingList && relocating) { if (at === region) lists[housingList]!.push(i); continue; }
    if (at !== undefined && region !== undefined && at !== region) continue;
    if (each.bridgedBy[i]) bridged.push(i);
    else lists[list]!.push(i);
  }
  const trainings = lists[trainingList]!;
  b.viewRegion.push(region);
  b.viewRelocating.push(relocating ? 1 : 0);
  for (const list of lists) {
    b.listStart.push(b.members.length);
    for (const i of list) b.members.push(i);
  }
  b.bridgeStart.push(b.bridgeOpening.length);
  for (const opening of bridged) {
    const allowed = each.bridgedBy[opening]!;
    b.bridgeOpening.push(opening);
    b.bridgeTrainingStart.push(b.bridgeTrainings.length);
    for (const t of trainings) if (allowed.has(candidates[t]!.resource.id)) b.bridgeTrainings.push(t);
  }
}

export { listsPerView };
