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

// A round's report is large (every participant's explanations): parse each stored version once.
const parsedReports = new Map<string, { text: string; report: RoundReport }>();
const cachedReports = 16;

export function reportOf(row: RoundRow): RoundReport | null {
  if (!row.report) return null;
  const cached = parsedReports.get(row.id);
  if (cached?.text === row.report) return cached.report;
  const report = JSON.parse(row.report) as RoundReport;
  parsedReports.delete(row.id);
  parsedReports.set(row.id, { text: row.report, report });
  if (parsedReports.size > cachedReports) parsedReports.delete(parsedReports.keys().next().value!);
  return report;
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
