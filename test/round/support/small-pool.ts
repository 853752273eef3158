import type { PoolInput } from '../../../src/domain/pool.js';

/**
 * A hand-made round a coordinator can check by eye: Amina stays in Occitanie (mentor and
 * French course with childcare), Bilal moves to Bretagne (mentor, opening, housing),
 * Chen is over every age limit.
 */
export function smallPool(): PoolInput {
  const adult = { adults: 1, children: 0, isolated: true };
  return {
    name: 'small round', referenceDate: '2026-01-15',
    participants: [
      {
        id: 'amina', birthYear: 1998, gender: 'female', legalStatus: 'refugee', statusSince: '2024-03-01', homeRegion: 'Occitanie',
        household: { adults: 1, children: 1, isolated: false }, childcareNeed: true, languages: [{ language: 'fr', level: 'A1' }],
        sectorWishes: ['G'], availableFrom: '2026-01-01', waitingSince: '2025-01-15', mentorPreferences: { gender: 'female' },
        priorityGroups: ['women_with_children'],
      },
      {
        id: 'bilal', birthYear: 2001, gender: 'male', legalStatus: 'asylum_seeker', statusSince: '2025-02-01', homeRegion: 'Occitanie',
        household: adult, languages: [{ language: 'fr', level: 'B1' }], skills: ['F1703'], sectorWishes: ['F'],
        relocation: { willing: true, regions: ['Bretagne'] }, housing: { needed: true, sharedAcceptable: true },
        availableFrom: '2026-01-01', waitingSince: '2025-07-15',
      },
      {
        id: 'chen', birthYear: 1970, gender: 'male', legalStatus: 'refugee', statusSince: '2023-01-01', homeRegion: 'Occitanie',
        household: adult, languages: [{ language: 'fr', level: 'A2' }], availableFrom: '2026-01-01', waitingSince: '2025-01-15',
      },
    ],
    mentors: [
      { id: 'm-occ', kind: 'volunteer', region: 'Occitanie', caseloadCap: 3, currentCaseload: 2, gender: 'female', languages: ['fr'], availableFrom: '2025-12-01', eligibility: { maxAge: 35 } },
      { id: 'm-bzh', kind: 'volunteer', region: 'Bretagne', caseloadCap: 2, gender: 'male', sectors: ['F'], languages: ['fr'], availableFrom: '2025-12-01', eligibility: { maxAge: 35 } },
    ],
    trainingSessions: [
      { id: 'fle-occ', provider: 'GRETA', kind: 'language', region: 'Occitanie', seats: 1, startDate: '2026-02-02', endDate: '2026-05-29',
        cefrEntry: { min: 'A0', max: 'A2' }, cefrExit: 'B1', childcareProvided: true, eligibility: { maxAge: 35 } },
    ],
    employers: [{ id: 'e-bzh', name: 'Bâtiment Breizh' }],
    openings: [
      { id: 'job-bzh', employerId: 'e-bzh', title: 'Apprentice mason', sector: 'F', shortageIndex: 0.9, region: 'Bretagne', seats: 1,
        minCefr: 'A2', skills: ['F1703'], contractType: 'alternance', durationMonths: 12, startDate: '2026-03-01',
        eligibility: { maxAge: 35, statuses: [{ status: 'asylum_seeker', minMonths: 6 }, { status: 'refugee' }] } },
    ],
    housingUnits: [{ id: 'flat-bzh', region: 'Bretagne', places: 2, kind: 'shared', availableFrom: '2026-01-01', eligibility: { maxAge: 35 } }],
    policy: { timeLimitMs: 10_000 },
  };
}
