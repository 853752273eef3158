import { describe, it, expect } from 'vitest';
import { bridgesTo, cefrEntry, openingMinCefr } from '../../src/eligibility/language-rules.js';
import { contextFor, opening, participant, training } from '../round/support/factories.js';

describe('cefrEntry', () => {
  const fle = training({ kind: 'language', language: 'fr', cefrEntry: { min: 'A1', max: 'A2' }, cefrExit: 'B1' });

  it('admits a level inside the entry range, in the session language', () => {
    const p = participant({ languages: [{ language: 'fr', level: 'A2' }] });
    expect(cefrEntry(p, fle, contextFor(p))).toBeNull();
  });

  it('refuses a level above the range', () => {
    const p = participant({ languages: [{ language: 'fr', level: 'B2' }] });
    expect(cefrEntry(p, fle, contextFor(p))).toEqual({ rule: 'cefrEntry', message: 'B2 in fr, the session admits A1–A2' });
  });

  it('counts a language the participant does not list as A0', () => {
    const p = participant({ languages: [{ language: 'ar', level: 'C2' }] });
    expect(cefrEntry(p, fle, contextFor(p))?.message).toBe('A0 in fr, the session admits A1–A2');
  });
});

describe('openingMinCefr', () => {
  const job = opening({ language: 'fr', minCefr: 'B1' });

  it('admits a participant at the minimum level', () => {
    const p = participant({ languages: [{ language: 'fr', level: 'B1' }] });
    expect(openingMinCefr(p, job, contextFor(p))).toBeNull();
  });

  it('refuses a participant below it', () => {
    const p = participant({ languages: [{ language: 'fr', level: 'A2' }] });
    expect(openingMinCefr(p, job, contextFor(p))?.message).toBe('A2 in fr, the opening needs B1 and no eligible language training leads there');
  });
});

describe('bridgesTo', () => {
  const job = opening({ language: 'fr', minCefr: 'B1' }).item;

  it('accepts a language session in the same language that leads to the level', () => {
    const fle = training({ kind: 'language', language: 'fr', cefrExit: 'B1' }).item;
    expect(bridgesTo(fle, job)).toBe(true);
  });

  it('rejects a session that stops below the level, teaches another language, or is not a language session', () => {
    expect(bridgesTo(training({ kind: 'language', language: 'fr', cefrExit: 'A2' }).item, job)).toBe(false);
    expect(bridgesTo(training({ kind: 'language', language: 'nb', cefrExit: 'B2' }).item, job)).toBe(false);
    expect(bridgesTo(training({ kind: 'qualifying', language: 'fr', cefrExit: 'B2' }).item, job)).toBe(false);
  });
});

describe('bridgesTo with the bridges an opening names', () => {
  it('accepts exactly the sessions the opening lists, whatever their kind or exit level', () => {
    const prep = training({ id: 'prep', kind: 'workshop', language: 'fr' }).item;
    const fle = training({ id: 'fle', kind: 'language', language: 'fr', cefrExit: 'B2' }).item;
    const job = opening({ minCefr: 'B1', bridgeTrainings: ['prep'] }).item;
    expect(bridgesTo(prep, job)).toBe(true);
    expect(bridgesTo(fle, job)).toBe(false);
  });
});
