import type { ResourceKind } from '../../solver/problem.js';
import { inChunks } from '../db/id-chunks.js';
import type { Client } from '../db/repositories/json-table.js';
import type { PrismaClient } from '../generated/prisma/client.js';

export interface ResourceCapacity {
  resource: string;
  kind: ResourceKind;
  region: string | null;
  /** Seats, places, or a mentor's caseload cap. */
  capacity: number;
  /** Taken by published rounds (for a mentor: the current caseload, which publications move). */
  used: number;
  remaining: number;
}

/** Published assignments per resource id: of every resource, or of `resourceIds` (any number of them). */
export async function publishedUse(client: Client, resourceIds?: readonly string[]): Promise<Map<string, number>> {
  const count = (where: object) => (client as PrismaClient).assignment.groupBy({
    by: ['resourceId'], where: { status: 'published', ...where }, _count: { _all: true },
  });
  const rows = resourceIds
    ? await inChunks(resourceIds, (chunk) => count({ resourceId: { in: chunk } }))
    : await count({});
  return new Map(rows.map((r) => [r.resourceId, r._count._all]));
}

const capacityOf = (resource: string, kind: ResourceKind, region: string | null, capacity: number, used: number): ResourceCapacity =>
  ({ resource, kind, region, capacity, used, remaining: Math.max(0, capacity - used) });

/** Capacity, use and room left of every resource (withdrawn openings have none left). */
export async function capacities(client: Client): Promise<ResourceCapacity[]> {
  const c = client as PrismaClient;
  const [used, mentors, trainings, openings, housing] = await Promise.all([
    publishedUse(client),
    c.mentor.findMany({ select: { id: true, region: true, caseloadCap: true, currentCaseload: true }, orderBy: { id: 'asc' } }),
    c.trainingSession.findMany({ select: { id: true, region: true, seats: true }, orderBy: { id: 'asc' } }),
    c.opening.findMany({ select: { id: true, region: true, seats: true, status: true }, orderBy: { id: 'asc' } }),
    c.housingUnit.findMany({ select: { id: true, region: true, places: true }, orderBy: { id: 'asc' } }),
  ]);
  const use = (id: string) => used.get(id) ?? 0;
  return [
    ...mentors.map((m) => capacityOf(m.id, 'mentor', m.region, m.caseloadCap, m.currentCaseload)),
    ...trainings.map((t) => capacityOf(t.id, 'training', t.region, t.seats, use(t.id))),
    ...openings.map((o) => capacityOf(o.id, 'opening', o.region, o.status === 'open' ? o.seats : use(o.id), use(o.id))),
    ...housing.map((h) => capacityOf(h.id, 'housing', h.region, h.places, use(h.id))),
  ];
}
