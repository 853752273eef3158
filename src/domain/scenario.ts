import { z } from 'zod';
import { strictObject } from './strict-object.js';
import { ResourceKind } from '../../solver/problem.js';
import { Id, Region } from './common.js';
import { RoundPolicy, ScoreWeights } from './policy.js';

/**
 * A capacity scenario: what a planner would change in a pool ("+5 mentors in Occitanie,
 * −20 housing places in Bretagne") to see what the round would then give. The changes are
 * applied to a copy of the pool; live data never changes.
 *
 * Capacity of a resource: seats of a training session or an opening, places of a housing
 * unit, free caseload of a mentor (caseload cap minus current caseload; a change moves the cap).
 */
export const ChangeUnit = z.enum(['capacity', 'resources']);
export type ChangeUnit = z.infer<typeof ChangeUnit>;

/**
 * One change, either on one resource or on a group (a kind in a region):
 * - `{ resource: "t-12", delta: 3 }`: three more seats on training session t-12;
 *   a removal may not exceed the resource's free capacity.
 * - `{ kind: "housing", region: "Bretagne", delta: -20 }` (unit `capacity`, the default):
 *   twenty places fewer, spread over the group's resources in proportion to their free
 *   capacity (largest remainders, ties in pool order), so no resource goes below zero;
 *   additions are spread the same way (evenly when the group has no free capacity at all).
 * - `{ kind: "mentor", region: "Occitanie", delta: 5, unit: "resources" }`: five new mentors,
 *   each a copy of the group's typical resource (the one of median capacity, or the kind's
 *   median nationwide when the region has none of that kind), with no current caseload;
 *   a negative delta removes that many resources of the group, the last ones in pool order.
 * `region: null` names the resources of the kind that are bound to no region
 * (remote mentors, online courses).
 */
export const CapacityChange = strictObject({
  resource: Id.optional(),
  kind: ResourceKind.optional(),
  region: Region.nullable().optional(),
  unit: ChangeUnit.default('capacity'),
  delta: z.number().int('must be a whole number').refine((d) => d !== 0, 'must not be zero')
    .refine((d) => Math.abs(d) <= 1_000_000, 'must be between -1000000 and 1000000'),
  /** The planner's own words for the change, echoed in the result. */
  note: z.string().max(200).optional(),
}).strict().superRefine((change, ctx) => {
  if (change.unit === 'resources' && Math.abs(change.delta) > 1000) {
    ctx.addIssue({ code: 'custom', path: ['delta'], message: 'at most 1000 resources added or removed by one change' });
  }
  if (change.resource !== undefined) {
    if (change.region !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'give either a resource or a region, not both' });
    }
    if (change.unit === 'resources') {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a change on one resource counts capacity, not resources' });
    }
    return;
  }
  if (change.kind === undefined) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: 'required when no resource is named (mentor, training, opening or housing)' });
  }
  if (change.region === undefined) {
    ctx.addIssue({ code: 'custom', path: ['region'], message: 'required when no resource is named (null for resources bound to no region)' });
  }
});
export type CapacityChange = z.infer<typeof CapacityChange>;
export type CapacityChangeInput = z.input<typeof CapacityChange>;

/** Makes every field of an object schema optional and drops its default, so that only what is written overrides. */
function overridesOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.object(shape).strict();
}

type WeightOverrides = Partial<ScoreWeights>;
const WeightOverrides = overridesOf(ScoreWeights) as unknown as z.ZodType<WeightOverrides, WeightOverrides>;

/**
 * Policy terms a scenario changes for itself only (the base keeps the pool's policy).
 * Weights merge one by one with the pool's weights.
 */
export type PolicyOverrides = Partial<Omit<RoundPolicy, 'weights'>> & { weights?: WeightOverrides };
export const PolicyOverrides = overridesOf(RoundPolicy.omit({ weights: true }))
  .extend({ weights: WeightOverrides.optional() }) as unknown as z.ZodType<PolicyOverrides, PolicyOverrides>;

export const ScenarioRequest = strictObject({
  name: z.string().min(1, 'must name the scenario').max(200),
  changes: z.array(CapacityChange).max(1000, 'at most 1000 changes'),
  policy: PolicyOverrides.optional(),
});
export type ScenarioRequest = z.infer<typeof ScenarioRequest>;
export type ScenarioRequestInput = z.input<typeof ScenarioRequest>;
