import type { Round as RoundRow, Assignment as AssignmentRow, PrismaClient } from '../../generated/prisma/client.js';
import type { Client } from './json-table.js';
import { RoundPolicy } from '../../domain/policy.js';
import type { RoundReport } from '../../round/report.js';
import type { ResourceKind } from '../../../solver/problem.js';
import { PoolFilters, RoundStatus, type AssignmentView, type RoundSummary } from '../../services/round-schemas.js';

export type { AssignmentView, RoundSummary };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A round's row without its report, which is large (every participant's explanations) and read only when asked for. */
export type RoundHead = Omit<RoundRow, 'report'>;
export const withoutReport = { report: true } as const;

export type RoundReportHeader = Omit<RoundReport, 'participants' | 'resources'>;

export function reportHeaderOf(row: RoundHead): RoundReportHeader | null {
  return row.reportHeader ? (JSON.parse(row.reportHeader) as RoundReportHeader) : null;
}

// Each solve stores a new report with a new solvedAt: parse each version once, keep the last few.
const parsedReports = new Map<string, RoundReport>();
const cachedReports = 16;

/** The last solve's full report, or null before the first solve. */
export async function loadReport(client: Client, row: RoundHead): Promise<RoundReport | null> {
  if (!row.solvedAt) return null;
  const key = `${row.id}@${row.solvedAt.getTime()}`;
  const cached = parsedReports.get(key);
  if (cached) return cached;
  const stored = await (client as PrismaClient).round.findUnique({ where: { id: row.id }, select: { report: true } });
  if (!stored?.report) return null;
  const report = JSON.parse(stored.report) as RoundReport;
  parsedReports.set(key, report);
  if (parsedReports.size > cachedReports) parsedReports.delete(parsedReports.keys().next().value!);
  return report;
}

export function toRoundSummary(row: RoundHead): RoundSummary {
  return {
    id: row.id,
    name: row.name,
    status: RoundStatus.parse(row.status),
    filters: PoolFilters.parse(JSON.parse(row.filters)),
    policy: RoundPolicy.parse(JSON.parse(row.policy)),
    solveStatus: row.solveStatus,
    objective: row.objective,
    totals: reportHeaderOf(row)?.totals ?? null,
    createdAt: row.createdAt.toISOString(),
    solvedAt: iso(row.solvedAt),
    publishedAt: iso(row.publishedAt),
  };
}

/** The columns an assignment's view needs: reading only these is what keeps a round of thousands quick to serve. */
export const assignmentViewColumns = { id: true, participantId: true, resourceKind: true, resourceId: true, score: true, status: true } as const;

export function toAssignmentView(row: Pick<AssignmentRow, keyof typeof assignmentViewColumns>): AssignmentView {
  return {
    id: row.id,
    participant: row.participantId,
    kind: row.resourceKind as ResourceKind,
    resource: row.resourceId,
    score: row.score,
    status: row.status as AssignmentView['status'],
  };
}
