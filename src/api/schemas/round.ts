import { z } from 'zod';
import { CandidateCounts, ResourceUse, RoundReport } from '../../round/report.js';
import { ParticipantExplanation } from '../../services/round-explanations.js';
import { AssignmentCounts, AssignmentView, OverrideView, RoundSummary } from '../../services/round-schemas.js';

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

export const RoundSummaryBody = RoundSummary;
export const AssignmentBody = AssignmentView;

export const RoundDetailBody = RoundSummaryBody.extend({
  /** Solve status, objective, gap, statistics and totals; explanations: GET /rounds/{id}/participants. */
  report: RoundReportHeader.nullable(),
  /** The assignments themselves, paged: GET /rounds/{id}/assignments. */
  assignmentCounts: AssignmentCounts,
});

export const OverrideBody = OverrideView;
