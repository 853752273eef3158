import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { ReadCache } from '../../src/services/read-cache.js';

/** Only what the cache reads of a database: its write generation. */
const fakeDatabase = () => ({ generation: 0 }) as { generation: number } & Database;

describe('ReadCache', () => {
  it('reads once per write generation, and again after every write', async () => {
    const db = fakeDatabase();
    const cache = new ReadCache<number>(4);
    let reads = 0;
    const read = async () => (reads += 1);
    expect([await cache.get(db, 'page', read), await cache.get(db, 'page', read)]).toEqual([1, 1]);
    db.generation += 1;
    expect(await cache.get(db, 'page', read)).toBe(2);
  });

  it('does not keep an answer that failed, and forgets the least recently read beyond its size', async () => {
    const db = fakeDatabase();
    const cache = new ReadCache<string>(2);
    await expect(cache.get(db, 'gone', async () => { throw new Error('not found'); })).rejects.toThrow('not found');
    expect(await cache.get(db, 'gone', async () => 'found now')).toBe('found now');
    let reads = 0;
    const read = (key: string) => async () => `${key}#${(reads += 1)}`;
    await cache.get(db, 'a', read('a'));
    await cache.get(db, 'b', read('b'));
    await cache.get(db, 'a', read('a'));
    await cache.get(db, 'c', read('c'));
    expect(await cache.get(db, 'a', read('a'))).toBe('a#1');
    expect(await cache.get(db, 'b', read('b'))).toBe('b#4');
  });
});
