import { describe, it, expect } from 'vitest';
import { mentorPreferences } from '../../src/eligibility/mentor-rules.js';
import { availability, resourceOpen } from '../../src/eligibility/date-rules.js';
import { relocation } from '../../src/eligibility/location-rules.js';
import { contextFor, housing, mentor, opening, participant, training } from '../round/support/factories.js';

describe('mentorPreferences', () => {
  const p = participant({ mentorPreferences: { gender: 'female', language: 'ar' } });

  it('admits a mentor matching the asked gender and language', () => {
    expect(mentorPreferences(p, mentor({ gender: 'female', languages: ['fr', 'ar'] }), contextFor(p))).toBeNull();
  });

  it('refuses a mentor of another gender', () => {
    expect(mentorPreferences(p, mentor({ gender: 'male', languages: ['ar'] }), contextFor(p))).toEqual({
      rule: 'mentorPreferences', message: 'asked for a female mentor, the mentor is male',
    });
  });

  it('refuses a mentor who does not speak the asked language', () => {
    expect(mentorPreferences(p, mentor({ languages: ['fr'] }), contextFor(p))?.message).toBe('asked for a mentor speaking ar, the mentor speaks fr');
  });

  it('does not apply to other resource kinds', () => {
    expect(mentorPreferences(p, training(), contextFor(p))).toBeNull();
  });
});

describe('resourceOpen', () => {
  const p = participant();

  it('refuses openings that are filled or withdrawn, and sessions already over', () => {
    expect(resourceOpen(p, opening({ status: 'filled' }), contextFor(p))?.message).toBe('the opening is filled');
    expect(resourceOpen(p, training({ startDate: '2025-09-01', endDate: '2025-12-20' }), contextFor(p))?.message).toBe('the session ended on 2025-12-20');
  });

  it('admits open openings and running sessions', () => {
    expect(resourceOpen(p, opening(), contextFor(p))).toBeNull();
    expect(resourceOpen(p, training({ startDate: '2025-12-01', endDate: '2026-03-01' }), contextFor(p))).toBeNull();
  });
});

describe('availability', () => {
  it('refuses a session that starts before the participant is available', () => {
    const p = participant({ availableFrom: '2026-03-01' });
    expect(availability(p, training({ startDate: '2026-02-01' }), contextFor(p))).toEqual({
      rule: 'availability', message: 'available from 2026-03-01, the session starts on 2026-02-01',
    });
  });

  it('refuses a mentor or housing unit not available when the participant starts', () => {
    const p = participant({ availableFrom: '2026-01-01' });
    expect(availability(p, mentor({ availableFrom: '2026-04-01' }), contextFor(p))?.message)
      .toBe('starts on 2026-01-15, the mentor is available only from 2026-04-01 (more than 30 days later)');
    expect(availability(p, housing({ availableFrom: '2026-01-10' }), contextFor(p))).toBeNull();
  });

  it('lets a mentor or housing unit become free up to 30 days after the participant starts', () => {
    const p = participant({ availableFrom: '2026-02-01' });
    expect(availability(p, mentor({ availableFrom: '2026-03-03' }), contextFor(p))).toBeNull();
    expect(availability(p, housing({ availableFrom: '2026-03-04' }), contextFor(p))?.rule).toBe('availability');
  });

  it('compares dates as day numbers to the day: a session starting the day before the participant is free, one ending the day before the round', () => {
    const p = participant({ availableFrom: '2026-02-01' });
    const resources = [
      training({ startDate: '2026-01-31', endDate: '2026-06-30' }), training({ startDate: '2025-09-01', endDate: '2026-01-14' }),
      training({ startDate: '2026-02-01', endDate: '2026-06-30' }), training({ startDate: '2026-01-10', endDate: '2026-01-15' }),
      opening({ startDate: '2026-01-31' }), opening({ startDate: '2026-02-01' }),
      mentor({ availableFrom: '2026-03-03' }), housing({ availableFrom: '2026-03-04' }),
    ];
    const verdicts = resources.map((r) => [availability(p, r, contextFor(p))?.rule ?? null, resourceOpen(p, r, contextFor(p))?.rule ?? null]);
    expect(verdicts).toEqual([
      ['availability', null], ['availability', 'resourceOpen'], [null, null], ['availability', null],
      ['availability', null], [null, null], [null, null], ['availability', null],
    ]);
  });
});

describe('relocation', () => {
  const home = participant({ homeRegion: 'Occitanie' });

  it('admits resources in the home region and resources bound to no region', () => {
    expect(relocation(home, mentor({ region: 'Occitanie' }), contextFor(home))).toBeNull();
    expect(relocation(home, mentor({ region: undefined }), contextFor(home))).toBeNull();
  });

  it('refuses another region to someone who does not wish to move', () => {
    expect(relocation(home, opening({ region: 'Bretagne' }), contextFor(home))?.message)
      .toBe('lives in Occitanie and does not wish to relocate, the resource is in Bretagne');
  });

  it('admits only listed regions when the participant names some, any region when the list is empty', () => {
    const listed = participant({ relocation: { willing: true, regions: ['Grand Est'] } });
    expect(relocation(listed, opening({ region: 'Grand Est' }), contextFor(listed))).toBeNull();
    expect(relocation(listed, opening({ region: 'Bretagne' }), contextFor(listed))?.message)
      .toBe('lives in Occitanie and accepts to move only to Grand Est, the resource is in Bretagne');
    const anywhere = participant({ relocation: { willing: true, regions: [] } });
    expect(relocation(anywhere, opening({ region: 'Bretagne' }), contextFor(anywhere))).toBeNull();
  });

  it('sets no location rule for a participant without a home region', () => {
    const online = participant({ homeRegion: undefined });
    expect(relocation(online, opening({ region: 'Bretagne' }), contextFor(online))).toBeNull();
  });
});
