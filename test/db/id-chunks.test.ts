import { describe, expect, it } from 'vitest';
import { idChunks, idsPerQuery, inChunks } from '../../src/db/id-chunks.js';

describe('id lists split for SQLite', () => {
  it('slices the distinct ids, in order, into lists of at most idsPerQuery', () => {
    const ids = Array.from({ length: 1_201 }, (_, i) => `id-${i % 1_100}`);
    const chunks = idChunks(ids);
    expect(chunks.map((c) => c.length)).toEqual([idsPerQuery, idsPerQuery, 100]);
    expect(chunks.flat()).toEqual([...new Set(ids)]);
    expect(idChunks([])).toEqual([]);
  });

  it('runs one query per slice and concatenates the rows', async () => {
    const seen: number[] = [];
    const rows = await inChunks(Array.from({ length: 1_001 }, (_, i) => i), async (chunk) => {
      seen.push(chunk.length);
      return chunk.map((n) => n * 2);
    });
    expect(seen).toEqual([500, 500, 1]);
    expect(rows).toHaveLength(1_001);
    expect(rows.at(-1)).toBe(2_000);
  });
});
