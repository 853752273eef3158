import { Pool, type PoolInput } from '../../../src/domain/pool.js';
import type { ParticipantInput } from '../../../src/domain/participant.js';

/** An isolated adult refugee, available now, waiting since mid-2025: eligible for almost everything. */
export function participant(id: string, homeRegion: string, extra: Partial<ParticipantInput> = {}): ParticipantInput {
  return {
    id,
    birthYear: 1998,
    gender: 'female',
    legalStatus: 'refugee',
    statusSince: '2024-01-01',
    homeRegion,
    household: { adults: 1, children: 0, isolated: true },
    languages: [{ language: 'fr', level: 'B1' }],
    sectorWishes: ['construction'],
    availableFrom: '2026-01-01',
    waitingSince: '2025-06-01',
    ...extra,
  };
}

function mentor(id: string, region: string, caseloadCap: number) {
  return { id, kind: 'volunteer' as const, region, caseloadCap, sectors: ['construction'], languages: ['fr'], gender: 'male' as const, availableFrom: '2025-01-01' };
}

/**
 * Two regions. In Occitanie four people wait for one mentor who can follow two. Two more
 * Occitanie residents would move to Bretagne, where an opening in construction and two
 * housing places wait for them, and a mentor with room to spare.
 */
export function twoRegionPool(extra: Partial<PoolInput> = {}): Pool {
  const movers = { relocation: { willing: true, regions: ['Bretagne'] }, housing: { needed: false, sharedAcceptable: true } };
  return Pool.parse({
    name: 'two regions',
    referenceDate: '2026-01-15',
    participants: [
      participant('o1', 'Occitanie'),
      participant('o2', 'Occitanie'),
      participant('o3', 'Occitanie'),
      participant('o4', 'Occitanie'),
      participant('b1', 'Occitanie', movers),
      participant('b2', 'Occitanie', movers),
    ],
    mentors: [mentor('m-occ-1', 'Occitanie', 2), mentor('m-bre-1', 'Bretagne', 3)],
    employers: [{ id: 'e1', name: 'Bâtiment Ouest' }],
    openings: [{
      id: 'op-bre-1', employerId: 'e1', title: 'Maçon en alternance', sector: 'construction', shortageIndex: 1,
      region: 'Bretagne', seats: 2, contractType: 'alternance', durationMonths: 12, startDate: '2026-03-01',
    }],
    housingUnits: [
      { id: 'h-bre-1', region: 'Bretagne', places: 1, kind: 'shared', availableFrom: '2026-01-01' },
      { id: 'h-bre-2', region: 'Bretagne', places: 1, kind: 'single', availableFrom: '2026-01-01' },
    ],
    ...extra,
  });
}

/** Housing units of various sizes in one region, for the spreading rules. */
export function housingPool(places: number[]): Pool {
  return Pool.parse({
    name: 'housing',
    referenceDate: '2026-01-15',
    participants: [participant('p1', 'Bretagne')],
    housingUnits: places.map((n, i) => ({ id: `h${i + 1}`, region: 'Bretagne', places: n, kind: 'shared', availableFrom: '2026-01-01' })),
  });
}

/** Deep-freezes a value, so that any write to it throws (modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
