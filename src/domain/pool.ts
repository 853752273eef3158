import { z } from 'zod';
import { IsoDate } from './common.js';
import { Participant } from './participant.js';
import { Mentor } from './mentor.js';
import { TrainingSession } from './training-session.js';
import { Employer, Opening } from './opening.js';
import { HousingUnit } from './housing-unit.js';
import { RoundPolicy } from './policy.js';

/**
 * Everything a placement round works on: the people, the four kinds of resource and
 * the policy. Resource ids share one namespace, so that an override or an assignment
 * names a resource without saying its kind.
 */
export const Pool = z.object({
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
}).superRefine((pool, ctx) => {
  const seen = new Map<string, string>();
  const check = (list: { id: string }[], key: string) => {
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}" (already used at ${first})` });
      else seen.set(item.id, `${key}[${i}]`);
    });
  };
  check(pool.participants, 'participants');
  seen.clear();
  for (const key of ['mentors', 'trainingSessions', 'openings', 'housingUnits'] as const) check(pool[key], key);
  const employers = new Set(pool.employers.map((e) => e.id));
  pool.openings.forEach((o, i) => {
    if (pool.employers.length > 0 && !employers.has(o.employerId)) {
      ctx.addIssue({ code: 'custom', path: ['openings', i, 'employerId'], message: `unknown employer "${o.employerId}"` });
    }
  });
});
export type Pool = z.infer<typeof Pool>;
export type PoolInput = z.input<typeof Pool>;

