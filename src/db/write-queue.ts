/**
 * Serialises writes inside this process. SQLite takes one writer at a time, and Prisma's
 * better-sqlite3 adapter can be left broken by a SQLITE_BUSY at COMMIT: queueing every write
 * transaction here means none of ours ever waits on another.
 */
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(work, work);
    this.#tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every queued write has finished. */
  async drain(): Promise<void> {
    await this.#tail;
  }
}
