import { Pool, type PoolInput } from '../../../src/domain/pool.js';
import { Participant, type ParticipantInput } from '../../../src/domain/participant.js';
import { Mentor } from '../../../src/domain/mentor.js';
import { TrainingSession } from '../../../src/domain/training-session.js';
import { Opening } from '../../../src/domain/opening.js';
import { HousingUnit } from '../../../src/domain/housing-unit.js';
import type { z } from 'zod';
import type { PoolResource, TaggedItem } from '../../../src/scoring/scorer.js';
import { poolResource } from '../../../src/eligibility/pool-index.js';
import { eligibilityContext } from '../../../src/eligibility/facts.js';

/** Test data factories: plausible defaults, and only what a test cares about spelled out. */

type Of<K extends PoolResource['kind']> = Extract<PoolResource, { kind: K }>;
/** A resource as the pool index builds it (with its day numbers). */
const ofKind = <T extends TaggedItem>(tagged: T) => poolResource(tagged) as Of<T['kind']>;

export const referenceDate = '2026-01-15';

export function participant(fields: Partial<ParticipantInput> = {}): Participant {
  return Participant.parse({
    id: 'p1', birthYear: 2000, gender: 'female', legalStatus: 'refugee', statusSince: '2024-01-01',
    homeRegion: 'Occitanie', household: { adults: 1, children: 0, isolated: true },
    availableFrom: '2026-01-01', waitingSince: '2025-07-01', ...fields,
  });
}

export function mentor(fields: Partial<z.input<typeof Mentor>> = {}): Of<'mentor'> {
  return ofKind({ kind: 'mentor', item: Mentor.parse({ id: 'm1', kind: 'volunteer', region: 'Occitanie', caseloadCap: 3, gender: 'female', availableFrom: '2025-12-01', ...fields }) });
}

export function training(fields: Partial<z.input<typeof TrainingSession>> = {}): Of<'training'> {
  return ofKind({
    kind: 'training',
    item: TrainingSession.parse({ id: 't1', provider: 'AFPA', kind: 'qualifying', region: 'Occitanie', seats: 10, startDate: '2026-02-01', endDate: '2026-06-30', ...fields }),
  });
}

export function opening(fields: Partial<z.input<typeof Opening>> = {}): Of<'opening'> {
  return ofKind({
    kind: 'opening',
    item: Opening.parse({ id: 'o1', employerId: 'e1', title: 'Kitchen assistant', sector: 'G', region: 'Occitanie', seats: 1, contractType: 'alternance', startDate: '2026-03-01', ...fields }),
  });
}

export function housing(fields: Partial<z.input<typeof HousingUnit>> = {}): Of<'housing'> {
  return ofKind({ kind: 'housing', item: HousingUnit.parse({ id: 'h1', region: 'Occitanie', places: 2, kind: 'shared', availableFrom: '2025-12-01', ...fields }) });
}

export function contextFor(p: Participant, regions: readonly string[] = ['Bretagne', 'Grand Est', 'Occitanie']) {
  return eligibilityContext(p, referenceDate, regions);
}

export function pool(fields: Partial<PoolInput> = {}): Pool {
  return Pool.parse({ name: 'test pool', referenceDate, participants: [], ...fields });
}
