import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAssignments, type NewAssignment } from '../../../src/db/repositories/assignment-rows.js';
import { openTempDatabase, type TempDatabase } from '../../support/temp-database.js';

const kinds = ['mentor', 'training', 'opening', 'housing'];

/** `n` assignments over as many participants, more than one statement's worth when n > 500. */
function rows(n: number): NewAssignment[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `a-${i}`, roundId: 'r1', participantId: `p-${i}`, resourceKind: kinds[i % 4]!, resourceId: `res-${i % 7}`,
    score: i / 3, breakdown: JSON.stringify({ sector: { value: 1, weight: 3, contribution: 3 } }),
  }));
}

describe('writing a solve\'s assignments', () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await openTempDatabase();
    await temp.db.write(async (tx) => {
      await tx.participant.createMany({ data: Array.from({ length: 1234 }, (_, i) => ({ id: `p-${i}`, legalStatus: 'refugee', waitingSince: '2025-01-01', data: '{}' })) });
      await tx.round.create({ data: { id: 'r1', name: 'national', status: 'solving', filters: '{}', policy: '{}' } });
    });
  });
  afterEach(async () => temp.remove());

  it('stores every row over several statements, and Prisma reads them back as it wrote them', async () => {
    const before = Date.now();
    await temp.db.write((tx) => insertAssignments(tx, rows(1234)));
    const stored = await temp.db.prisma.assignment.findMany({ where: { roundId: 'r1' }, orderBy: { score: 'asc' } });
    expect(stored).toHaveLength(1234);
    expect(stored[1233]).toMatchObject({ id: 'a-1233', participantId: 'p-1233', resourceKind: 'training', resourceId: 'res-1', score: 1233 / 3, status: 'proposed' });
    expect(JSON.parse(stored[0]!.breakdown)).toEqual({ sector: { value: 1, weight: 3, contribution: 3 } });
    expect(stored[0]!.createdAt).toBeInstanceOf(Date);
    expect(stored[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(stored[0]!.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('writes nothing when a row breaks a rule of the store: the transaction takes back the statements before it', async () => {
    const bad = rows(1234);
    bad[1100] = { ...bad[1100]!, participantId: 'nobody' };
    await expect(temp.db.write((tx) => insertAssignments(tx, bad))).rejects.toThrow();
    expect(await temp.db.prisma.assignment.count()).toBe(0);
  });
});
