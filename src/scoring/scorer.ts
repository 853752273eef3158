import type { ResourceKind } from '../../solver/problem.js';
import type { Participant } from '../domain/participant.js';
import type { Mentor } from '../domain/mentor.js';
import type { TrainingSession } from '../domain/training-session.js';
import type { Opening } from '../domain/opening.js';
import type { HousingUnit } from '../domain/housing-unit.js';
import type { Pool } from '../domain/pool.js';
import type { ScoreBreakdown } from '../round/report.js';
import type { PairBatch } from './pair-batch.js';

/** A resource of the pool, tagged with its kind. */
export type TaggedItem =
  | { kind: 'mentor'; item: Mentor }
  | { kind: 'training'; item: TrainingSession }
  | { kind: 'opening'; item: Opening }
  | { kind: 'housing'; item: HousingUnit };

/** A resource as eligibility and scoring read it: tagged, with its dates as day numbers (built by `poolResource`). */
export type PoolResource = TaggedItem & { days: ResourceDays };

/**
 * A resource's dates as day numbers (days since 1970-01-01; NaN where the kind has none): a
 * session's or an opening's first day, a session's last day, the day a mentor or a housing unit
 * becomes available (`dayStart`, `dayEnd`, `dayAvailable`). Read once when the pool is indexed
 * (pool-index.ts): eligibility compares them for millions of pairs. A typed array, so that every
 * resource's dates have one shape.
 */
export type ResourceDays = Float64Array;
export const dayStart = 0;
export const dayEnd = 1;
export const dayAvailable = 2;

/** A pair that passed eligibility and needs a score. */
export interface CandidatePair {
  participant: Participant;
  resource: PoolResource;
}

export interface ScoredPair {
  score: number;
  breakdown: ScoreBreakdown;
}

/**
 * Scores a batch of eligible pairs, in order. Batched on purpose: implementations
 * compute features as matrix operations over the whole batch, not pair by pair.
 */
export interface PairScorer {
  (pool: Pool, pairs: readonly CandidatePair[]): ScoredPair[];
  /**
   * Optional fast path: the same scores, in order, without breakdowns, for pairs given by index.
   * A round scores every eligible pair (millions in a national pool) but needs breakdowns only
   * for the plan, and by index its batches make no object per pair.
   */
  valuesOf?: (pool: Pool, batch: PairBatch) => Float64Array;
}

export type { ResourceKind };
