import { resourceKinds, type ResourceKind } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import { loadOf } from '../round/build-problem.js';
import type { RoundReport } from '../round/report.js';

/** A resource of the round with how much of it the plan uses. */
export interface ResourceState {
  id: string;
  kind: ResourceKind;
  region: string | null;
  capacity: number;
  used: number;
  /** No eligible participant fits in what is left: remaining < the lightest eligible load. */
  full: boolean;
  /** Participants eligible for it. */
  candidates: number;
  /** Participants who lacked this kind because eligible resources, this one among them, were full. */
  blockedDemand: number;
}

/** Per resource id: how many participants are eligible for it and the lightest load among them. */
export function eligibleDemand(pool: Pool, eligibility: PoolEligibility): Map<string, { candidates: number; lightest: number }> {
  const demand = new Map<string, { candidates: number; lightest: number }>();
  pool.participants.forEach((participant, p) => {
    for (const kind of resourceKinds) {
      for (const position of eligibility.participants[p]!.byKind[kind].eligible) {
        const resource = eligibility.index.resources[position]!;
        const load = loadOf(participant, resource);
        const entry = demand.get(resource.item.id);
        if (entry) {
          entry.candidates += 1;
          entry.lightest = Math.min(entry.lightest, load);
        } else demand.set(resource.item.id, { candidates: 1, lightest: load });
      }
    }
  });
  return demand;
}

function blockedDemand(report: RoundReport): Map<string, number> {
  const demand = new Map<string, number>();
  for (const participant of report.participants) {
    for (const missing of participant.missing) {
      if (missing.reason !== 'capacity') continue;
      for (const id of missing.fullResources) demand.set(id, (demand.get(id) ?? 0) + 1);
    }
  }
  return demand;
}

export function resourceStates(report: RoundReport, eligible: ReadonlyMap<string, { candidates: number; lightest: number }>): ResourceState[] {
  const blocked = blockedDemand(report);
  return report.resources.map((use) => {
    const demand = eligible.get(use.resource);
    return {
      id: use.resource,
      kind: use.kind,
      region: use.region ?? null,
      capacity: use.capacity,
      used: use.used,
      full: demand !== undefined && use.remaining < demand.lightest,
      candidates: demand?.candidates ?? 0,
      blockedDemand: blocked.get(use.resource) ?? 0,
    };
  });
}

/** Resources of one kind in one region (`null`: bound to no region): the unit of a marginal value. */
export interface CapacityGroup {
  kind: ResourceKind;
  region: string | null;
  resources: ResourceState[];
}

/** Groups by kind and region, in a stable order (kind, then region, unbound last). */
export function capacityGroups(states: readonly ResourceState[]): CapacityGroup[] {
  const groups = new Map<string, CapacityGroup>();
  for (const state of states) {
    const key = `${state.kind}\u0000${state.region ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: state.kind, region: state.region, resources: [] }));
    group.resources.push(state);
  }
  const kindOrder: ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];
  return [...groups.values()].sort((a, b) =>
    kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind)
    || (a.region === null ? 1 : 0) - (b.region === null ? 1 : 0)
    || (a.region ?? '').localeCompare(b.region ?? ''));
}

/**
 * The full resources of a group worth one more unit first: most capacity-blocked
 * participants, then most eligible participants, then report order.
 */
export function mostWanted(group: CapacityGroup, count: number): ResourceState[] {
  return group.resources
    .map((state, order) => ({ state, order }))
    .filter(({ state }) => state.full)
    .sort((a, b) => b.state.blockedDemand - a.state.blockedDemand || b.state.candidates - a.state.candidates || a.order - b.order)
    .slice(0, count)
    .map(({ state }) => state);
}
