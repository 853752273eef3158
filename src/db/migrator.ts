import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** Prisma's layout: prisma/migrations/<timestamp>_<name>/migration.sql, applied in name order. */
export const defaultMigrationsDir = resolve(import.meta.dirname, '../../prisma/migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = defaultMigrationsDir): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Brings the database at `file` up to date: each pending migration runs in its own
 * transaction together with its row in `_placement_migrations`, so a failing migration
 * leaves the database at the previous one. An applied migration whose file changed is refused.
 * Returns the names applied now.
 */
export function migrate(file: string, migrations: Migration[] = readMigrations()): string[] {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS "_placement_migrations" (
      "name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`);
    const applied = new Map(
      (db.prepare('SELECT name, checksum FROM _placement_migrations').all() as { name: string; checksum: string }[])
        .map((row) => [row.name, row.checksum]),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) throw new MigrationError(`migration ${migration.name} was changed after it was applied`);
        continue;
      }
      applyOne(db, migration);
      done.push(migration.name);
    }
    return done;
  } finally {
    db.close();
  }
}

interface ForeignKeyViolation { table: string; rowid: number | null; parent: string }

/**
 * Runs one migration with foreign keys off, the way SQLite documents for changing a table's
 * shape (copy, drop, rename): a DROP with them on would delete, or be refused for, every row
 * that references the table. SQLite ignores `PRAGMA foreign_keys` inside a transaction (so the
 * PRAGMA lines Prisma writes into its SQL have no effect here): it is switched before BEGIN,
 * the keys are checked before COMMIT, and the setting is put back afterwards.
 */
function applyOne(db: Database.Database, migration: Migration): void {
  const foreignKeys = (db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys;
  const run = db.transaction(() => {
    db.exec(migration.sql);
    const violations = db.prepare('PRAGMA foreign_key_check').all() as ForeignKeyViolation[];
    if (violations.length > 0) throw new Error(`it leaves ${describeViolations(violations)}`);
    db.prepare('INSERT INTO _placement_migrations (name, checksum, appliedAt) VALUES (?, ?, ?)')
      .run(migration.name, migration.checksum, new Date().toISOString());
  });
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    run.immediate();
  } catch (error) {
    throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
  } finally {
    db.exec(`PRAGMA foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}

/** `3 rows of Assignment referencing a missing Participant`, per pair of tables: counts and table names, never row data. */
function describeViolations(violations: ForeignKeyViolation[]): string {
  const pairs = new Map<string, number>();
  for (const v of violations) pairs.set(`${v.table}\u0000${v.parent}`, (pairs.get(`${v.table}\u0000${v.parent}`) ?? 0) + 1);
  const parts = [...pairs].map(([pair, count]) => {
    const [table, parent] = pair.split('\u0000');
    return `${count} row(s) of ${table} referencing a missing ${parent}`;
  });
  return `foreign key violations: ${parts.join(', ')}`;
}
