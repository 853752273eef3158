import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.js';

/** A write transaction held open until `release()`, then rolled back (or committed). */
function heldWrite(temp: TempDatabase, rows: string[], outcome: 'rollback' | 'commit') {
  let release!: () => void;
  let opened!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const open = new Promise<void>((r) => { opened = r; });
  const done = temp.db.write(async (tx) => {
    for (const id of rows) await tx.employer.create({ data: { id, name: `uncommitted ${id}` } });
    opened();
    await gate;
    if (outcome === 'rollback') throw new Error('rolled back on purpose');
  }).catch((error: Error) => error.message);
  return { open, release, done };
}

describe('reads beside an open write transaction', () => {
  let temp: TempDatabase;
  beforeEach(async () => { temp = await openTempDatabase(); });
  afterEach(async () => temp.remove());

  it('never see rows of a write that is rolled back, neither while it is open nor after', async () => {
    const write = heldWrite(temp, ['ghost-1', 'ghost-2'], 'rollback');
    await write.open;
    const prisma = temp.db.prisma;
    const seen = await Promise.all([prisma.employer.findUnique({ where: { id: 'ghost-1' } }), prisma.employer.count(), prisma.employer.findMany()])
      .finally(write.release);
    expect(seen).toEqual([null, 0, []]);
    expect(await write.done).toBe('rolled back on purpose');
    expect(await prisma.employer.count()).toBe(0);
  });

  it('see a write once it has committed, and not before', async () => {
    const write = heldWrite(temp, ['later'], 'commit');
    await write.open;
    const before = await temp.db.prisma.employer.count().finally(write.release);
    expect(before).toBe(0);
    await write.done;
    expect(await temp.db.prisma.employer.findUnique({ where: { id: 'later' } })).toMatchObject({ name: 'uncommitted later' });
  });

  it('go through a client that cannot write, so that every write takes the queue', async () => {
    await expect(temp.db.prisma.employer.create({ data: { id: 'direct', name: 'x' } })).rejects.toThrow(/readonly|read-only/i);
    expect(await temp.db.write((tx) => tx.employer.count())).toBe(0);
  });
});
