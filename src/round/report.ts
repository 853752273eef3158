import { z } from 'zod';
import { ResourceKind } from '../../solver/problem.js';
import { SolveStats, SolveStatus } from '../../solver/result.js';

/**
 * What a coordinator reads after a round: for each participant what they got and
 * why, for each resource how full it is, and totals. Ids only, no personal data
 * beyond what the refusal reasons need to be understood. Defined once here; the API
 * serves these shapes (src/api/schemas/round.ts) and the types are inferred from them.
 */

/** One feature of a score: its value in [0, 1], the policy's weight, and value × weight. */
export const FeatureContribution = z.object({ value: z.number(), weight: z.number(), contribution: z.number() });
export type FeatureContribution = z.infer<typeof FeatureContribution>;
export const ScoreBreakdown = z.record(z.string(), FeatureContribution);
export type ScoreBreakdown = z.infer<typeof ScoreBreakdown>;

export const PlacedResource = z.object({
  resource: z.string(),
  kind: ResourceKind,
  region: z.string().optional(),
  score: z.number(),
  breakdown: ScoreBreakdown,
});
export type PlacedResource = z.infer<typeof PlacedResource>;

/** A rule that refused a pair: `rule` is the rule's name, `message` says why in words. */
export const Refusal = z.object({ resource: z.string(), rule: z.string(), message: z.string() });
export type Refusal = z.infer<typeof Refusal>;

/** How many resources one rule refused, with a few examples. */
export const RuleRefusals = z.object({ rule: z.string(), count: z.number(), examples: z.array(Refusal) });
export type RuleRefusals = z.infer<typeof RuleRefusals>;

/**
 * Why a participant did not get a resource of `kind`:
 * - `no_eligible_resource`: every resource of the kind was refused by a rule (see `refusals`);
 * - `capacity`: eligible resources existed but were full (see `fullResources`);
 * - `not_selected`: eligible resources had room, but the plan is better without
 *   (e.g. no housing in the region, or the policy's other terms).
 */
export const MissingKind = z.object({
  kind: ResourceKind,
  reason: z.enum(['no_eligible_resource', 'capacity', 'not_selected']),
  refusals: z.array(Refusal),
  /** Eligible resources without room for this participant (the first few). */
  fullResources: z.array(z.string()),
  /**
   * Those of `fullResources` that still have room, only not enough for the participant's
   * household (a housing unit with two places left for a family of four).
   */
  tooSmallResources: z.array(z.string()).optional(),
  /** The capacity the participant needs of one such resource, when more than one (household size). */
  needs: z.number().optional(),
  /** Refusals grouped by rule, most frequent first: how many resources each rule refused, with a few examples. */
  refusalsByRule: z.array(RuleRefusals).optional(),
  /** How many resources of the kind were eligible. */
  eligibleResources: z.number().optional(),
  /**
   * `not_selected` in a pruned round (policy.candidatesPerKind): how many of the eligible resources
   * with room were not among the participant's candidates, so the solver never weighed them.
   */
  roomNotConsidered: z.number().optional(),
});
export type MissingKind = z.infer<typeof MissingKind>;

export const ParticipantReport = z.object({
  participant: z.string(),
  /** Placed: received at least one mentor, training or opening. */
  placed: z.boolean(),
  region: z.string().optional(),
  assignments: z.array(PlacedResource),
  /** Kinds with at least one resource in the pool that the participant did not receive. */
  missing: z.array(MissingKind),
});
export type ParticipantReport = z.infer<typeof ParticipantReport>;

export const ResourceUse = z.object({
  resource: z.string(),
  kind: ResourceKind,
  region: z.string().optional(),
  capacity: z.number(),
  used: z.number(),
  remaining: z.number(),
});
export type ResourceUse = z.infer<typeof ResourceUse>;

export const TotalsRow = z.object({ placed: z.number(), assignments: z.number(), score: z.number() });
export type TotalsRow = z.infer<typeof TotalsRow>;

export const RoundTotals = z.object({
  participants: z.number(),
  placed: z.number(),
  unplaced: z.number(),
  score: z.number(),
  byRegion: z.record(z.string(), TotalsRow),
  byKind: z.record(z.string(), TotalsRow),
  byPriorityGroup: z.record(z.string(), z.object({ members: z.number(), placed: z.number() })),
});
export type RoundTotals = z.infer<typeof RoundTotals>;

/**
 * Pairs that passed eligibility, and those the solver was given: fewer when the policy keeps
 * only the best `perKind` per participant and kind (and each resource's own best candidates,
 * src/round/resource-candidates.ts). "optimal" is then optimal among those.
 */
export const CandidateCounts = z.object({
  eligiblePairs: z.number(),
  considered: z.number(),
  perKind: z.number().nullable(),
  /** Rounds in which the best `perKind` were chosen at the resources' prices; absent when by score alone. */
  pricingRounds: z.number().int().positive().optional(),
  /**
   * A proven upper bound on the optimum over every eligible pair, when only some were considered
   * and there are few enough to weigh (src/round/every-pair-bound.ts): what the candidates may cost.
   */
  everyPairBound: z.number().optional(),
});

export const RoundReport = z.object({
  pool: z.string(),
  referenceDate: z.string(),
  status: SolveStatus,
  objective: z.number().nullable(),
  gap: z.number().nullable(),
  conflicts: z.array(z.string()),
  stats: SolveStats,
  candidates: CandidateCounts,
  participants: z.array(ParticipantReport),
  resources: z.array(ResourceUse),
  totals: RoundTotals,
});
export type RoundReport = z.infer<typeof RoundReport>;
