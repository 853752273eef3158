import { z } from 'zod';
import { strictObject } from './strict-object.js';
import { BackendName, PriorityShare, ResourceKind } from '../../solver/problem.js';
import { IsoDate } from './common.js';

/** Weights of the score features; a score is Σ weight·feature, each feature in [0, 1]. */
export const ScoreWeights = strictObject({
  sector: z.number().default(3),
  skills: z.number().default(2),
  language: z.number().default(1),
  cefrMargin: z.number().default(1),
  shortage: z.number().default(2),
  childcare: z.number().default(1),
  waiting: z.number().default(1),
});
export type ScoreWeights = z.infer<typeof ScoreWeights>;

/**
 * The name of an outcome model in the models directory (docs/outcomes.md §3), never a path:
 * a policy comes from API users, and a path would let one have the service read any file it
 * can (and echo it in a failed job's error). A file name of letters, digits, '.', '_' and '-',
 * not starting with '.' and without '..': no directory, no parent, no hidden file.
 */
export const OutcomeModelName = z.string()
  .max(100, 'must be at most 100 characters')
  .regex(/^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9._-]*$/, 'must be the name of a model in the models directory (letters, digits, ".", "_", "-"; no path, no "..", not starting with ".")');

/**
 * The longest solve a policy may ask for. The service runs jobs one at a time, so a solve
 * holds every job queued behind it: two minutes is ample for the national round (the bench
 * gives 10–30 s) and keeps a mistyped limit from blocking the queue for hours.
 */
export const maxTimeLimitMs = 120_000;

/** A round's policy: how pairs are scored and which options the optimisation honours. */
export const RoundPolicy = strictObject({
  /** Date the round is run on: ages, status durations and waiting times are counted to it. */
  referenceDate: IsoDate.optional(),
  weights: ScoreWeights.default(ScoreWeights.parse({})),
  requireOne: z.array(ResourceKind).default([]),
  priorityShare: z.array(PriorityShare).default([]),
  waitingBonusPerDay: z.number().nonnegative().default(0),
  stabilityPenalty: z.number().nonnegative().default(0),
  timeLimitMs: z.number().int().positive()
    .max(maxTimeLimitMs, `must be at most ${maxTimeLimitMs} ms (2 minutes): a longer solve would hold every job queued behind it`)
    .default(20_000),
  backend: BackendName.default('auto'),
  candidatesPerKind: z.number().int().positive().optional(),
  /** Name of a trained outcome model in the models directory; its predicted success mixes into the score. */
  outcomeModel: OutcomeModelName.optional(),
  /** Share of the score taken from the outcome model, in [0, 1] (1 = model only). */
  outcomeModelWeight: z.number().min(0).max(1).default(0.5),
});
export type RoundPolicy = z.infer<typeof RoundPolicy>;
export type RoundPolicyInput = z.input<typeof RoundPolicy>;
