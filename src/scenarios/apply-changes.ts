import type { ResourceKind } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import { RoundPolicy } from '../domain/policy.js';
import type { CapacityChange, PolicyOverrides } from '../domain/scenario.js';
import { addCapacity, findResource, groupHandles, knownRegions } from './pool-resources.js';
import { addResourceLike, removeResource, typicalResource } from './new-resources.js';
import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { spreadProportionally } from './spread.js';

/** What one change did to which resource; `null` capacity: the resource did not exist (before) or was removed (after). */
export interface ChangedResource {
  id: string;
  kind: ResourceKind;
  region?: string;
  before: number | null;
  after: number | null;
}

export interface AppliedChange {
  /** Index of the change in the request. */
  change: number;
  note?: string;
  summary: string;
  /** Total free capacity added (negative: removed). */
  capacityDelta: number;
  resources: ChangedResource[];
}

export interface AppliedScenario {
  pool: Pool;
  applied: AppliedChange[];
}

const units: Record<ResourceKind, string> = { mentor: 'caseload places', training: 'seats', opening: 'seats', housing: 'places' };
const nouns: Record<ResourceKind, [string, string]> = {
  mentor: ['mentor', 'mentors'],
  training: ['training session', 'training sessions'],
  opening: ['opening', 'openings'],
  housing: ['housing unit', 'housing units'],
};
const count = (kind: ResourceKind, n: number) => `${n} ${nouns[kind][Math.abs(n) === 1 ? 0 : 1]}`;

type Outcome = AppliedChange | ScenarioIssue;
const issue = (index: number, field: string, message: string): ScenarioIssue => ({ path: ['changes', index, field], message });
const where = (region: string | null) => (region === null ? 'bound to no region' : `in ${region}`);
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/**
 * Applies the changes, in order, to a copy of `base` (which is never modified) and the
 * policy overrides to the copy's policy. Each change sees the effect of the ones before
 * it. Every change that cannot apply is reported, by its path, in one ScenarioError.
 */
export function applyScenario(base: Pool, changes: readonly CapacityChange[], policy?: PolicyOverrides): AppliedScenario {
  // Participants are shared with the base, not copied (most of the copy's time in a batch of 50):
  // a capacity scenario changes resources and policy only, and nothing downstream writes to a participant.
  const pool: Pool = { ...structuredClone({ ...base, participants: [] }), participants: base.participants };
  const regions = knownRegions(base);
  const outcomes = changes.map((change, index) => applyChange(pool, regions, change, index));
  const issues = outcomes.filter((o): o is ScenarioIssue => 'path' in o);
  if (issues.length > 0) throw new ScenarioError(issues);
  if (policy) {
    pool.policy = RoundPolicy.parse({ ...pool.policy, ...policy, weights: { ...pool.policy.weights, ...policy.weights } });
  }
  return { pool, applied: outcomes as AppliedChange[] };
}

function applyChange(pool: Pool, regions: Set<string>, change: CapacityChange, index: number): Outcome {
  const outcome = change.resource !== undefined
    ? changeResource(pool, change, change.resource, index)
    : changeGroup(pool, regions, change, index);
  if ('path' in outcome || change.note === undefined) return outcome;
  return { ...outcome, note: change.note };
}

function changeResource(pool: Pool, change: CapacityChange, id: string, index: number): Outcome {
  const handle = findResource(pool, id);
  if (!handle) return issue(index, 'resource', `unknown resource "${id}"`);
  if (change.kind !== undefined && change.kind !== handle.kind) {
    return issue(index, 'kind', `resource "${id}" is a ${handle.kind}, not a ${change.kind}`);
  }
  if (handle.free + change.delta < 0) {
    return issue(index, 'delta', `cannot remove ${-change.delta} ${units[handle.kind]} from "${id}": it has ${handle.free} free`);
  }
  addCapacity(pool, handle.kind, handle.index, change.delta);
  const { index: _, free, ...identity } = handle;
  return {
    change: index,
    summary: `${signed(change.delta)} ${units[handle.kind]} on ${handle.kind} ${id}`,
    capacityDelta: change.delta,
    resources: [{ ...identity, before: free, after: free + change.delta }],
  };
}

function changeGroup(pool: Pool, regions: Set<string>, change: CapacityChange, index: number): Outcome {
  const kind = change.kind!;
  const region = change.region ?? null;
  if (region !== null && !regions.has(region)) return issue(index, 'region', `unknown region "${region}"`);
  if (region === null && (kind === 'housing' || kind === 'opening')) {
    return issue(index, 'region', `a ${kind} is always in a region`);
  }
  return change.unit === 'resources'
    ? changeResourceCount(pool, kind, region, change.delta, index)
    : spreadCapacity(pool, kind, region, change.delta, index);
}

function spreadCapacity(pool: Pool, kind: ResourceKind, region: string | null, delta: number, index: number): Outcome {
  const group = groupHandles(pool, kind, region);
  const free = group.reduce((sum, h) => sum + h.free, 0);
  if (group.length === 0) {
    return issue(index, 'region', `no ${kind} ${where(region)} to change the capacity of (unit "resources" adds new ones)`);
  }
  if (free + delta < 0) {
    return issue(index, 'delta', `cannot remove ${-delta} ${units[kind]} of ${kind} ${where(region)}: the group has ${free} free`);
  }
  const shares = spreadProportionally(Math.abs(delta), group.map((h) => h.free));
  const resources: ChangedResource[] = [];
  group.forEach((handle, i) => {
    const step = Math.sign(delta) * shares[i]!;
    if (step === 0) return;
    addCapacity(pool, kind, handle.index, step);
    resources.push({ id: handle.id, kind, ...(handle.region ? { region: handle.region } : {}), before: handle.free, after: handle.free + step });
  });
  return { change: index, summary: `${signed(delta)} ${units[kind]} of ${kind} ${where(region)}`, capacityDelta: delta, resources };
}

function changeResourceCount(pool: Pool, kind: ResourceKind, region: string | null, delta: number, index: number): Outcome {
  const summary = `${delta > 0 ? '+' : '-'}${count(kind, Math.abs(delta))} ${where(region)}`;
  if (delta < 0) {
    const group = groupHandles(pool, kind, region);
    if (group.length < -delta) {
      return issue(index, 'delta', `cannot remove ${count(kind, -delta)} ${where(region)}: the group has ${group.length}`);
    }
    const removed = group.slice(group.length + delta);
    for (const handle of [...removed].reverse()) removeResource(pool, kind, handle.index);
    const resources = removed.map(({ index: _, free, ...identity }) => ({ ...identity, before: free, after: null }));
    return { change: index, summary, capacityDelta: -removed.reduce((s, h) => s + h.free, 0), resources };
  }
  const template = typicalResource(pool, kind, region);
  if (!template) return issue(index, 'kind', `the pool has no ${kind} to model new ones on`);
  const resources: ChangedResource[] = [];
  for (let n = 0; n < delta; n += 1) {
    const id = addResourceLike(pool, template, region);
    const added = findResource(pool, id)!;
    resources.push({ id, kind, ...(added.region ? { region: added.region } : {}), before: null, after: added.free });
  }
  return { change: index, summary: `${summary}, like ${template.id}`, capacityDelta: resources.reduce((s, r) => s + r.after!, 0), resources };
}
