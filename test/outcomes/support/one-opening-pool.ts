import { Pool, type PoolInput } from '../../../src/domain/pool.js';
import { handModel } from './hand-model.js';

/**
 * One mentor with room for all three, one opening seat, three candidates for it:
 *  - Amal waited longest and has the most education (6): first come, first served gives her the seat;
 *  - Bruno waited less, has education 2 and the opening's skill: the rule-based score gives it to him;
 *  - Chadia waited least, has no education and no skill: the outcome model gives it to her.
 * Under `oneOpeningModel` (logit −0.5 + 0.5·education + 1·opening) the seat lifts the chance of
 * being in work by σ(0.5 + 0.5e) − σ(−0.5 + 0.5e): 0.047 for Amal, 0.195 for Bruno, 0.245 for Chadia.
 */
export function oneOpeningPool(): Pool {
  const person = (id: string, educationLevel: number, waitingSince: string, skills: string[]) => ({
    id, birthYear: 1996, gender: 'female' as const, legalStatus: 'refugee' as const, statusSince: '2023-01-01', homeRegion: 'Occitanie',
    household: { adults: 1, children: 0, isolated: true }, languages: [{ language: 'fr', level: 'B1' as const }],
    educationLevel, skills, sectorWishes: ['Q'], availableFrom: '2026-01-01', waitingSince,
  });
  const input: PoolInput = {
    name: 'one opening', referenceDate: '2026-01-15',
    participants: [person('amal', 6, '2024-01-15', []), person('bruno', 2, '2025-01-15', ['J1501']), person('chadia', 0, '2025-10-15', [])],
    mentors: [{ id: 'mentor', kind: 'volunteer', region: 'Occitanie', caseloadCap: 3, gender: 'female', languages: ['fr'], availableFrom: '2025-12-01' }],
    employers: [{ id: 'clinic', name: 'Clinique du Parc' }],
    openings: [{
      id: 'care-aide', employerId: 'clinic', title: 'Care aide', sector: 'Q', shortageIndex: 0.5, region: 'Occitanie', seats: 1,
      minCefr: 'A2', skills: ['J1501'], contractType: 'fixed_term', durationMonths: 6, startDate: '2026-02-01',
    }],
    policy: { timeLimitMs: 10_000 },
  };
  return Pool.parse(input);
}

export const oneOpeningModel = handModel(-0.5, { education: 0.5, kindOpening: 1 });
