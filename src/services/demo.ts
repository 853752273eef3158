import { readFile } from 'node:fs/promises';
import type { Database } from '../db/client.js';
import { save } from '../db/repositories/json-table.js';
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
    for (const p of pool.participants) await save(tx, participants, p);
    for (const m of pool.mentors) await save(tx, mentors, m);
    for (const t of pool.trainingSessions) await save(tx, trainingSessions, t);
    for (const o of pool.openings) await save(tx, openings, o);
    for (const h of pool.housingUnits) await save(tx, housingUnits, h);
    await audit(tx, { keyId: null }, 'load-demo', 'pool', pool.name, { participants: pool.participants.length });
  });
  return pool.participants.length;
}
