/**
 * Lets the event loop answer waiting requests. better-sqlite3 is synchronous: Prisma's promises
 * on it settle as microtasks, so a run of queries and the work between them never gives way to
 * a request until it ends. Long runs over a national round (thousands of rows) call this between
 * batches.
 */
export function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
