import type { ResourceKind } from '../../solver/problem.js';
import { resourceKinds } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import type { PoolResource, TaggedItem } from '../scoring/scorer.js';
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

/**
 * A resource with its dates as day numbers, built the one way: every resource then has the same
 * shape, and the rules read it for millions of pairs.
 */
export function poolResource(tagged: TaggedItem): PoolResource {
  return { kind: tagged.kind, item: tagged.item, days: daysOf(tagged) } as PoolResource;
}

export function poolResources(pool: Pool): PoolResource[] {
  return [
    ...pool.mentors.map((item) => poolResource({ kind: 'mentor', item })),
    ...pool.trainingSessions.map((item) => poolResource({ kind: 'training', item })),
    ...pool.openings.map((item) => poolResource({ kind: 'opening', item })),
    ...pool.housingUnits.map((item) => poolResource({ kind: 'housing', item })),
  ];
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
