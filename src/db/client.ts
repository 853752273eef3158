import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { migrate } from './migrator.js';
import { WriteQueue } from './write-queue.js';

export type Tx = Prisma.TransactionClient;

export interface Database {
  prisma: PrismaClient;
  /** Runs `work` as one short transaction, after every write queued before it. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens (creating and migrating if needed) the SQLite database at `file`. */
export async function openDatabase(file: string): Promise<Database> {
  migrate(file);
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const prisma = new PrismaClient({ adapter });
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  const queue = new WriteQueue();
  return {
    prisma,
    write: (work) => queue.run(() => prisma.$transaction((tx) => work(tx), { timeout: 30_000, maxWait: 30_000 })),
    close: async () => {
      await queue.drain();
      await prisma.$disconnect();
    },
  };
}
