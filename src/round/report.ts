import type { ResourceKind } from '../../solver/problem.js';
import type { SolveStats, SolveStatus } from '../../solver/result.js';

/**
 * What a coordinator reads after a round: for each participant what they got and
 * why, for each resource how full it is, and totals. Ids only, no personal data
 * beyond what the refusal reasons need to be understood.
 */

/** One feature of a score: its value in [0, 1], the policy's weight, and value × weight. */
export interface FeatureContribution {
  value: number;
  weight: number;
  contribution: number;
}
export type ScoreBreakdown = Record<string, FeatureContribution>;

export interface PlacedResource {
  resource: string;
  kind: ResourceKind;
  region?: string;
  score: number;
  breakdown: ScoreBreakdown;
}

/** A rule that refused a pair: `rule` is the rule's name, `message` says why in words. */
export interface Refusal {
  resource: string;
  rule: string;
  message: string;
}

/**
 * Why a participant did not get a resource of `kind`:
 * - `no_eligible_resource`: every resource of the kind was refused by a rule (see `refusals`);
 * - `capacity`: eligible resources existed but were full (see `fullResources`);
 * - `not_selected`: eligible resources had room, but the plan is better without
 *   (e.g. no housing in the region, or the policy's other terms).
 */
export interface MissingKind {
  kind: ResourceKind;
  reason: 'no_eligible_resource' | 'capacity' | 'not_selected';
  refusals: Refusal[];
  /** Eligible resources without room for this participant (the first few). */
  fullResources: string[];
  /**
   * Those of `fullResources` that still have room, only not enough for the participant's
   * household (a housing unit with two places left for a family of four).
   */
  tooSmallResources?: string[];
  /** The capacity the participant needs of one such resource, when more than one (household size). */
  needs?: number;
  /** Refusals grouped by rule, most frequent first: how many resources each rule refused, with a few examples. */
  refusalsByRule?: RuleRefusals[];
  /** How many resources of the kind were eligible. */
  eligibleResources?: number;
}

export interface RuleRefusals {
  rule: string;
  count: number;
  examples: Refusal[];
}

export interface ParticipantReport {
  participant: string;
  /** Placed: received at least one mentor, training or opening. */
  placed: boolean;
  region?: string;
  assignments: PlacedResource[];
  /** Kinds with at least one resource in the pool that the participant did not receive. */
  missing: MissingKind[];
}

export interface ResourceUse {
  resource: string;
  kind: ResourceKind;
  region?: string;
  capacity: number;
  used: number;
  remaining: number;
}

export interface TotalsRow {
  placed: number;
  assignments: number;
  score: number;
}

export interface RoundReport {
  pool: string;
  referenceDate: string;
  status: SolveStatus;
  objective: number | null;
  gap: number | null;
  conflicts: string[];
  stats: SolveStats;
  /**
   * Pairs that passed eligibility, and those the solver was given: fewer when the policy keeps
   * only the best `perKind` per participant and kind. "optimal" is then optimal among those.
   */
  candidates: { eligiblePairs: number; considered: number; perKind: number | null };
  participants: ParticipantReport[];
  resources: ResourceUse[];
  totals: {
    participants: number;
    placed: number;
    unplaced: number;
    score: number;
    byRegion: Record<string, TotalsRow>;
    byKind: Record<string, TotalsRow>;
    byPriorityGroup: Record<string, { members: number; placed: number }>;
  };
}
