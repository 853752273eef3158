import { describe, it, expect } from 'vitest';
import { KeyNumbers } from '../../src/common/key-numbers.js';

describe('KeyNumbers', () => {
  it('numbers keys in the order they are first met, and a key met again keeps its number', () => {
    const numbers = new KeyNumbers();
    expect(['fr|B1', 'ar|A2', 'fr|B1', 'en|B2', 'ar|A2'].map((key) => numbers.of(key))).toEqual([0, 1, 0, 2, 1]);
    expect(numbers.count).toBe(3);
  });
});
