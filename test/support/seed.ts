import type { Database } from '../../src/db/client.js';
import { save } from '../../src/db/repositories/json-table.js';
import { housingUnits, mentors, openings, participants, trainingSessions } from '../../src/db/repositories/stores.js';
import { Pool, type PoolInput } from '../../src/domain/pool.js';

/** Writes a pool's employers, participants and resources into the live tables, in one transaction. */
export async function seedPool(db: Database, input: PoolInput): Promise<Pool> {
  const pool = Pool.parse(input);
  await db.write(async (tx) => {
    for (const e of pool.employers) await tx.employer.create({ data: { id: e.id, name: e.name, region: e.region ?? null } });
    for (const p of pool.participants) await save(tx, participants, p);
    for (const m of pool.mentors) await save(tx, mentors, m);
    for (const t of pool.trainingSessions) await save(tx, trainingSessions, t);
    for (const o of pool.openings) await save(tx, openings, o);
    for (const h of pool.housingUnits) await save(tx, housingUnits, h);
  });
  return pool;
}
