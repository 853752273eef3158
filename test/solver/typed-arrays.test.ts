import { describe, expect, it } from 'vitest';
import { typedOf } from '../../solver/typed-arrays.js';

describe('typedOf', () => {
  it('holds the value of each item, in order, in the typed array asked for', () => {
    const candidates = [{ load: 1.5 }, { load: 0.25 }, { load: 3 }];
    const loads = typedOf(Float64Array, candidates, (c) => c.load);
    expect(loads).toBeInstanceOf(Float64Array);
    expect([...loads]).toEqual([1.5, 0.25, 3]);
  });

  it('passes each item its position and keeps the target type\'s arithmetic', () => {
    expect([...typedOf(Int32Array, ['a', 'b', 'c'], (_, i) => i * 10)]).toEqual([0, 10, 20]);
    expect([...typedOf(Uint8Array, [1, 2], (n) => n * 200)]).toEqual([200, 144]);
  });

  it('is empty for no items', () => {
    expect(typedOf(Float64Array, [], () => 1).length).toBe(0);
  });
});
