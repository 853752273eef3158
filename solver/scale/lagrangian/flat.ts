import type { ResourceKind } from '../../problem.js';
import { pairKey } from '../../exact/prepared-problem.js';
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

class IntList {
  values: number[] = [];
  push(value: number): void { this.values.push(value); }
  get length(): number { return this.values.length; }
  toArray(): Int32Array { return Int32Array.from(this.values); }
}

interface Builder {
  viewStart: IntList; viewRegion: (string | undefined)[]; viewRelocating: IntList; listStart: IntList; members: IntList;
  bridgeStart: IntList; bridgeOpening: IntList; bridgeTrainingStart: IntList; bridgeTrainings: IntList;
}

export function flatten(prepared: PreparedProblem, gain: (c: Candidate) => number): FlatProblem {
  const { problem } = prepared;
  const position = new Map(problem.resources.map((r, i) => [r.id, i]));
  const candidates: Candidate[] = [];
  const byParticipant: number[][] = problem.participants.map((participant) => (prepared.byParticipant.get(participant.id) ?? []).map((c) => {
    candidates.push(c);
    return candidates.length - 1;
  }));
  const bridges = bridgeTrainingsByPair(prepared);
  const b: Builder = {
    viewStart: new IntList(), viewRegion: [], viewRelocating: new IntList(), listStart: new IntList(), members: new IntList(),
    bridgeStart: new IntList(), bridgeOpening: new IntList(), bridgeTrainingStart: new IntList(), bridgeTrainings: new IntList(),
  };
  problem.participants.forEach((participant, p) => {
    b.viewStart.push(b.viewRegion.length);
    const regions = prepared.acceptedRegions.get(participant.id) ?? [undefined];
    for (const region of regions) addView(b, candidates, byParticipant[p]!, bridges, participant.id, region, region !== regions[0]);
  });
  b.viewStart.push(b.viewRegion.length);
  b.listStart.push(b.members.length);
  b.bridgeStart.push(b.bridgeOpening.length);
  b.bridgeTrainingStart.push(b.bridgeTrainings.length);
  const shares = problem.policy.priorityShare;
  return {
    participantIds: problem.participants.map((p) => p.id),
    candidates,
    resource: Int32Array.from(candidates, (c) => position.get(c.resource.id)!),
    gain: Float64Array.from(candidates, gain),
    load: Float64Array.from(candidates, (c) => c.load),
    capacity: Float64Array.from(problem.resources, (r) => r.capacity),
    candidateStart: candidateStarts(byParticipant),
    viewStart: b.viewStart.toArray(), viewRegion: b.viewRegion, viewRelocating: Uint8Array.from(b.viewRelocating.values),
    listStart: b.listStart.toArray(), members: b.members.toArray(),
    bridgeStart: b.bridgeStart.toArray(), bridgeOpening: b.bridgeOpening.toArray(),
    bridgeTrainingStart: b.bridgeTrainingStart.toArray(), bridgeTrainings: b.bridgeTrainings.toArray(),
    bonus: Float64Array.from(problem.participants, (p) => problem.policy.waitingBonusPerDay * p.waitingDays),
    membership: Uint8Array.from(problem.participants.flatMap((p) => shares.map((s) => (p.priorityGroups.includes(s.group) ? 1 : 0)))),
    minShares: Float64Array.from(shares, (s) => s.minShare),
  };
}

/** Prefix sums of the participants' candidate counts: their candidates were numbered participant by participant. */
function candidateStarts(byParticipant: readonly (readonly number[])[]): Int32Array {
  const starts = new Int32Array(byParticipant.length + 1);
  byParticipant.forEach((mine, p) => { starts[p + 1] = starts[p]! + mine.length; });
  return starts;
}

/** Trainings that may carry each bridged (participant, opening) pair: the intersection of its bridges. */
function bridgeTrainingsByPair(prepared: PreparedProblem): Map<string, Set<string>> {
  const bridges = new Map<string, Set<string>>();
  for (const bridge of prepared.problem.bridges) {
    const key = pairKey(bridge.participant, bridge.opening);
    const before = bridges.get(key);
    bridges.set(key, before ? new Set(bridge.trainings.filter((t) => before.has(t))) : new Set(bridge.trainings));
  }
  return bridges;
}

function addView(
  b: Builder, candidates: readonly Candidate[], mine: readonly number[], bridges: ReadonlyMap<string, ReadonlySet<string>>,
  participant: string, region: string | undefined, relocating: boolean,
): void {
  const fits = (c: Candidate) => c.resource.region === undefined || region === undefined || c.resource.region === region;
  const ofKind = (kind: ResourceKind) => mine.filter((i) => candidates[i]!.resource.kind === kind && fits(candidates[i]!));
  const housing = mine.filter((i) => candidates[i]!.resource.kind === 'housing' && (relocating ? candidates[i]!.resource.region === region : fits(candidates[i]!)));
  const trainings = ofKind('training');
  const bridgedBy = (i: number) => bridges.get(pairKey(participant, candidates[i]!.resource.id));
  const openings = ofKind('opening');
  b.viewRegion.push(region);
  b.viewRelocating.push(relocating ? 1 : 0);
  for (const list of [housing, ofKind('mentor'), trainings, openings.filter((i) => !bridgedBy(i))]) {
    b.listStart.push(b.members.length);
    for (const i of list) b.members.push(i);
  }
  b.bridgeStart.push(b.bridgeOpening.length);
  for (const opening of openings) {
    const allowed = bridgedBy(opening);
    if (!allowed) continue;
    b.bridgeOpening.push(opening);
    b.bridgeTrainingStart.push(b.bridgeTrainings.length);
    for (const t of trainings) if (allowed.has(candidates[t]!.resource.id)) b.bridgeTrainings.push(t);
  }
}

export { listsPerView };
