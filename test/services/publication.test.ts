import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { capacities } from '../../src/services/capacity.js';
import { ConflictError } from '../../src/services/errors.js';
import { publishRound } from '../../src/services/publication.js';
import { seedPool } from '../support/seed.js';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.js';

const person = (id: string) => ({
  id, birthYear: 1998, gender: 'female' as const, legalStatus: 'refugee' as const, statusSince: '2024-01-01', homeRegion: 'Occitanie',
  household: { adults: 1, children: 0, isolated: true }, availableFrom: '2026-01-01', waitingSince: '2025-06-01',
});

/** Scarce resources: a mentor with room for two more, one course seat, one job seat, one housing place. */
const scarcePool = {
  name: 'scarce', referenceDate: '2026-01-15',
  participants: ['p1', 'p2', 'p3', 'p4'].map(person),
  mentors: [{ id: 'm1', kind: 'volunteer' as const, region: 'Occitanie', caseloadCap: 3, currentCaseload: 1, gender: 'male' as const, availableFrom: '2025-01-01' }],
  trainingSessions: [{ id: 't1', provider: 'GRETA', kind: 'language' as const, region: 'Occitanie', seats: 1, startDate: '2026-02-01', endDate: '2026-06-30' }],
  employers: [{ id: 'emp-1', name: 'Cuisine Sud' }],
  openings: [{ id: 'o1', employerId: 'emp-1', title: 'Commis', sector: 'G', region: 'Occitanie', seats: 1, contractType: 'internship' as const, startDate: '2026-03-01' }],
  housingUnits: [{ id: 'h1', region: 'Occitanie', places: 1, kind: 'shared' as const, availableFrom: '2026-01-01' }],
};

type Planned = [participant: string, kind: 'mentor' | 'training' | 'opening' | 'housing', resource: string, status?: 'proposed' | 'accepted' | 'rejected'];

/** A solved round waiting for publication, with the given proposal. */
async function proposedRound(db: Database, planned: Planned[], solveStatus = 'optimal'): Promise<string> {
  const roundId = randomUUID();
  await db.write(async (tx) => {
    await tx.round.create({ data: { id: roundId, name: `round ${roundId.slice(0, 4)}`, status: 'proposed', filters: '{}', policy: '{}', solveStatus, objective: 1 } });
    await tx.assignment.createMany({
      data: planned.map(([participantId, resourceKind, resourceId, status]) => ({
        id: randomUUID(), roundId, participantId, resourceKind, resourceId, score: 1, breakdown: '{}', status: status ?? 'proposed',
      })),
    });
  });
  return roundId;
}

async function statusesOf(db: Database, roundId: string) {
  const round = await db.prisma.round.findUniqueOrThrow({ where: { id: roundId }, include: { assignments: { orderBy: { participantId: 'asc' } } } });
  return { round: round.status, assignments: round.assignments.map((a) => `${a.participantId}/${a.resourceId}:${a.status}`) };
}

const caseload = async (db: Database) => (await db.prisma.mentor.findUniqueOrThrow({ where: { id: 'm1' } })).currentCaseload;

async function conflictOf(work: Promise<unknown>): Promise<ConflictError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConflictError);
  return error as ConflictError;
}

