import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRound } from '../../src/services/rounds.js';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.js';

/** A round with two proposed assignments, written the way a solve writes them. */
async function proposedRound(temp: TempDatabase): Promise<void> {
  await temp.db.write(async (tx) => {
    await tx.participant.create({ data: { id: 'amina', legalStatus: 'refugee', waitingSince: '2025-01-01', data: '{}' } });
    await tx.round.create({ data: { id: 'r1', name: 'spring', status: 'proposed', filters: '{}', policy: '{}' } });
    for (const [id, resourceId] of [['a1', 'm-occ'], ['a2', 'fle-occ']] as const) {
      await tx.assignment.create({ data: { id, roundId: 'r1', participantId: 'amina', resourceKind: id === 'a1' ? 'mentor' : 'training', resourceId, score: 2, breakdown: '{}' } });
    }
  });
}

describe('reading a round', () => {
  let temp: TempDatabase;
  beforeEach(async () => { temp = await openTempDatabase(); await proposedRound(temp); });
  afterEach(async () => temp.remove());

  it('answers repeated reads from what it read last, until a write changes the data', async () => {
    const first = await getRound(temp.db, 'r1');
    expect(first.assignmentCounts).toEqual({ total: 2, byStatus: { proposed: 2, accepted: 0, rejected: 0, published: 0 }, byKind: { mentor: 1, training: 1, opening: 0, housing: 0 } });
    expect(await getRound(temp.db, 'r1')).toBe(first);
    await temp.db.write((tx) => tx.assignment.update({ where: { id: 'a2' }, data: { status: 'rejected' } }));
    const after = await getRound(temp.db, 'r1');
    expect(after).not.toBe(first);
    expect(after.assignmentCounts.byStatus).toEqual({ proposed: 1, accepted: 0, rejected: 1, published: 0 });
  });

  it('keeps the answers of two databases apart', async () => {
    const other = await openTempDatabase();
    try {
      await proposedRound(other);
      await other.db.write((tx) => tx.round.update({ where: { id: 'r1' }, data: { name: 'autumn' } }));
      expect((await getRound(temp.db, 'r1')).name).toBe('spring');
      expect((await getRound(other.db, 'r1')).name).toBe('autumn');
    } finally {
      await other.remove();
    }
  });
});
