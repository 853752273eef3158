import type { Pool } from '../domain/pool.js';
import type { RoundPolicy } from '../domain/policy.js';
import type { Employer } from '../domain/opening.js';
import { inChunks } from '../db/id-chunks.js';
import type { Client } from '../db/repositories/json-table.js';
import { findAll } from '../db/repositories/json-table.js';
import { housingUnits, mentors, openings, participants, trainingSessions } from '../db/repositories/stores.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { publishedUse } from './capacity.js';
import type { PoolFilters } from './round-schemas.js';

/** The filters but `participantIds`, which can be too long for one statement (see filteredParticipants). */
function participantWhere(filters: PoolFilters): object {
  return {
    ...(filters.regions ? { homeRegion: { in: filters.regions } } : {}),
    // Tags are stored as a JSON array: a quoted tag matches exactly one element.
    ...(filters.programmeTags ? { OR: filters.programmeTags.map((tag) => ({ programmeTags: { contains: JSON.stringify(tag) } })) } : {}),
    ...(filters.includePlaced ? {} : { assignments: { none: { status: 'published' } } }),
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The participants the filters select, in id order; named ones (up to 20,000) are read a slice of ids at a time. */
async function filteredParticipants(client: Client, filters: PoolFilters) {
  const where = participantWhere(filters);
  if (!filters.participantIds) return findAll(client, participants, where);
  const found = await inChunks(filters.participantIds, (chunk) => findAll(client, participants, { ...where, id: { in: chunk } }));
  return found.sort(byId);
}

const regionWhere = (filters: PoolFilters) =>
  (filters.resourceRegions ? { OR: [{ region: { in: filters.resourceRegions } }, { region: null }] } : {});

/**
 * The pool a round works on, read from the live data: the filtered participants and the
 * resources with the room published rounds left them (a mentor's caseload already counts them).
 */
export async function buildPool(client: Client, name: string, filters: PoolFilters, policy: RoundPolicy): Promise<Pool> {
  const resourceWhere = regionWhere(filters);
  const housingWhere = filters.resourceRegions ? { region: { in: filters.resourceRegions } } : {};
  const [people, mentorList, trainings, openingList, housing, used] = await Promise.all([
    filteredParticipants(client, filters),
    findAll(client, mentors, resourceWhere),
    findAll(client, trainingSessions, resourceWhere),
    findAll(client, openings, { ...(filters.resourceRegions ? { region: { in: filters.resourceRegions } } : {}), status: 'open' }),
    findAll(client, housingUnits, housingWhere),
    publishedUse(client),
  ]);
  const left = (id: string, capacity: number) => Math.max(0, capacity - (used.get(id) ?? 0));
  const employerIds = openingList.map((o) => o.employerId);
  const employerRows = await inChunks(employerIds, (chunk) => (client as PrismaClient).employer.findMany({ where: { id: { in: chunk } } }));
  const employers: Employer[] = employerRows.sort(byId).map((e) => ({ id: e.id, name: e.name, ...(e.region ? { region: e.region } : {}) }));
  const referenceDate = policy.referenceDate ?? new Date().toISOString().slice(0, 10);
  return {
    name,
    referenceDate,
    participants: people,
    mentors: mentorList,
    trainingSessions: trainings.map((t) => ({ ...t, seats: left(t.id, t.seats) })),
    employers,
    openings: openingList.map((o) => ({ ...o, seats: left(o.id, o.seats) })),
    housingUnits: housing.map((h) => ({ ...h, places: left(h.id, h.places) })),
    policy: { ...policy, referenceDate },
  };
}
