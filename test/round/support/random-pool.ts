import { Pool, type PoolInput } from '../../../src/domain/pool.js';
import { cefrLevels } from '../../../src/domain/common.js';

/** A seeded random pool with the structure of the programmes: for property tests and timings. */

export const regions = [
  'Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne', 'Centre-Val de Loire', 'Corse', 'Grand Est', 'Hauts-de-France',
  'Île-de-France', 'Normandie', 'Nouvelle-Aquitaine', 'Occitanie', 'Pays de la Loire', "Provence-Alpes-Côte d'Azur",
];
const sectors = ['A', 'B', 'F', 'G', 'H', 'I', 'J', 'K', 'N'];
const skills = Array.from({ length: 40 }, (_, i) => `S${100 + i}`);
const languages = ['fr', 'ar', 'en', 'ps', 'ti', 'so'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PoolSizes { participants: number; mentors: number; trainings: number; openings: number; housing: number; regions?: number }

/** A cap and a current caseload within it: a caseload above the cap is refused by the mentor schema. */
function caseload(cap: number, current: number) {
  return { caseloadCap: cap, currentCaseload: Math.min(cap, current) };
}

export function randomPool(seed: number, sizes: PoolSizes): Pool {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(list)))];
  const used = regions.slice(0, sizes.regions ?? 8);
  const date = (year: number) => `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const level = () => pick(cefrLevels);
  const input: PoolInput = {
    name: `random-${seed}`, referenceDate: '2026-01-15',
    participants: Array.from({ length: sizes.participants }, (_, i) => {
      const children = rnd() < 0.3 ? int(1, 3) : 0;
      return {
        id: `p${i}`, birthYear: int(1975, 2007), gender: pick(['female', 'male'] as const),
        legalStatus: pick(['asylum_seeker', 'refugee', 'subsidiary_protection', 'family_reunification'] as const),
        statusSince: date(int(2022, 2025)), ...(rnd() < 0.95 ? { homeRegion: pick(used) } : {}),
        household: { adults: children > 0 ? int(1, 2) : 1, children, isolated: children === 0 && rnd() < 0.7 },
        childcareNeed: children > 0 && rnd() < 0.6,
        languages: some(languages, int(1, 3)).map((language) => ({ language, level: level() })),
        skills: some(skills, int(0, 4)), sectorWishes: some(sectors, int(0, 3)),
        relocation: rnd() < 0.3 ? { willing: true, regions: rnd() < 0.5 ? [] : some(used, 2) } : { willing: false, regions: [] },
        housing: { needed: rnd() < 0.4, sharedAcceptable: rnd() < 0.7 },
        availableFrom: date(2025), waitingSince: date(int(2023, 2025)),
        mentorPreferences: rnd() < 0.1 ? { gender: pick(['female', 'male'] as const) } : {},
        programmeTags: rnd() < 0.5 ? ['ipr'] : [], priorityGroups: children > 0 ? ['with_children'] : [],
      };
    }),
    mentors: Array.from({ length: sizes.mentors }, (_, i) => ({
      id: `m${i}`, kind: 'volunteer' as const, ...(rnd() < 0.9 ? { region: pick(used) } : {}), ...caseload(int(1, 18), int(0, 3)),
      languages: some(languages, int(1, 2)), sectors: some(sectors, int(0, 2)), gender: pick(['female', 'male'] as const), availableFrom: date(2025),
    })),
    trainingSessions: Array.from({ length: sizes.trainings }, (_, i) => {
      const language = rnd() < 0.5;
      return {
        id: `t${i}`, provider: 'GRETA', kind: language ? 'language' as const : pick(['qualifying', 'workshop', 'alternance'] as const),
        ...(language ? {} : { sector: pick(sectors) }), ...(rnd() < 0.9 ? { region: pick(used) } : {}),
        seats: int(4, 15), startDate: date(2026), endDate: '2026-12-31', language: 'fr',
        cefrEntry: language ? { min: 'A0' as const, max: 'B1' as const } : { min: 'A1' as const, max: 'C2' as const },
        ...(language ? { cefrExit: pick(['A2', 'B1', 'B2'] as const) } : {}), skills: some(skills, int(0, 3)), childcareProvided: rnd() < 0.3,
        eligibility: rnd() < 0.3 ? { maxAge: 25, isolatedAdultsOnly: false } : { isolatedAdultsOnly: false },
      };
    }),
    openings: Array.from({ length: sizes.openings }, (_, i) => ({
      id: `o${i}`, employerId: 'e1', title: 'Opening', sector: pick(sectors), shortageIndex: Math.round(rnd() * 100) / 100, region: pick(used),
      seats: int(1, 3), minCefr: pick(['A1', 'A2', 'B1', 'B2'] as const), skills: some(skills, int(0, 3)),
      contractType: pick(['internship', 'alternance', 'fixed_term'] as const), startDate: date(2026), status: rnd() < 0.95 ? 'open' as const : 'filled' as const,
    })),
    housingUnits: Array.from({ length: sizes.housing }, (_, i) => {
      const kind = pick(['shared', 'single', 'family'] as const);
      return { id: `h${i}`, region: pick(used), places: kind === 'family' ? int(3, 6) : int(1, 4), kind, availableFrom: date(2025), suitableForChildren: kind === 'family' };
    }),
  };
  return Pool.parse(input);
}
