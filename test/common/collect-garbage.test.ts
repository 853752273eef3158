import { describe, it, expect } from 'vitest';
import { getHeapStatistics } from 'node:v8';
import { collectGarbageAbove } from '../../src/common/collect-garbage.js';

describe('collecting garbage between the rounds of a large computation', () => {
  it('leaves a heap below the threshold alone', () => {
    expect(collectGarbageAbove(Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('frees what nothing refers to any more, without node being started with --expose-gc', () => {
    let junk: { i: number }[] | null = Array.from({ length: 1_000_000 }, (_, i) => ({ i }));
    expect(junk.length).toBe(1_000_000);
    junk = null;
    const before = getHeapStatistics().used_heap_size;
    expect(collectGarbageAbove(0)).toBe(true);
    // A million small objects take about 30 MiB of heap.
    expect(before - getHeapStatistics().used_heap_size).toBeGreaterThan(15 * 2 ** 20);
  });
});
