import { z } from 'zod';

/** Every list the service answers: one page of items and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `?limit=1..1000` (default 100) and `?offset`: the query every list accepts, extended by its filters. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The page of `items` (already filtered and ordered) at `offset`. */
export function slicePage<T>(items: T[], limit: number, offset: number): Page<T> {
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}
