import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { spreadProportionally } from '../../src/scenarios/spread.js';

describe('spreading a change over a group', () => {
  it('splits in proportion to free capacity, the largest remainders taking the units left', () => {
    // 5 × (6, 3, 1)/10 = 3, 1.5, 0.5: the tie between remainders goes to the earlier resource.
    expect(spreadProportionally(5, [6, 3, 1])).toEqual([3, 2, 0]);
  });

  it('splits evenly when no resource has free capacity', () => {
    expect(spreadProportionally(5, [0, 0, 0])).toEqual([2, 2, 1]);
  });

  it('always hands out exactly the amount, and never more than a resource has when removing', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 0, max: 1000 }),
      (weights, wanted) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const shares = spreadProportionally(wanted, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(wanted);
        if (wanted <= total) shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i]!));
      },
    ));
  });
});
