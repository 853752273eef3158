import { z } from 'zod';
import { strictObject } from './strict-object.js';
import { Capacity, CefrLevel, Id, IsoDate, LanguageCode, Region, Sector, Skill } from './common.js';
import { EligibilityCriteria } from './criteria.js';

export const Employer = strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  region: Region.optional(),
});
export type Employer = z.infer<typeof Employer>;

export const ContractType = z.enum(['internship', 'alternance', 'fixed_term', 'permanent']);
export const OpeningStatus = z.enum(['open', 'withdrawn', 'filled']);

/** An internship, alternance contract or job that an employer offers. */
export const Opening = strictObject({
  id: Id,
  employerId: Id,
  title: z.string().min(1).max(200),
  sector: Sector,
  /** 0 (no shortage) to 1 (acute shortage), from the regional shortage lists. */
  shortageIndex: z.number().min(0).max(1).default(0),
  region: Region,
  seats: Capacity,
  language: LanguageCode.default('fr'),
  minCefr: CefrLevel.default('A0'),
  skills: z.array(Skill).default([]),
  contractType: ContractType,
  durationMonths: z.number().int().positive().optional(),
  startDate: IsoDate,
  status: OpeningStatus.default('open'),
  eligibility: EligibilityCriteria.default({ isolatedAdultsOnly: false }),
  /**
   * Training sessions that lead to this opening's language level, named by the programme
   * (e.g. Thrasos' 10-week French-for-work preparation). Absent: any language session in the
   * opening's language whose exit level reaches `minCefr` bridges to it.
   */
  bridgeTrainings: z.array(Id).optional(),
});
export type Opening = z.infer<typeof Opening>;
