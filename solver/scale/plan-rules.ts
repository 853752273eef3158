import { resourceKinds } from '../problem.js';
import type { ResourceKind } from '../problem.js';
import type { Assignment, SolveResult, SolveStats } from '../result.js';
import { isPlacing, pairKey } from '../exact/prepared-problem.js';
import type { Candidate, PreparedProblem } from '../exact/prepared-problem.js';
import type { GreedyPlan } from './greedy.js';

const tolerance = 1e-6;

/**
 * The rules of the placement model (DESIGN.md §3) read directly on a plan, without building
 * the 0-1 programme: at most one resource of each kind (exactly one for policy.requireOne), a
 * candidate pair only, capacities, one accepted region with region-bound resources in it,
 * housing where relocating, language bridges, require and forbid overrides, priority shares.
 * Returns the rules broken (empty: the plan holds). Tests hold it to the exact model's rows.
 */
export function brokenRules(prepared: PreparedProblem, plan: GreedyPlan): string[] {
  const { problem } = prepared;
  const broken: string[] = [];
  const candidates = new Set(prepared.candidates);
  const held = new Map<string, Candidate[]>();
  const used = new Map<string, number>();
  for (const c of plan.chosen) {
    if (!candidates.has(c)) broken.push(`${c.participant} → ${c.resource.id} is not a candidate pair`);
    held.set(c.participant, [...(held.get(c.participant) ?? []), c]);
    used.set(c.resource.id, (used.get(c.resource.id) ?? 0) + c.load);
  }
  for (const [resource, load] of used) if (load > prepared.resources.get(resource)!.capacity + tolerance) broken.push(`capacity of ${resource}`);
  for (const participant of problem.participants) broken.push(...participantRules(prepared, plan, participant.id, held.get(participant.id) ?? []));
  broken.push(...bridgeAndOverrideRules(prepared, held), ...shareRules(prepared, held));
  return broken;
}

function participantRules(prepared: PreparedProblem, plan: GreedyPlan, participant: string, mine: readonly Candidate[]): string[] {
  const broken: string[] = [];
  const required = new Set(prepared.problem.policy.requireOne);
  for (const kind of resourceKinds) {
    const count = mine.filter((c) => c.resource.kind === kind).length;
    if (count > 1 || (required.has(kind) && count !== 1)) broken.push(`${kind} of ${participant}`);
  }
  const accepted = prepared.acceptedRegions.get(participant);
  const region = plan.regions.get(participant) ?? accepted?.[0];
  if (accepted === undefined) return plan.regions.has(participant) ? [...broken, `region of ${participant}`] : broken;
  if (region === undefined || !accepted.includes(region)) return [...broken, `region of ${participant}`];
  if (mine.some((c) => c.resource.region !== undefined && c.resource.region !== region)) broken.push(`resources of ${participant} outside ${region}`);
  if (region !== accepted[0] && !mine.some((c) => c.resource.kind === 'housing' && c.resource.region === region)) broken.push(`housing of ${participant} in ${region}`);
  return broken;
}

function bridgeAndOverrideRules(prepared: PreparedProblem, held: ReadonlyMap<string, Candidate[]>): string[] {
  const broken: string[] = [];
  const holds = (participant: string, resource: string) => (held.get(participant) ?? []).some((c) => c.resource.id === resource);
  for (const bridge of prepared.problem.bridges) {
    if (holds(bridge.participant, bridge.opening) && !bridge.trainings.some((t) => holds(bridge.participant, t))) broken.push(`bridge of ${bridge.participant} to ${bridge.opening}`);
  }
  for (const o of prepared.problem.overrides) {
    if ((o.action === 'require') !== holds(o.participant, o.resource)) broken.push(`${o.action} override of ${o.participant} and ${o.resource}`);
  }
  return broken;
}

function shareRules(prepared: PreparedProblem, held: ReadonlyMap<string, Candidate[]>): string[] {
  const placed = prepared.problem.participants.filter((p) => (held.get(p.id) ?? []).some((c) => isPlacing(c.resource.kind)));
  return prepared.problem.policy.priorityShare
    .filter((share) => placed.reduce((slack, p) => slack + (p.priorityGroups.includes(share.group) ? 1 : 0) - share.minShare, 0) < -tolerance)
    .map((share) => `priority share of ${share.group}`);
}

/** Σ score + stability bonus of kept published pairs + waiting bonus of placed participants − penalty·|previous|. */
export function planObjective(prepared: PreparedProblem, plan: GreedyPlan): number {
  const { policy, participants } = prepared.problem;
  const previous = new Set(policy.previous.map((pair) => pairKey(pair.participant, pair.resource)));
  const placed = new Set(plan.chosen.filter((c) => isPlacing(c.resource.kind)).map((c) => c.participant));
  let value = -policy.stabilityPenalty * policy.previous.length;
  for (const c of plan.chosen) value += c.score + (previous.has(pairKey(c.participant, c.resource.id)) ? policy.stabilityPenalty : 0);
  for (const p of participants) if (placed.has(p.id)) value += policy.waitingBonusPerDay * p.waitingDays;
  return value;
}

/** A plan that breaks no rule, as a result with its gap to `bound`; undefined when it breaks one. */
export function ruleCheckedPlan(prepared: PreparedProblem, plan: GreedyPlan, bound: number, stats: SolveStats): SolveResult | undefined {
  if (brokenRules(prepared, plan).length > 0) return undefined;
  const objective = planObjective(prepared, plan);
  const gap = Math.max(0, bound - objective) / Math.max(1, Math.abs(objective));
  const assignments: Assignment[] = plan.chosen.map((c) => ({ participant: c.participant, resource: c.resource.id, kind: c.resource.kind as ResourceKind, score: c.score }));
  const regions: Record<string, string> = {};
  for (const [participant, accepted] of prepared.acceptedRegions) regions[participant] = plan.regions.get(participant) ?? accepted[0]!;
  return { status: gap <= 1e-9 ? 'optimal' : 'feasible', objective, gap: gap <= 1e-9 ? 0 : gap, assignments, regions, conflicts: [], stats };
}
