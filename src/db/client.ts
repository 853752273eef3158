import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { migrate } from './migrator.js';
import { WriteQueue } from './write-queue.js';

export type Tx = Prisma.TransactionClient;

export interface Database {
  /**
   * For reads. Its own read-only connection: in WAL mode each read sees the last committed
   * state, never the rows of a write transaction still open (which may yet roll back). It
   * cannot write; every write goes through `write`.
   */
  prisma: PrismaClient;
  /** Runs `work` as one short transaction, after every write queued before it. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * How many write transactions have committed: it changes with every change to the data, so a
   * read that keeps its answer under this number knows when the answer may be stale.
   */
  readonly generation: number;
  close(): Promise<void>;
}

/** Milliseconds a connection waits on a lock before SQLITE_BUSY (SQLite's busy timeout). */
const busyTimeoutMs = 5000;

/**
 * Opens (creating and migrating if needed) the SQLite database at `file`, with two connections:
 * one that writes, used only inside the write queue, and one that reads. With a single
 * connection, the adapter ran plain reads inside whatever write transaction was open on it.
 * The writer stays the only connection that writes (ENVIRONMENT.md: one writing process, WAL,
 * a busy timeout), so the reader never takes a write lock that could make a COMMIT busy.
 */
export async function openDatabase(file: string): Promise<Database> {
  migrate(file);
  const writer = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: busyTimeoutMs }) });
  await writer.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // A second connection to ':memory:' would open another, empty database: there reads share the writer.
  const reader = file === ':memory:'
    ? writer
    : new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: busyTimeoutMs, readonly: true }) });
  const queue = new WriteQueue();
  let generation = 0;
  return {
    prisma: reader,
    write: (work) => queue.run(async () => {
      const result = await writer.$transaction((tx) => work(tx), { timeout: 30_000, maxWait: 30_000 });
      generation += 1;
      return result;
    }),
    get generation() { return generation; },
    close: async () => {
      await queue.drain();
      if (reader !== writer) await reader.$disconnect();
      await writer.$disconnect();
    },
  };
}
