import { describe, it, expect } from 'vitest';
import { ageRange, isolatedAdultsOnly, legalStatus, programmeTags } from '../../src/eligibility/criteria-rules.js';
import { contextFor, mentor, participant, training } from '../round/support/factories.js';

describe('ageRange', () => {
  const session = training({ eligibility: { minAge: 18, maxAge: 25 } });

  it('admits a participant inside the range, counting age as reference year minus birth year', () => {
    const p = participant({ birthYear: 2001 });
    expect(ageRange(p, session, contextFor(p))).toBeNull();
  });

  it('refuses a participant who is too old, saying the age and the range', () => {
    const p = participant({ birthYear: 1999 });
    expect(ageRange(p, session, contextFor(p))).toEqual({ rule: 'ageRange', message: 'aged 27, the session admits 18–25' });
  });

  it('refuses a participant under a lower bound only', () => {
    const p = participant({ birthYear: 2010 });
    const adults = mentor({ eligibility: { minAge: 18 } });
    expect(ageRange(p, adults, contextFor(p))?.message).toBe('aged 16, the mentor admits from 18');
  });
});

describe('legalStatus', () => {
  const ipr = training({
    eligibility: { statuses: [{ status: 'asylum_seeker', minMonths: 6 }, { status: 'refugee' }, { status: 'subsidiary_protection' }] },
  });

  it('admits asylum seekers whose claim is old enough', () => {
    const p = participant({ legalStatus: 'asylum_seeker', statusSince: '2025-07-15' });
    expect(legalStatus(p, ipr, contextFor(p))).toBeNull();
  });

  it('refuses a recent asylum seeker, saying for how long and what is needed', () => {
    const p = participant({ legalStatus: 'asylum_seeker', statusSince: '2025-09-10' });
    const reason = legalStatus(p, ipr, contextFor(p));
    expect(reason?.rule).toBe('legalStatus');
    expect(reason?.message).toBe('asylum seeker for 4 months, the session needs at least 6 months');
  });

  it('refuses a status the resource does not list at all', () => {
    const p = participant({ legalStatus: 'family_reunification' });
    expect(legalStatus(p, ipr, contextFor(p))?.message)
      .toBe('family reunification, the session admits only asylum seeker (6 months+), refugee, beneficiary of subsidiary protection');
  });

  it('admits everyone when the resource lists no status', () => {
    const p = participant({ legalStatus: 'other' });
    expect(legalStatus(p, training(), contextFor(p))).toBeNull();
  });
});

describe('programmeTags', () => {
  const thrasos = training({ eligibility: { programmeTags: ['thrasos'] } });

  it('admits a participant of the programme', () => {
    const p = participant({ programmeTags: ['thrasos'] });
    expect(programmeTags(p, thrasos, contextFor(p))).toBeNull();
  });

  it('refuses a participant of another programme', () => {
    const p = participant({ programmeTags: ['ipr'] });
    expect(programmeTags(p, thrasos, contextFor(p))).toEqual({
      rule: 'programmeTags', message: 'not in programme thrasos, which the session is reserved for',
    });
  });
});

describe('isolatedAdultsOnly', () => {
  const thrasos = training({ eligibility: { isolatedAdultsOnly: true } });

  it('admits an isolated adult without children', () => {
    const p = participant({ household: { adults: 1, children: 0, isolated: true } });
    expect(isolatedAdultsOnly(p, thrasos, contextFor(p))).toBeNull();
  });

  it('refuses a household with children', () => {
    const p = participant({ household: { adults: 1, children: 2, isolated: true } });
    expect(isolatedAdultsOnly(p, thrasos, contextFor(p))?.message).toBe('household with 2 children, the session is for isolated adults only');
  });

  it('refuses an adult who is not isolated', () => {
    const p = participant({ household: { adults: 2, children: 0, isolated: false } });
    expect(isolatedAdultsOnly(p, thrasos, contextFor(p))?.rule).toBe('isolatedAdultsOnly');
  });
});
