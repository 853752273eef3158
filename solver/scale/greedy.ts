import type { Problem, ProblemParticipant, ResourceKind } from '../problem.js';
import { isPlacing, pairKey } from '../exact/prepared-problem.js';
import type { Candidate, PreparedProblem } from '../exact/prepared-problem.js';

/** A plan built one participant at a time: chosen candidates and the region each lives in. */
export interface GreedyPlan {
  chosen: Candidate[];
  regions: Map<string, string>;
}

/** Trainings before openings, so that a bridged opening can see which training was taken. */
const kindOrder: readonly ResourceKind[] = ['training', 'mentor', 'housing', 'opening'];

interface Context {
  prepared: PreparedProblem;
  remaining: Map<string, number>;
  requires: Map<string, Set<string>>;
  previous: Set<string>;
  bridges: Map<string, string[][]>;
  waitingDays: Map<string, number>;
}

/**
 * Participants with a require override first, then in order; each takes, in the region
 * where it gains most, the best candidate of each kind that still has room (a kind of
 * policy.requireOne even at a loss), keeping bridges and housing for relocation.
 * Not optimal, and it may break a priority share: the caller checks it against the model.
 */
export function greedyPlan(prepared: PreparedProblem): GreedyPlan {
  const context = contextOf(prepared);
  const plan: GreedyPlan = { chosen: [], regions: new Map() };
  const rank = (p: ProblemParticipant) => (context.requires.has(p.id) ? 2 : 0) + (inPriorityGroup(prepared.problem, p) ? 1 : 0);
  const order = [...prepared.problem.participants].sort((a, b) => rank(b) - rank(a));
  for (const participant of order) {
    const regions = prepared.acceptedRegions.get(participant.id) ?? [undefined];
    const options = regions.map((region) => optionIn(context, participant.id, region, regions[0]));
    const best = options.reduce((a, b) => (b && (!a || b.value > a.value) ? b : a), undefined);
    if (!best) continue;
    for (const candidate of best.picks) {
      context.remaining.set(candidate.resource.id, (context.remaining.get(candidate.resource.id) ?? 0) - candidate.load);
    }
    plan.chosen.push(...best.picks);
    if (best.region !== undefined) plan.regions.set(participant.id, best.region);
  }
  return plan;
}

function inPriorityGroup(problem: Problem, participant: ProblemParticipant): boolean {
  return problem.policy.priorityShare.some((share) => share.minShare > 0 && participant.priorityGroups.includes(share.group));
}

function contextOf(prepared: PreparedProblem): Context {
  const { problem } = prepared;
  const requires = new Map<string, Set<string>>();
  for (const o of problem.overrides) if (o.action === 'require') requires.set(o.participant, new Set([...(requires.get(o.participant) ?? []), o.resource]));
  const bridges = new Map<string, string[][]>();
  for (const b of problem.bridges) {
    const key = pairKey(b.participant, b.opening);
    bridges.set(key, [...(bridges.get(key) ?? []), b.trainings]);
  }
  return {
    prepared,
    remaining: new Map(problem.resources.map((r) => [r.id, r.capacity])),
    requires,
    previous: new Set(problem.policy.previous.map((pair) => pairKey(pair.participant, pair.resource))),
    bridges,
    waitingDays: new Map(problem.participants.map((p) => [p.id, p.waitingDays])),
  };
}

interface Option {
  region: string | undefined;
  picks: Candidate[];
  value: number;
}

function optionIn(context: Context, participant: string, region: string | undefined, home: string | undefined): Option | undefined {
  const { problem } = context.prepared;
  const required = context.requires.get(participant) ?? new Set<string>();
  const fits = (c: Candidate) => (c.resource.region === undefined || region === undefined || c.resource.region === region)
    && (context.remaining.get(c.resource.id) ?? 0) >= c.load;
  const candidates = (context.prepared.byParticipant.get(participant) ?? []).filter(fits);
  if ([...required].some((resource) => !candidates.some((c) => c.resource.id === resource))) return undefined;
  const worth = (c: Candidate) => c.score + (context.previous.has(pairKey(participant, c.resource.id)) ? problem.policy.stabilityPenalty : 0);
  const picks: Candidate[] = [];
  for (const kind of kindOrder) {
    const mustTake = problem.policy.requireOne.includes(kind) || (kind === 'housing' && region !== home);
    const open = candidates.filter((c) => c.resource.kind === kind && (kind !== 'housing' || region === home || c.resource.region === region)
      && bridgeOpen(context, participant, c, picks));
    const forced = open.find((c) => required.has(c.resource.id));
    const best = forced ?? open.reduce<Candidate | undefined>((a, c) => (!a || worth(c) > worth(a) ? c : a), undefined);
    if (best && (forced || mustTake || worth(best) > 0)) picks.push(best);
    else if (mustTake) return undefined;
  }
  const placed = picks.some((c) => isPlacing(c.resource.kind));
  const bonus = placed ? problem.policy.waitingBonusPerDay * (context.waitingDays.get(participant) ?? 0) : 0;
  return { region, picks, value: picks.reduce((sum, c) => sum + worth(c), bonus) };
}

/** An opening under a language bridge only with one of the bridge's trainings already taken. */
function bridgeOpen(context: Context, participant: string, candidate: Candidate, picks: readonly Candidate[]): boolean {
  if (candidate.resource.kind !== 'opening') return true;
  const bridges = context.bridges.get(pairKey(participant, candidate.resource.id)) ?? [];
  return bridges.every((trainings) => picks.some((c) => trainings.includes(c.resource.id)));
}
