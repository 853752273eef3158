import { z } from 'zod';
import { ResourceKind } from '../../../solver/problem.js';
import { RoundPolicy } from '../../domain/policy.js';
import { CandidateCounts, ResourceUse, RoundReport, RoundTotals } from '../../round/report.js';
import { ParticipantExplanation } from '../../services/round-explanations.js';
import { PoolFilters, RoundStatus, assignmentStatuses } from '../../services/round-schemas.js';

/**
 * The round's report as served: the engine's own shapes (src/round/report.ts), with the
 * explanations as the service pages them (refusal examples trimmed, see round-explanations.ts).
 * `candidates` may be missing from reports stored before it was added.
 */
export const RoundReportBody = RoundReport.extend({
  candidates: CandidateCounts.optional(),
  participants: z.array(ParticipantExplanation),
});

/** The report without its per-participant and per-resource lists (served paged on their own routes). */
export const RoundReportHeader = RoundReportBody.omit({ participants: true, resources: true });
export { ParticipantExplanation };
export const ResourceUseBody = ResourceUse;

export const RoundSummaryBody = z.object({
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

export const AssignmentBody = z.object({
  id: z.string(),
  participant: z.string(),
  kind: ResourceKind,
  resource: z.string(),
  score: z.number(),
  status: z.enum(assignmentStatuses),
});

export const RoundDetailBody = RoundSummaryBody.extend({
  /** Solve status, objective, gap, statistics and totals; explanations: GET /rounds/{id}/participants. */
  report: RoundReportHeader.nullable(),
  assignments: z.array(AssignmentBody),
});

export const OverrideBody = z.object({ id: z.string(), participant: z.string(), resource: z.string(), action: z.enum(['require', 'forbid']) });
