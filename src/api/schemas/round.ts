import { z } from 'zod';
import { ResourceKind } from '../../../solver/problem.js';
import { RoundPolicy } from '../../domain/policy.js';
import { PoolFilters, RoundStatus, assignmentStatuses } from '../../services/round-schemas.js';

// Response shapes of src/round/report.ts (a TypeScript contract), written out for OpenAPI and serialisation.
const Contribution = z.object({ value: z.number(), weight: z.number(), contribution: z.number() });
const Breakdown = z.record(z.string(), Contribution);
const Refusal = z.object({ resource: z.string(), rule: z.string(), message: z.string() });
const Totals = z.object({ placed: z.number(), assignments: z.number(), score: z.number() });

const ReportTotals = z.object({
  participants: z.number(),
  placed: z.number(),
  unplaced: z.number(),
  score: z.number(),
  byRegion: z.record(z.string(), Totals),
  byKind: z.record(z.string(), Totals),
  byPriorityGroup: z.record(z.string(), z.object({ members: z.number(), placed: z.number() })),
});

export const RoundReportBody = z.object({
  pool: z.string(),
  referenceDate: z.string(),
  status: z.string(),
  objective: z.number().nullable(),
  gap: z.number().nullable(),
  conflicts: z.array(z.string()),
  stats: z.object({
    variables: z.number(), constraints: z.number(), milliseconds: z.number(), backend: z.string(),
    nodes: z.number().optional(), components: z.number().optional(), prunedEdges: z.number().optional(),
  }),
  /** Eligible pairs and those the solver was given: fewer with candidatesPerKind, and "optimal" is then among those. */
  candidates: z.object({ eligiblePairs: z.number(), considered: z.number(), perKind: z.number().nullable() }).optional(),
  participants: z.array(z.object({
    participant: z.string(),
    placed: z.boolean(),
    region: z.string().optional(),
    assignments: z.array(z.object({ resource: z.string(), kind: ResourceKind, region: z.string().optional(), score: z.number(), breakdown: Breakdown })),
    missing: z.array(z.object({
      kind: ResourceKind,
      reason: z.enum(['no_eligible_resource', 'capacity', 'not_selected']),
      refusals: z.array(Refusal),
      /** Present when `refusals` holds only examples: how many resources refused in all. */
      refusalsTotal: z.number().optional(),
      fullResources: z.array(z.string()),
      tooSmallResources: z.array(z.string()).optional(),
      needs: z.number().optional(),
      /** Resources refused per rule; `examples` only for one participant (`?participant=`) or `?refusals=all`. */
      refusalsByRule: z.array(z.object({ rule: z.string(), count: z.number(), examples: z.array(Refusal).optional() })).optional(),
      eligibleResources: z.number().optional(),
    })),
  })),
  resources: z.array(z.object({
    resource: z.string(), kind: ResourceKind, region: z.string().optional(), capacity: z.number(), used: z.number(), remaining: z.number(),
  })),
  totals: ReportTotals,
});

/** The report without its per-participant and per-resource lists (served paged on their own routes). */
export const RoundReportHeader = RoundReportBody.omit({ participants: true, resources: true });
export const ParticipantExplanation = RoundReportBody.shape.participants.element;
export const ResourceUseBody = RoundReportBody.shape.resources.element;

export const RoundSummaryBody = z.object({
  id: z.string(),
  name: z.string(),
  status: RoundStatus,
  filters: PoolFilters,
  policy: RoundPolicy,
  solveStatus: z.string().nullable(),
  objective: z.number().nullable(),
  totals: ReportTotals.nullable(),
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
