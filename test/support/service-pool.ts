import type { ParticipantInput } from '../../src/domain/participant.js';
import type { PoolInput } from '../../src/domain/pool.js';

export const serviceReferenceDate = '2026-01-15';

const isolated = { adults: 1, children: 0, isolated: true };

function local(id: string, extra: Partial<ParticipantInput> = {}): ParticipantInput {
  return {
    id, birthYear: 1999, gender: 'female', legalStatus: 'refugee', statusSince: '2024-03-01', homeRegion: 'Occitanie',
    household: isolated, languages: [{ language: 'fr', level: 'A2' }], sectorWishes: ['G'],
    availableFrom: '2026-01-01', waitingSince: '2025-03-01', ...extra,
  };
}

/**
 * A small live pool the API tests can reason about by eye. In Occitanie, four young people
 * compete for one mentor with room for two, one French course seat and one kitchen job;
 * Bilal would move to Bretagne for a mason's apprenticeship with housing and a mentor there;
 * Chen is over every age limit, so nothing is open to him. Two employers, so that an
 * employer key has someone else's openings it must not see.
 */
export function servicePool(): PoolInput {
  return {
    name: 'service test pool', referenceDate: serviceReferenceDate,
    participants: [
      local('amina', { household: { adults: 1, children: 1, isolated: false }, childcareNeed: true, languages: [{ language: 'fr', level: 'A1' }], priorityGroups: ['women_with_children'] }),
      local('dana'),
      local('eli', { gender: 'male' }),
      local('farah'),
      local('bilal', {
        gender: 'male', legalStatus: 'asylum_seeker', statusSince: '2025-02-01', languages: [{ language: 'fr', level: 'B1' }], skills: ['F1703'],
        sectorWishes: ['F'], relocation: { willing: true, regions: ['Bretagne'] }, housing: { needed: true, sharedAcceptable: true }, waitingSince: '2025-07-15',
      }),
      local('chen', { birthYear: 1970, gender: 'male' }),
    ],
    mentors: [
      { id: 'm-occ', kind: 'volunteer', region: 'Occitanie', caseloadCap: 3, currentCaseload: 1, gender: 'female', languages: ['fr'], availableFrom: '2025-12-01', eligibility: { maxAge: 35 } },
      { id: 'm-bzh', kind: 'volunteer', region: 'Bretagne', caseloadCap: 2, gender: 'male', sectors: ['F'], languages: ['fr'], availableFrom: '2025-12-01', eligibility: { maxAge: 35 } },
    ],
    trainingSessions: [
      { id: 'fle-occ', provider: 'GRETA', kind: 'language', region: 'Occitanie', seats: 1, startDate: '2026-02-02', endDate: '2026-05-29',
        cefrEntry: { min: 'A0', max: 'A2' }, cefrExit: 'B1', childcareProvided: true, eligibility: { maxAge: 35 } },
    ],
    employers: [{ id: 'emp-bzh', name: 'Bâtiment Breizh', region: 'Bretagne' }, { id: 'emp-occ', name: 'Cuisine Sud', region: 'Occitanie' }],
    openings: [
      { id: 'job-bzh', employerId: 'emp-bzh', title: 'Apprentice mason', sector: 'F', shortageIndex: 0.9, region: 'Bretagne', seats: 1,
        minCefr: 'A2', skills: ['F1703'], contractType: 'alternance', durationMonths: 12, startDate: '2026-03-01',
        eligibility: { maxAge: 35, statuses: [{ status: 'asylum_seeker', minMonths: 6 }, { status: 'refugee' }] } },
      { id: 'job-occ', employerId: 'emp-occ', title: 'Kitchen assistant', sector: 'G', shortageIndex: 0.5, region: 'Occitanie', seats: 1,
        minCefr: 'A1', contractType: 'internship', durationMonths: 6, startDate: '2026-03-01', eligibility: { maxAge: 35 } },
    ],
    housingUnits: [{ id: 'flat-bzh', region: 'Bretagne', places: 2, kind: 'shared', availableFrom: '2026-01-01', eligibility: { maxAge: 35 } }],
    policy: { referenceDate: serviceReferenceDate, timeLimitMs: 10_000 },
  };
}

/** The policy rounds over this pool are created with, so ages and waiting times are counted to a fixed day. */
export const servicePolicy = { referenceDate: serviceReferenceDate, timeLimitMs: 10_000 };
