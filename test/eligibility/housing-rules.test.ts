import { describe, it, expect } from 'vitest';
import { housingKind, housingNeed } from '../../src/eligibility/housing-rules.js';
import { contextFor, housing, participant } from '../round/support/factories.js';

describe('housingNeed', () => {
  it('offers housing to a participant who needs it', () => {
    const p = participant({ housing: { needed: true, sharedAcceptable: true } });
    expect(housingNeed(p, housing(), contextFor(p))).toBeNull();
  });

  it('refuses housing to someone who needs none and does not relocate', () => {
    const p = participant({ housing: { needed: false, sharedAcceptable: true } });
    expect(housingNeed(p, housing(), contextFor(p))).toEqual({
      rule: 'housingNeed', message: 'does not need housing here (no housing need and no relocation to this region)',
    });
  });

  it('offers housing in another region to someone willing to move there', () => {
    const p = participant({ housing: { needed: false, sharedAcceptable: true }, relocation: { willing: true, regions: [] } });
    expect(housingNeed(p, housing({ region: 'Bretagne' }), contextFor(p))).toBeNull();
    expect(housingNeed(p, housing({ region: 'Occitanie' }), contextFor(p))?.rule).toBe('housingNeed');
  });
});

describe('housingKind', () => {
  const family = participant({ household: { adults: 1, children: 2, isolated: false }, housing: { needed: true, sharedAcceptable: true } });
  const couple = participant({ household: { adults: 2, children: 0, isolated: false }, housing: { needed: true, sharedAcceptable: true } });
  const alone = participant({ housing: { needed: true, sharedAcceptable: false } });

  it('gives households with children a family unit suitable for children', () => {
    expect(housingKind(family, housing({ kind: 'family', suitableForChildren: true }), contextFor(family))).toBeNull();
    expect(housingKind(family, housing({ kind: 'shared' }), contextFor(family))?.message).toBe('household with 2 children, the unit is a shared unit');
    expect(housingKind(family, housing({ kind: 'family', suitableForChildren: false }), contextFor(family))?.message)
      .toBe('household with 2 children, the unit is a family unit not suitable for children');
  });

  it('keeps single units for one adult', () => {
    expect(housingKind(alone, housing({ kind: 'single' }), contextFor(alone))).toBeNull();
    expect(housingKind(couple, housing({ kind: 'single' }), contextFor(couple))?.message).toBe('household of 2 adults, the unit is a single unit');
  });

  it('offers shared units only to those who accept sharing', () => {
    expect(housingKind(couple, housing({ kind: 'shared' }), contextFor(couple))).toBeNull();
    expect(housingKind(alone, housing({ kind: 'shared' }), contextFor(alone))).toEqual({
      rule: 'housingKind', message: 'does not accept shared housing, the unit is shared',
    });
  });
});
