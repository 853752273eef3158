import type { Database } from '../db/client.js';

/**
 * Answers of reads, kept until the next write. Screens poll the same pages and rounds over and
 * over; every committed write moves the database's generation, and an answer read at an older
 * generation is read again. The service is the only process that writes (ENVIRONMENT.md), so
 * the generation sees every change. Holds at most `size` answers, the least recently read leave first.
 */
export class ReadCache<T> {
  private readonly answers = new Map<string, { database: Database; generation: number; value: T }>();

  constructor(private readonly size: number) {}

  async get(db: Database, key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.answers.get(key);
    this.answers.delete(key);
    if (kept && kept.database === db && kept.generation === db.generation) {
      this.answers.set(key, kept);
      return kept.value;
    }
    // Read at the generation before the read: a write that lands during it makes the answer stale at once.
    const generation = db.generation;
    const value = await read();
    this.answers.set(key, { database: db, generation, value });
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    return value;
  }
}
