import type { ResourceKind } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import { groupHandles, capacityHandles, resourceList, type CapacityHandle } from './pool-resources.js';

/** Size of a resource when new ones are modelled on it: a mentor's cap, others' capacity. */
function sizeOf(pool: Pool, handle: CapacityHandle): number {
  return handle.kind === 'mentor' ? pool.mentors[handle.index]!.caseloadCap : handle.free;
}

/**
 * The group's typical resource: the one of median size (a mentor's caseload cap, the others'
 * seats or places; lower median, ties in pool order). When the region has none of that kind, the kind's typical resource
 * nationwide stands in, moved to the region. Undefined when the pool has none at all.
 */
export function typicalResource(pool: Pool, kind: ResourceKind, region: string | null): CapacityHandle | undefined {
  let group = groupHandles(pool, kind, region);
  if (group.length === 0) group = capacityHandles(pool, kind).filter((h) => kind !== 'opening' || pool.openings[h.index]!.status === 'open');
  if (group.length === 0) return undefined;
  const sorted = [...group].sort((a, b) => sizeOf(pool, a) - sizeOf(pool, b) || a.index - b.index);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function unusedId(pool: Pool, kind: ResourceKind): string {
  const taken = new Set<string>();
  for (const k of ['mentor', 'training', 'opening', 'housing'] as const) {
    for (const r of resourceList(pool, k)) taken.add(r.id);
  }
  for (let n = 1; ; n += 1) {
    const id = `scenario-${kind}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A copy of `template` under a new id, in `region`, with all of its capacity free. */
function copyOf<T extends { id: string; region?: string }>(template: T, id: string, region: string | null): T {
  const copy = structuredClone(template);
  copy.id = id;
  if (region === null) delete copy.region;
  else copy.region = region;
  return copy;
}

/** Appends a new resource like `template` to the pool (the scenario's own copy); returns its id. */
export function addResourceLike(pool: Pool, template: CapacityHandle, region: string | null): string {
  const id = unusedId(pool, template.kind);
  switch (template.kind) {
    case 'mentor': {
      const { displayName: _personal, ...mentor } = copyOf(pool.mentors[template.index]!, id, region);
      pool.mentors.push({ ...mentor, currentCaseload: 0 });
      break;
    }
    case 'training': pool.trainingSessions.push(copyOf(pool.trainingSessions[template.index]!, id, region)); break;
    case 'opening': pool.openings.push({ ...copyOf(pool.openings[template.index]!, id, region), status: 'open' }); break;
    case 'housing': {
      if (region === null) throw new Error('housing is always in a region');
      pool.housingUnits.push(copyOf(pool.housingUnits[template.index]!, id, region));
      break;
    }
  }
  return id;
}

/** Removes a resource from the pool (the scenario's own copy). */
export function removeResource(pool: Pool, kind: ResourceKind, index: number): void {
  switch (kind) {
    case 'mentor': pool.mentors.splice(index, 1); return;
    case 'training': pool.trainingSessions.splice(index, 1); return;
    case 'opening': pool.openings.splice(index, 1); return;
    case 'housing': pool.housingUnits.splice(index, 1); return;
  }
}
