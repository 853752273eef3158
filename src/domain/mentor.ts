import { z } from 'zod';
import { strictObject } from './strict-object.js';
import { Capacity, Gender, Id, IsoDate, LanguageCode, Region, Sector } from './common.js';
import { EligibilityCriteria } from './criteria.js';

export const MentorKind = z.enum(['contact_person', 'volunteer', 'professional']);

export const Mentor = strictObject({
  id: Id,
  displayName: z.string().max(120).optional(),
  kind: MentorKind,
  /** Absent: follows participants remotely, wherever they live. */
  region: Region.optional(),
  /** Most participants the mentor may follow at once (18 for a Norwegian contact person). */
  caseloadCap: Capacity,
  currentCaseload: Capacity.default(0),
  languages: z.array(LanguageCode).default([]),
  sectors: z.array(Sector).default([]),
  gender: Gender,
  availableFrom: IsoDate,
  eligibility: EligibilityCriteria.default({ isolatedAdultsOnly: false }),
}).superRefine((mentor, ctx) => {
  // Silently treating an over-full caseload as "no room" would hide a data error from the coordinator.
  if (mentor.currentCaseload > mentor.caseloadCap) {
    ctx.addIssue({ code: 'custom', path: ['caseloadCap'], message: `must be at least the current caseload (${mentor.currentCaseload})` });
  }
});
export type Mentor = z.infer<typeof Mentor>;
