import { z } from 'zod';
import { strictObject } from './strict-object.js';
import { LegalStatus } from './common.js';

/**
 * Who a resource admits, as written in the programme rules
 * ("under 26", "asylum seekers of more than 6 months", "isolated adults only").
 * Every field is optional: absent means the resource does not restrict on it.
 */
export const StatusRule = strictObject({
  status: LegalStatus,
  /** Minimum months since the status (or the asylum claim) began. */
  minMonths: z.number().int().nonnegative().optional(),
});

export const EligibilityCriteria = strictObject({
  minAge: z.number().int().min(0).max(120).optional(),
  maxAge: z.number().int().min(0).max(120).optional(),
  /** Absent: every legal status is admitted. */
  statuses: z.array(StatusRule).min(1).optional(),
  isolatedAdultsOnly: z.boolean().default(false),
  /** Absent: open to all programmes; otherwise the participant needs one of these tags. */
  programmeTags: z.array(z.string().min(1)).optional(),
}).refine((c) => c.minAge === undefined || c.maxAge === undefined || c.minAge <= c.maxAge, {
  message: 'minAge must not exceed maxAge',
  path: ['maxAge'],
});
export type EligibilityCriteria = z.infer<typeof EligibilityCriteria>;
