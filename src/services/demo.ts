import { readFile } from 'node:fs/promises';
import type { Database } from '../db/client.js';
import { saveAll } from '../db/repositories/json-table.js';
import { housingUnits, mentors, openings, participants, trainingSessions } from '../db/repositories/stores.js';
import { Pool } from '../domain/pool.js';
import { audit } from './audit.js';

/**
 * Loads a fixture pool into an empty database (first start), in one transaction.
 * Returns the number of participants loaded, or null when the database already had data.
 */
export async function loadDemoPool(db: Database, file: string): Promise<number | null> {
  if ((await db.prisma.participant.count()) > 0 || (await db.prisma.employer.count()) > 0) return null;
  const pool = Pool.parse(JSON.parse(await readFile(file, 'utf8')));
  await db.write(async (tx) => {
    for (const e of pool.employers) await tx.employer.create({ data: { id: e.id, name: e.name, region: e.region ?? null } });
    await saveAll(tx, participants, pool.participants);
    await saveAll(tx, mentors, pool.mentors);
    await saveAll(tx, trainingSessions, pool.trainingSessions);
    await saveAll(tx, openings, pool.openings);
    await saveAll(tx, housingUnits, pool.housingUnits);
    await audit(tx, { keyId: null }, 'load-demo', 'pool', pool.name, { participants: pool.participants.length });
  });
  return pool.participants.length;
}
