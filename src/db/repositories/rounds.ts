import type { Round as RoundRow, Assignment as AssignmentRow } from '../../generated/prisma/client.js';
import { RoundPolicy } from '../../domain/policy.js';
import type { RoundReport } from '../../round/report.js';
import type { ResourceKind } from '../../../solver/problem.js';
import { PoolFilters, RoundStatus, type assignmentStatuses } from '../../services/round-schemas.js';

export interface RoundSummary {
  id: string;
  name: string;
  status: RoundStatus;
  filters: PoolFilters;
  policy: RoundPolicy;
  solveStatus: string | null;
  objective: number | null;
  /** Aggregates of the last solve (no personal data): what planners may read. */
  totals: RoundReport['totals'] | null;
  createdAt: string;
  solvedAt: string | null;
  publishedAt: string | null;
}

export interface AssignmentView {
  id: string;
  participant: string;
  kind: ResourceKind;
  resource: string;
  score: number;
  status: (typeof assignmentStatuses)[number];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function reportOf(row: RoundRow): RoundReport | null {
  return row.report ? (JSON.parse(row.report) as RoundReport) : null;
}

export function toRoundSummary(row: RoundRow): RoundSummary {
  return {
    id: row.id,
    name: row.name,
    status: RoundStatus.parse(row.status),
    filters: PoolFilters.parse(JSON.parse(row.filters)),
    policy: RoundPolicy.parse(JSON.parse(row.policy)),
    solveStatus: row.solveStatus,
    objective: row.objective,
    totals: reportOf(row)?.totals ?? null,
    createdAt: row.createdAt.toISOString(),
    solvedAt: iso(row.solvedAt),
    publishedAt: iso(row.publishedAt),
  };
}

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    participant: row.participantId,
    kind: row.resourceKind as ResourceKind,
    resource: row.resourceId,
    score: row.score,
    status: row.status as AssignmentView['status'],
  };
}
