import { z } from 'zod';
import { strictObject } from './strict-object.js';
import { CefrLevel, Gender, Id, IsoDate, LanguageCode, LegalStatus, Region, Sector, Skill } from './common.js';

export const barriers = ['language', 'cv', 'interview', 'childcare', 'confidence', 'mobility', 'digital', 'health'] as const;
export const Barrier = z.enum(barriers);

export const LanguageSkill = strictObject({ language: LanguageCode, level: CefrLevel });

/**
 * A person in the programme. Sensitive fields (legal status, household, health-related
 * barriers) are personal data: only coordinators see them, and logs never print them.
 */
export const Participant = strictObject({
  id: Id,
  /** The programme's own pseudonymous file reference. */
  reference: z.string().max(64).optional(),
  birthYear: z.number().int().min(1900).max(2100),
  gender: Gender,
  legalStatus: LegalStatus,
  /** When the status, or the asylum claim, began. */
  statusSince: IsoDate,
  /** Absent: the participant has no location constraints (e.g. online-only path). */
  homeRegion: Region.optional(),
  /** Left out (a CSV without household columns): one adult, no children, not marked isolated, the defaults of its fields. */
  household: strictObject({
    adults: z.number().int().min(1).default(1),
    children: z.number().int().min(0).default(0),
    isolated: z.boolean().default(false),
  }).default({ adults: 1, children: 0, isolated: false }),
  childcareNeed: z.boolean().default(false),
  languages: z.array(LanguageSkill).default([]),
  /** ISCED level, 0 (none) to 8 (doctorate). */
  educationLevel: z.number().int().min(0).max(8).default(0),
  skills: z.array(Skill).default([]),
  /** Ranked: the first is the strongest wish. */
  sectorWishes: z.array(Sector).default([]),
  relocation: strictObject({
    willing: z.boolean().default(false),
    /** Empty with `willing`: any region. */
    regions: z.array(Region).default([]),
  }).default({ willing: false, regions: [] }),
  housing: strictObject({
    needed: z.boolean().default(false),
    sharedAcceptable: z.boolean().default(true),
  }).default({ needed: false, sharedAcceptable: true }),
  availableFrom: IsoDate,
  waitingSince: IsoDate,
  barriers: z.array(Barrier).default([]),
  mentorPreferences: strictObject({
    gender: Gender.optional(),
    language: LanguageCode.optional(),
  }).default({}),
  programmeTags: z.array(z.string().min(1)).default([]),
  /** Groups a round's policy can give a minimum share to (e.g. `women_with_children`). */
  priorityGroups: z.array(z.string().min(1)).default([]),
});
export type Participant = z.infer<typeof Participant>;
export type ParticipantInput = z.input<typeof Participant>;
