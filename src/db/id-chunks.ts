/**
 * Prisma's SQLite adapter binds at most 999 values in one statement: a longer `in` list fails
 * the whole query (P2029). Queries over lists that callers can make long (a round's resources,
 * an imported file's ids, a filter of 20,000 participants) go through these, one query per
 * slice, with room left for the query's other parameters.
 */
export const idsPerQuery = 500;

/** The distinct ids, in slices of at most `size`. */
export function idChunks<T>(ids: Iterable<T>, size = idsPerQuery): T[][] {
  const distinct = [...new Set(ids)];
  const chunks: T[][] = [];
  for (let i = 0; i < distinct.length; i += size) chunks.push(distinct.slice(i, i + size));
  return chunks;
}

/**
 * Runs `query` once per slice of the distinct ids, one after the other (inside a transaction
 * they share one connection anyway), and concatenates the rows. Rows come back in slice order:
 * callers that need another order sort them.
 */
export async function inChunks<T, R>(ids: Iterable<T>, query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const chunk of idChunks(ids)) rows.push(...(await query(chunk)));
  return rows;
}
