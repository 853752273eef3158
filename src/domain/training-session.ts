import { z } from 'zod';
import { strictObject } from './strict-object.js';
import { Capacity, CefrLevel, Id, IsoDate, LanguageCode, Region, Sector, Skill, cefrRank } from './common.js';
import { EligibilityCriteria } from './criteria.js';

export const TrainingKind = z.enum(['language', 'qualifying', 'workshop', 'alternance']);

export const TrainingSession = strictObject({
  id: Id,
  provider: z.string().min(1),
  title: z.string().min(1).optional(),
  kind: TrainingKind,
  sector: Sector.optional(),
  /** Absent: online or not bound to a region. */
  region: Region.optional(),
  seats: Capacity,
  startDate: IsoDate,
  endDate: IsoDate,
  language: LanguageCode.default('fr'),
  /** Level a participant must have to enter, in the session's language. */
  cefrEntry: strictObject({ min: CefrLevel, max: CefrLevel }).default({ min: 'A0', max: 'C2' }),
  /** Level the session leads to: what makes it a bridge to an opening. */
  cefrExit: CefrLevel.optional(),
  skills: z.array(Skill).default([]),
  childcareProvided: z.boolean().default(false),
  eligibility: EligibilityCriteria.default({ isolatedAdultsOnly: false }),
}).superRefine((t, ctx) => {
  if (cefrRank(t.cefrEntry.min) > cefrRank(t.cefrEntry.max)) {
    ctx.addIssue({ code: 'custom', path: ['cefrEntry', 'max'], message: 'must not be below cefrEntry.min' });
  }
  if (t.endDate < t.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
  }
});
export type TrainingSession = z.infer<typeof TrainingSession>;
