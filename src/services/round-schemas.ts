import { z } from 'zod';
import { Id, Region } from '../domain/common.js';
import { RoundPolicy } from '../domain/policy.js';
import { OverrideAction, ResourceKind } from '../../solver/problem.js';
import { RoundTotals } from '../round/report.js';
import { PageQuery } from './page.js';

export const roundStatuses = ['draft', 'solving', 'proposed', 'published', 'cancelled'] as const;
export const RoundStatus = z.enum(roundStatuses);
export type RoundStatus = z.infer<typeof RoundStatus>;

/** Which participants and resources a round's pool takes from the live data. */
export const PoolFilters = z.object({
  /** Participants whose home region is one of these (absent: every region). */
  regions: z.array(Region).max(100).optional(),
  /** Participants with at least one of these programme tags. */
  programmeTags: z.array(z.string().min(1).max(64)).max(50).optional(),
  participantIds: z.array(Id).max(20_000).optional(),
  /** Resources in these regions, plus those bound to no region (absent: every resource). */
  resourceRegions: z.array(Region).max(100).optional(),
  /** Also take participants already placed by a published round. */
  includePlaced: z.boolean().default(false),
}).strict();
export type PoolFilters = z.infer<typeof PoolFilters>;

export const RoundCreate = z.object({
  name: z.string().min(1).max(200),
  filters: PoolFilters.default({ includePlaced: false }),
  policy: RoundPolicy.default(RoundPolicy.parse({})),
}).strict();
export type RoundCreate = z.infer<typeof RoundCreate>;

export const OverrideInput = z.object({
  participant: Id,
  resource: Id,
  action: OverrideAction,
}).strict();
export type OverrideInput = z.infer<typeof OverrideInput>;

export const AssignmentDecision = z.object({
  decision: z.enum(['accept', 'reject']),
}).strict();
export type AssignmentDecision = z.infer<typeof AssignmentDecision>;

export const assignmentStatuses = ['proposed', 'accepted', 'rejected', 'published'] as const;

/** A round as listed: no report, its totals only (aggregates, no personal data: what planners may read). */
export const RoundSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: RoundStatus,
  filters: PoolFilters,
  policy: RoundPolicy,
  solveStatus: z.string().nullable(),
  objective: z.number().nullable(),
  totals: RoundTotals.nullable(),
  createdAt: z.string(),
  solvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

/** One proposed or decided assignment of a round. */
export const AssignmentView = z.object({
  id: z.string(),
  participant: z.string(),
  kind: ResourceKind,
  resource: z.string(),
  score: z.number(),
  status: z.enum(assignmentStatuses),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

const count = z.number().int().min(0);

/** How many assignments a round holds, by status and by kind: the round detail's summary of its list. */
export const AssignmentCounts = z.object({
  total: count,
  byStatus: z.object({ proposed: count, accepted: count, rejected: count, published: count }),
  byKind: z.object({ mentor: count, training: count, opening: count, housing: count }),
});
export type AssignmentCounts = z.infer<typeof AssignmentCounts>;

/** A page of a round's assignments, filtered by any of participant, resource, kind and status. */
export const AssignmentQuery = PageQuery.extend({
  participant: z.string().min(1).max(64).optional(),
  resource: z.string().min(1).max(64).optional(),
  kind: ResourceKind.optional(),
  status: z.enum(assignmentStatuses).optional(),
}).strict();
export type AssignmentQuery = z.infer<typeof AssignmentQuery>;

/** A coordinator's override as stored: the input, with its id. */
export const OverrideView = OverrideInput.extend({ id: z.string() });
export type OverrideView = z.infer<typeof OverrideView>;
