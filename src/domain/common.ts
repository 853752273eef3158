import { z } from 'zod';

/** Pseudonymous identifiers only: never a name, never a national number. */
export const Id = z.string().min(1, 'must be a non-empty id').max(64, 'must be at most 64 characters');

/** Calendar day, ISO 8601 (YYYY-MM-DD). */
export const IsoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/** Seats, places or a caseload: a whole number, zero or more. */
export const Capacity = z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be zero or more');

export const Region = z.string().min(1, 'must name a region');

export const cefrLevels = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const CefrLevel = z.enum(cefrLevels, { message: `must be a CEFR level (${cefrLevels.join(', ')})` });
export type CefrLevel = z.infer<typeof CefrLevel>;

// A map, not indexOf: eligibility asks for ranks millions of times in a national round.
const cefrRanks = new Map<string, number>(cefrLevels.map((level, rank) => [level, rank]));

/** A0 = 0 … C2 = 6, so that levels can be compared and subtracted. */
export function cefrRank(level: CefrLevel): number {
  return cefrRanks.get(level)!;
}

/** ISO 639-1 code of a language, e.g. `fr`, `ar`, `prs`-style codes are accepted too. */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be a 2- or 3-letter language code such as fr');

export const Gender = z.enum(['female', 'male', 'other']);
export type Gender = z.infer<typeof Gender>;

export const legalStatuses = ['asylum_seeker', 'refugee', 'subsidiary_protection', 'family_reunification', 'other'] as const;
export const LegalStatus = z.enum(legalStatuses);
export type LegalStatus = z.infer<typeof LegalStatus>;

/** Sector codes: ROME top-level domains (A…N) or free programme codes such as `construction`. */
export const Sector = z.string().min(1, 'must name a sector');
/** Skill codes: ROME (e.g. F1703) or ESCO identifiers. */
export const Skill = z.string().min(1, 'must name a skill');
