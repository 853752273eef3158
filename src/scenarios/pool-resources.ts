import type { ResourceKind } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import type { PoolResource, TaggedItem } from '../scoring/scorer.js';

/**
 * A uniform view of the four kinds of resource of a pool as far as capacity goes:
 * seats of a training session or an opening, places of a housing unit, free caseload
 * of a mentor (cap minus current caseload). Scenarios read and write capacity only
 * through this view, so each kind's own field stays in one place.
 */
export interface CapacityHandle {
  id: string;
  kind: ResourceKind;
  /** Absent: bound to no region. */
  region?: string;
  /** Index in the pool's list of that kind: "the last ones in pool order" is defined by it. */
  index: number;
  free: number;
}

const listKey = {
  mentor: 'mentors',
  training: 'trainingSessions',
  opening: 'openings',
  housing: 'housingUnits',
} as const satisfies Record<ResourceKind, keyof Pool>;

export function resourceList(pool: Pool, kind: ResourceKind): { id: string; region?: string }[] {
  return pool[listKey[kind]];
}

function freeCapacity(pool: Pool, kind: ResourceKind, index: number): number {
  switch (kind) {
    case 'mentor': {
      const mentor = pool.mentors[index]!;
      return Math.max(0, mentor.caseloadCap - mentor.currentCaseload);
    }
    case 'training': return pool.trainingSessions[index]!.seats;
    case 'opening': return pool.openings[index]!.seats;
    case 'housing': return pool.housingUnits[index]!.places;
  }
}

/** Adds `delta` to the free capacity of a resource (which must belong to the scenario's own copy). */
export function addCapacityTo(resource: TaggedItem, delta: number): void {
  switch (resource.kind) {
    case 'mentor': resource.item.caseloadCap += delta; return;
    case 'training': resource.item.seats += delta; return;
    case 'opening': resource.item.seats += delta; return;
    case 'housing': resource.item.places += delta; return;
  }
}

export function addCapacity(pool: Pool, kind: ResourceKind, index: number, delta: number): void {
  switch (kind) {
    case 'mentor': addCapacityTo({ kind, item: pool.mentors[index]! }, delta); return;
    case 'training': addCapacityTo({ kind, item: pool.trainingSessions[index]! }, delta); return;
    case 'opening': addCapacityTo({ kind, item: pool.openings[index]! }, delta); return;
    case 'housing': addCapacityTo({ kind, item: pool.housingUnits[index]! }, delta); return;
  }
}

/**
 * Resources that can take participants in a round: withdrawn or filled openings are left
 * out of groups (a change may still name one by id).
 */
function inService(pool: Pool, kind: ResourceKind, index: number): boolean {
  return kind !== 'opening' || pool.openings[index]!.status === 'open';
}

export function capacityHandles(pool: Pool, kind: ResourceKind): CapacityHandle[] {
  return resourceList(pool, kind).map((r, index) => ({
    id: r.id,
    kind,
    ...(r.region === undefined ? {} : { region: r.region }),
    index,
    free: freeCapacity(pool, kind, index),
  }));
}

/** The group of a kind in a region (`null`: bound to no region), in pool order. */
export function groupHandles(pool: Pool, kind: ResourceKind, region: string | null): CapacityHandle[] {
  return capacityHandles(pool, kind)
    .filter((h) => (h.region ?? null) === region && inService(pool, kind, h.index));
}

export function findResource(pool: Pool, id: string): CapacityHandle | undefined {
  for (const kind of Object.keys(listKey) as ResourceKind[]) {
    const handle = capacityHandles(pool, kind).find((h) => h.id === id);
    if (handle) return handle;
  }
  return undefined;
}

/** Every region the pool speaks of: where people live or would move, and where resources are. */
export function knownRegions(pool: Pool): Set<string> {
  const regions = new Set<string>();
  for (const p of pool.participants) {
    if (p.homeRegion) regions.add(p.homeRegion);
    for (const r of p.relocation.regions) regions.add(r);
  }
  for (const kind of Object.keys(listKey) as ResourceKind[]) {
    for (const r of resourceList(pool, kind)) if (r.region) regions.add(r.region);
  }
  return regions;
}
