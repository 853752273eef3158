import type { ResourceKind } from '../../problem.js';
import type { Candidate, PreparedProblem } from '../../exact/prepared-problem.js';
import { pairKey } from '../../exact/prepared-problem.js';

/** A candidate with the position of its resource in problem.resources and its gain (score plus any stability bonus). */
export interface IndexedCandidate extends Candidate {
  index: number;
  gain: number;
}

/** One participant's candidates, indexed for the bundle search. */
export interface ParticipantCandidates {
  id: string;
  /** For each region the participant may live in (home first; one view without a home region), what fits there. */
  views: RegionView[];
  waitingDays: number;
  groups: readonly string[];
}

/** The candidates usable while living in `region`; housing already restricted to `region` when relocating. */
export interface RegionView {
  region: string | undefined;
  relocating: boolean;
  housing: IndexedCandidate[];
  mentors: IndexedCandidate[];
  trainings: IndexedCandidate[];
  freeOpenings: IndexedCandidate[];
  bridgedOpenings: { opening: IndexedCandidate; trainings: IndexedCandidate[] }[];
}

export interface Bundle {
  value: number;
  picks: IndexedCandidate[];
  placed: boolean;
  region: string | undefined;
}

export function participantCandidates(prepared: PreparedProblem, gain: (c: Candidate) => number): ParticipantCandidates[] {
  const position = new Map(prepared.problem.resources.map((r, i) => [r.id, i]));
  const bridges = new Map<string, Set<string>>();
  for (const bridge of prepared.problem.bridges) {
    const key = pairKey(bridge.participant, bridge.opening);
    const before = bridges.get(key);
    bridges.set(key, before ? new Set(bridge.trainings.filter((t) => before.has(t))) : new Set(bridge.trainings));
  }
  return prepared.problem.participants.map((participant) => {
    const candidates = prepared.byParticipant.get(participant.id) ?? [];
    const byKind: Record<ResourceKind, IndexedCandidate[]> = { mentor: [], training: [], opening: [], housing: [] };
    for (const c of candidates) byKind[c.resource.kind].push({ ...c, index: position.get(c.resource.id)!, gain: gain(c) });
    const bridged = new Map<string, Set<string>>();
    for (const opening of byKind.opening) {
      const trainings = bridges.get(pairKey(participant.id, opening.resource.id));
      if (trainings) bridged.set(opening.resource.id, trainings);
    }
    const regions = prepared.acceptedRegions.get(participant.id) ?? [undefined];
    const views = regions.map((region) => regionView(byKind, bridged, region, region !== regions[0]));
    return { id: participant.id, views, waitingDays: participant.waitingDays, groups: participant.priorityGroups };
  });
}

function regionView(
  byKind: Record<ResourceKind, IndexedCandidate[]>, bridged: ReadonlyMap<string, ReadonlySet<string>>, region: string | undefined, relocating: boolean,
): RegionView {
  const fits = (c: IndexedCandidate) => c.resource.region === undefined || region === undefined || c.resource.region === region;
  const trainings = byKind.training.filter(fits);
  const openings = byKind.opening.filter(fits);
  return {
    region,
    relocating,
    housing: byKind.housing.filter((h) => (relocating ? h.resource.region === region : fits(h))),
    mentors: byKind.mentor.filter(fits),
    trainings,
    freeOpenings: openings.filter((o) => !bridged.has(o.resource.id)),
    bridgedOpenings: openings.filter((o) => bridged.has(o.resource.id)).map((opening) => ({
      opening, trainings: trainings.filter((t) => bridged.get(opening.resource.id)!.has(t.resource.id)),
    })),
  };
}

export type Worth = (candidate: IndexedCandidate) => number;
interface Choice { value: number; picks: IndexedCandidate[] }
const none: Choice = { value: 0, picks: [] };
const impossible: Choice = { value: -Infinity, picks: [] };

function best(candidates: readonly IndexedCandidate[], worth: Worth): Choice {
  let value = -Infinity;
  let chosen: IndexedCandidate | undefined;
  for (const c of candidates) {
    const w = worth(c);
    if (w > value) [value, chosen] = [w, c];
  }
  return chosen ? { value, picks: [chosen] } : impossible;
}

const join = (a: Choice, b: Choice): Choice => ({ value: a.value + b.value, picks: [...a.picks, ...b.picks] });
const better = (a: Choice, b: Choice): Choice => (b.value > a.value ? b : a);

/**
 * The best training-and-opening choice with at least one of them: a training alone, an
 * opening without a bridge alone or with the best training, or a bridged opening with the
 * best training of its bridge.
 */
function trainingAndOpening(view: RegionView, worth: Worth): Choice {
  const training = best(view.trainings, worth);
  const free = best(view.freeOpenings, worth);
  let choice = better(better(training, free), join(training, free));
  for (const { opening, trainings } of view.bridgedOpenings) {
    const value = worth(opening);
    if (value === -Infinity) continue;
    choice = better(choice, join({ value, picks: [opening] }, best(trainings, worth)));
  }
  return choice;
}

/**
 * The participant's best bundle under `worth` (score minus prices): a region, at most one
 * resource of each kind, housing in any region other than home, bridges respected, and
 * `placedWeight` (waiting bonus and priority-share multipliers) when a mentor, training or
 * opening is among them. Exact: this is the Lagrangian subproblem. A worth of −∞ excludes.
 */
export function bestBundle(p: ParticipantCandidates, worth: Worth, placedWeight: number): Bundle {
  let result: Bundle = { value: -Infinity, picks: [], placed: false, region: undefined };
  for (const view of p.views) {
    const housing = view.relocating ? best(view.housing, worth) : better(none, best(view.housing, worth));
    if (housing.value === -Infinity) continue;
    const mentor = best(view.mentors, worth);
    const pair = trainingAndOpening(view, worth);
    const placing = better(join(mentor, better(none, pair)), join(better(none, mentor), pair));
    const placed = placing.value + placedWeight > 0;
    const total = join(housing, placed ? { value: placing.value + placedWeight, picks: placing.picks } : none);
    if (total.value > result.value) result = { value: total.value, picks: total.picks, placed, region: view.region };
  }
  return result;
}
