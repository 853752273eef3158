import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/db/client.js';

export interface TempDatabase {
  db: Database;
  file: string;
  /** Closes the database and deletes its folder. */
  remove(): Promise<void>;
}

/** A fresh, migrated SQLite database in its own folder under the system's temporary directory. */
export async function openTempDatabase(prefix = 'placement-test-'): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'test.db');
  const db = await openDatabase(file);
  return {
    db,
    file,
    remove: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
