import { z } from 'zod';
import { IsoDate } from './common.js';
import { Participant } from './participant.js';
import { Mentor } from './mentor.js';
import { TrainingSession } from './training-session.js';
import { Employer, Opening } from './opening.js';
import { HousingUnit } from './housing-unit.js';
import { RoundPolicy } from './policy.js';
import { checkPoolReferences } from './pool-references.js';
import { ProblemOverride } from '../../solver/problem.js';

/**
 * Everything a placement round works on: the people, the four kinds of resource and
 * the policy. Resource ids share one namespace, so that an override or an assignment
 * names a resource without saying its kind.
 */
/** Sections a pool file may have: anything else is a typo or an unknown kind of resource. */
const poolSections = ['name', 'description', 'referenceDate', 'participants', 'mentors', 'trainingSessions', 'employers', 'openings', 'housingUnits', 'policy', 'overrides'];

export const Pool = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  referenceDate: IsoDate,
  participants: z.array(Participant),
  mentors: z.array(Mentor).default([]),
  trainingSessions: z.array(TrainingSession).default([]),
  employers: z.array(Employer).default([]),
  openings: z.array(Opening).default([]),
  housingUnits: z.array(HousingUnit).default([]),
  policy: RoundPolicy.default(RoundPolicy.parse({})),
  /** Coordinator decisions for this round: `require` fixes a pair into the plan, `forbid` removes it. */
  overrides: z.array(ProblemOverride).optional(),
}, {
  error: (issue) => (issue.code === 'unrecognized_keys'
    ? `unknown section ${issue.keys.map((k) => `"${k}"`).join(', ')}: a pool has ${poolSections.join(', ')}`
    : undefined),
}).superRefine(checkPoolReferences);
export type Pool = z.infer<typeof Pool>;
export type PoolInput = z.input<typeof Pool>;

