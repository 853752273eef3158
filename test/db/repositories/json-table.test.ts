import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAll, findOne, saveAll } from '../../../src/db/repositories/json-table.js';
import { mentors } from '../../../src/db/repositories/stores.js';
import { Mentor } from '../../../src/domain/mentor.js';
import { openTempDatabase, type TempDatabase } from '../../support/temp-database.js';

const mentor = (id: string, caseloadCap: number) => Mentor.parse({ id, kind: 'volunteer', region: 'Occitanie', caseloadCap, gender: 'female', availableFrom: '2026-01-01' });

describe('saving items in bulk', () => {
  let temp: TempDatabase;
  beforeEach(async () => { temp = await openTempDatabase(); });
  afterEach(async () => temp.remove());

  it('creates new items and replaces existing ones, keeping when each was created', async () => {
    await temp.db.write((tx) => saveAll(tx, mentors, [mentor('m-1', 5), mentor('m-2', 6)]));
    const created = await temp.db.prisma.mentor.findUniqueOrThrow({ where: { id: 'm-1' } });
    await new Promise((r) => setTimeout(r, 5));
    await temp.db.write((tx) => saveAll(tx, mentors, [mentor('m-1', 9), mentor('m-3', 2)]));

    expect((await findAll(temp.db.prisma, mentors)).map((m) => `${m.id}:${m.caseloadCap}`)).toEqual(['m-1:9', 'm-2:6', 'm-3:2']);
    const replaced = await temp.db.prisma.mentor.findUniqueOrThrow({ where: { id: 'm-1' } });
    expect(replaced).toMatchObject({ caseloadCap: 9, region: 'Occitanie', createdAt: created.createdAt });
    expect(replaced.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
    expect(await findOne(temp.db.prisma, mentors, 'm-1')).toEqual(mentor('m-1', 9));
  });

  it('writes more items than one statement holds', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => mentor(`m-${String(i).padStart(4, '0')}`, 1 + (i % 20)));
    await temp.db.write((tx) => saveAll(tx, mentors, many));
    const read = await findAll(temp.db.prisma, mentors);
    expect(read).toHaveLength(1500);
    expect(read[1499]).toEqual(many[1499]);
  });

  it('keeps the last of two items with the same id, as saving them one after the other would', async () => {
    await temp.db.write((tx) => saveAll(tx, mentors, [mentor('m-1', 5), mentor('m-1', 7)]));
    expect((await findAll(temp.db.prisma, mentors)).map((m) => m.caseloadCap)).toEqual([7]);
  });
});