describe('publishing a round', () => {
  let temp: TempDatabase;
  let db: Database;
  beforeEach(async () => {
    temp = await openTempDatabase('placement-publication-');
    db = temp.db;
    await seedPool(db, scarcePool);
  });
  afterEach(async () => temp.remove());

  it('publishes every assignment not rejected, moves the mentor caseload, starts outcome history and logs the key', async () => {
    const roundId = await proposedRound(db, [['p1', 'mentor', 'm1', 'accepted'], ['p1', 'training', 't1'], ['p2', 'mentor', 'm1'], ['p3', 'opening', 'o1', 'rejected']]);
    const summary = await publishRound(db, roundId, { keyId: 'key-7' });
    expect(summary).toMatchObject({ id: roundId, status: 'published' });
    expect(summary.publishedAt).not.toBeNull();
    expect(await statusesOf(db, roundId)).toEqual({
      round: 'published',
      assignments: ['p1/m1:published', 'p1/t1:published', 'p2/m1:published', 'p3/o1:rejected'],
    });
    expect(await caseload(db)).toBe(3);
    const left = Object.fromEntries((await capacities(db.prisma)).map((c) => [c.resource, c.remaining]));
    expect(left).toEqual({ m1: 0, t1: 0, o1: 1, h1: 1 });
    expect((await db.prisma.outcome.findMany({ where: { roundId }, orderBy: { resourceId: 'asc' } })).map((o) => `${o.participantId}/${o.resourceId}`))
      .toEqual(['p1/m1', 'p2/m1', 'p1/t1']);
    expect(await db.prisma.auditLog.findMany({ where: { action: 'publish' } }))
      .toMatchObject([{ keyId: 'key-7', subject: 'round', subjectId: roundId, details: JSON.stringify({ assignments: 3 }) }]);
  });

  it('re-checks capacity against other published rounds: names each full resource and publishes nothing', async () => {
    const first = await proposedRound(db, [['p1', 'training', 't1'], ['p1', 'mentor', 'm1']]);
    await publishRound(db, first, { keyId: null });
    const second = await proposedRound(db, [['p2', 'training', 't1'], ['p2', 'mentor', 'm1'], ['p3', 'mentor', 'm1'], ['p2', 'housing', 'h1']]);
    const error = await conflictOf(publishRound(db, second, { keyId: null }));
    expect(error.message).toMatch(/^no room left on (m1, t1|t1, m1): nothing was published$/);
    const { resources } = error.details as { resources: { resource: string }[] };
    expect(resources.sort((x, y) => x.resource.localeCompare(y.resource))).toEqual([
      { resource: 'm1', kind: 'mentor', capacity: 3, used: 2, requested: 2 },
      { resource: 't1', kind: 'training', capacity: 1, used: 1, requested: 1 },
    ]);
    expect(await statusesOf(db, second)).toEqual({ round: 'proposed', assignments: ['p2/h1:proposed', 'p2/m1:proposed', 'p2/t1:proposed', 'p3/m1:proposed'] });
    expect(await caseload(db)).toBe(2);
    expect(await db.prisma.outcome.count({ where: { roundId: second } })).toBe(0);
  });

  it('lets exactly one of two rounds published at the same time take the last seat, whatever the order', async () => {
    for (const order of [0, 1]) {
      const a = await proposedRound(db, [[`p${1 + order * 2}`, 'opening', 'o1']]);
      const b = await proposedRound(db, [[`p${2 + order * 2}`, 'opening', 'o1']]);
      if (order === 1) await db.write((tx) => tx.opening.update({ where: { id: 'o1' }, data: { seats: 2 } }));
      const results = await Promise.allSettled([publishRound(db, a, { keyId: null }), publishRound(db, b, { keyId: null })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect((lost.reason as ConflictError).details).toEqual({ resources: [{ resource: 'o1', kind: 'opening', capacity: 1 + order, used: 1 + order, requested: 1 }] });
      expect(await db.prisma.assignment.count({ where: { resourceId: 'o1', status: 'published' } })).toBe(1 + order);
    }
  });

  it('publishes both of two concurrent rounds when the resources have room for both', async () => {
    const a = await proposedRound(db, [['p1', 'mentor', 'm1']]);
    const b = await proposedRound(db, [['p2', 'mentor', 'm1']]);
    const [ra, rb] = await Promise.all([publishRound(db, a, { keyId: null }), publishRound(db, b, { keyId: null })]);
    expect([ra.status, rb.status]).toEqual(['published', 'published']);
    expect(await caseload(db)).toBe(3);
  });

  it('refuses to place again someone another published round already gave a resource of that kind', async () => {
    await publishRound(db, await proposedRound(db, [['p1', 'mentor', 'm1']]), { keyId: null });
    const again = await proposedRound(db, [['p1', 'mentor', 'm1'], ['p1', 'housing', 'h1']]);
    const error = await conflictOf(publishRound(db, again, { keyId: null }));
    expect(error.details).toEqual({ participants: ['p1 (mentor)'] });
    expect((await statusesOf(db, again)).round).toBe('proposed');
  });

  it('refuses a proposal that predates overrides given since the last solve, but not one whose decisions follow them', async () => {
    const roundId = await proposedRound(db, [['p1', 'mentor', 'm1'], ['p2', 'training', 't1', 'rejected']]);
    const override = (participantId: string, resourceId: string, action: 'require' | 'forbid') =>
      db.write((tx) => tx.override.create({ data: { id: randomUUID(), roundId, participantId, resourceId, action } }));
    await override('p2', 't1', 'forbid');
    await override('p1', 'm1', 'forbid');
    await override('p3', 'h1', 'require');
    const error = await conflictOf(publishRound(db, roundId, { keyId: null }));
    expect(error.message).toBe('the proposal predates overrides forbid p1 → m1, require p3 → h1: solve the round again; nothing was published');
    expect(error.details).toEqual({ overrides: ['forbid p1 → m1', 'require p3 → h1'] });
    expect((await statusesOf(db, roundId)).round).toBe('proposed');
    await db.write((tx) => tx.override.deleteMany({ where: { roundId, participantId: { in: ['p1', 'p3'] } } }));
    expect((await publishRound(db, roundId, { keyId: null })).status).toBe('published');
  });

  it('treats a withdrawn opening as having no room', async () => {
    await db.write((tx) => tx.opening.update({ where: { id: 'o1' }, data: { status: 'withdrawn' } }));
    const roundId = await proposedRound(db, [['p1', 'opening', 'o1']]);
    expect((await conflictOf(publishRound(db, roundId, { keyId: null }))).details)
      .toEqual({ resources: [{ resource: 'o1', kind: 'opening', capacity: 0, used: 0, requested: 1 }] });
  });

  it('publishes only a proposed round with a plan, never one being solved', async () => {
    const infeasible = await proposedRound(db, [], 'infeasible');
    expect((await conflictOf(publishRound(db, infeasible, { keyId: null }))).message).toMatch(/no plan to publish/);
    const solving = await proposedRound(db, [['p1', 'mentor', 'm1']]);
    await db.write((tx) => tx.round.update({ where: { id: solving }, data: { status: 'solving' } }));
    expect((await conflictOf(publishRound(db, solving, { keyId: null }))).message).toMatch(/is solving: it can be published only when proposed/);
    const done = await proposedRound(db, [['p1', 'mentor', 'm1']]);
    await publishRound(db, done, { keyId: null });
    expect((await conflictOf(publishRound(db, done, { keyId: null }))).message).toMatch(/is published: it can be published only when proposed/);
    expect(await caseload(db)).toBe(2);
  });
});
