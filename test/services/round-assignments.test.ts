import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/services/errors.js';
import { listAssignments } from '../../src/services/round-assignments.js';
import { AssignmentQuery } from '../../src/services/round-schemas.js';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.js';

const rows = [
  ['a1', 'dana', 'mentor', 'm-occ'], ['a2', 'dana', 'training', 'fle-occ'], ['a3', 'amina', 'mentor', 'm-occ'],
  ['a4', 'amina', 'housing', 'h-tls'], ['a5', 'chen', 'opening', 'job-bzh'],
] as const;

/** A proposed round of five assignments over three people, written the way a solve writes them. */
async function proposedRound(temp: TempDatabase): Promise<void> {
  await temp.db.write(async (tx) => {
    for (const id of ['amina', 'chen', 'dana']) await tx.participant.create({ data: { id, legalStatus: 'refugee', waitingSince: '2025-01-01', data: '{}' } });
    await tx.round.create({ data: { id: 'r1', name: 'spring', status: 'proposed', filters: '{}', policy: '{}' } });
    await tx.round.create({ data: { id: 'r2', name: 'not solved', filters: '{}', policy: '{}' } });
    for (const [id, participantId, resourceKind, resourceId] of rows) {
      await tx.assignment.create({ data: { id, roundId: 'r1', participantId, resourceKind, resourceId, score: 2, breakdown: '{}' } });
    }
  });
}

const ids = (page: { items: { id: string }[] }) => page.items.map((a) => a.id);

describe('paging through a round\'s assignments', () => {
  let temp: TempDatabase;
  beforeEach(async () => { temp = await openTempDatabase(); await proposedRound(temp); });
  afterEach(async () => temp.remove());

  const list = (query: Record<string, string>, round = 'r1') => listAssignments(temp.db, round, AssignmentQuery.parse(query));

  it('lists them by participant then kind, a page at a time, with the total', async () => {
    expect(await list({ limit: '2' })).toMatchObject({ total: 5, limit: 2, offset: 0, items: [
      { id: 'a4', participant: 'amina', kind: 'housing', resource: 'h-tls', score: 2, status: 'proposed' },
      { id: 'a3', participant: 'amina', kind: 'mentor' },
    ] });
    expect(ids(await list({ limit: '2', offset: '2' }))).toEqual(['a5', 'a1']);
    expect(ids(await list({ offset: '4' }))).toEqual(['a2']);
    expect(await list({ offset: '9' })).toMatchObject({ total: 5, items: [] });
  });

  it('filters by participant, resource, kind and status, and counts what the filter keeps', async () => {
    expect(ids(await list({ participant: 'dana' }))).toEqual(['a1', 'a2']);
    expect(ids(await list({ resource: 'm-occ' }))).toEqual(['a3', 'a1']);
    expect(await list({ kind: 'mentor', participant: 'amina' })).toMatchObject({ total: 1, items: [{ id: 'a3' }] });
    await temp.db.write((tx) => tx.assignment.update({ where: { id: 'a5' }, data: { status: 'rejected' } }));
    expect(await list({ status: 'rejected' })).toMatchObject({ total: 1, items: [{ id: 'a5', status: 'rejected' }] });
    expect((await list({ status: 'proposed' })).total).toBe(4);
  });

  it('answers an empty page for a round not solved yet, and 404 for a round that does not exist', async () => {
    expect(await list({}, 'r2')).toEqual({ items: [], total: 0, limit: 100, offset: 0 });
    await expect(list({}, 'nowhere')).rejects.toThrow(NotFoundError);
  });

  it('refuses a filter it does not know, naming it', () => {
    const parsed = AssignmentQuery.safeParse({ kind: 'car', region: 'Occitanie' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.') || i.message)).toEqual(expect.arrayContaining(['kind', expect.stringContaining('region')]));
  });
});
