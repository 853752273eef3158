import type { ResourceKind } from '../../solver/problem.js';
import { resourceKinds } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import type { PoolResource } from '../scoring/scorer.js';
import { daysOf } from './date-rules.js';

export interface KindIndex {
  /** Positions in `PoolIndex.resources` of resources not bound to a region. */
  unbound: number[];
  byRegion: Map<string, number[]>;
  total: number;
}

/** The pool's resources in one list, indexed by kind and region so that eligibility skips regions nobody accepts. */
export interface PoolIndex {
  resources: PoolResource[];
  position: Map<string, number>;
  kinds: Record<ResourceKind, KindIndex>;
  regions: string[];
}

/** The pool's resources, each with its dates as day numbers (every one with the same shape: rules read them for millions of pairs). */
export function poolResources(pool: Pool): PoolResource[] {
  const resources: PoolResource[] = [
    ...pool.mentors.map((item) => ({ kind: 'mentor', item }) as const),
    ...pool.trainingSessions.map((item) => ({ kind: 'training', item }) as const),
    ...pool.openings.map((item) => ({ kind: 'opening', item }) as const),
    ...pool.housingUnits.map((item) => ({ kind: 'housing', item }) as const),
  ];
  return resources.map((resource) => ({ kind: resource.kind, item: resource.item, days: daysOf(resource) }) as PoolResource);
}

/** Every region the pool mentions: where resources are and where participants live. */
export function poolRegions(pool: Pool): string[] {
  const regions = new Set<string>();
  for (const resource of poolResources(pool)) if (resource.item.region) regions.add(resource.item.region);
  for (const participant of pool.participants) if (participant.homeRegion) regions.add(participant.homeRegion);
  return [...regions].sort();
}

export function indexPool(pool: Pool): PoolIndex {
  const resources = poolResources(pool);
  const kinds = {} as Record<ResourceKind, KindIndex>;
  for (const kind of resourceKinds) kinds[kind] = { unbound: [], byRegion: new Map(), total: 0 };
  resources.forEach((resource, i) => {
    const entry = kinds[resource.kind];
    entry.total += 1;
    const region = resource.item.region;
    if (!region) entry.unbound.push(i);
    else {
      const list = entry.byRegion.get(region);
      if (list) list.push(i);
      else entry.byRegion.set(region, [i]);
    }
  });
  const position = new Map(resources.map((r, i) => [r.item.id, i]));
  return { resources, position, kinds, regions: poolRegions(pool) };
}
