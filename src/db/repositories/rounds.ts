import type { Round as RoundRow, Assignment as AssignmentRow, PrismaClient } from '../../generated/prisma/client.js';
import type { Client } from './json-table.js';
import { decodeReport, reportFromText, type StoredReport } from './stored-report.js';
import { RoundPolicy } from '../../domain/policy.js';
import type { RoundReport } from '../../round/report.js';
import type { ResourceKind } from '../../../solver/problem.js';
import { PoolFilters, RoundStatus, type AssignmentView, type RoundSummary } from '../../services/round-schemas.js';

export type { AssignmentView, RoundSummary };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A round's row without its report, which is large (every participant's explanations) and read only when asked for. */
export type RoundHead = Omit<RoundRow, 'report' | 'reportGzip'>;
export const withoutReport = { report: true, reportGzip: true } as const;

export type RoundReportHeader = Omit<RoundReport, 'participants' | 'resources'>;

export function reportHeaderOf(row: RoundHead): RoundReportHeader | null {
  return row.reportHeader ? (JSON.parse(row.reportHeader) as RoundReportHeader) : null;
}

// Each solve stores a new report with a new solvedAt: read each version once, keep the last few.
// The promise is kept, not only the report: requests that arrive while a national report is
// being read (0.3 s) wait for that reading instead of each starting their own.
const reports = new Map<string, { report: Promise<StoredReport | null>; size: number }>();
const cachedReports = 16;
// A national report holds 63 MB: keep a few of them only.
const cachedSize = 200_000_000;

/** The last solve's full report, or null before the first solve. */
export function loadReport(client: Client, row: RoundHead): Promise<StoredReport | null> {
  if (!row.solvedAt) return Promise.resolve(null);
  const key = `${row.id}@${row.solvedAt.getTime()}`;
  const kept = reports.get(key);
  if (kept) return kept.report;
  const entry = { report: readReport(client, row.id), size: 0 };
  // Measured once read; a reading that failed is not kept, so the next request reads again.
  void entry.report.then((report) => { entry.size = report?.size ?? 0; evict(); }, () => reports.delete(key));
  reports.set(key, entry);
  evict();
  return entry.report;
}

async function readReport(client: Client, id: string): Promise<StoredReport | null> {
  const stored = await (client as PrismaClient).round.findUnique({ where: { id }, select: { report: true, reportGzip: true } });
  if (stored?.reportGzip) return decodeReport(stored.reportGzip);
  return stored?.report ? reportFromText(stored.report) : null;
}

/** The oldest reports leave first; the newest stays even when it alone is over the budget. */
function evict(): void {
  let size = [...reports.values()].reduce((sum, r) => sum + r.size, 0);
  for (const [key, entry] of reports) {
    if (reports.size <= 1 || (reports.size <= cachedReports && size <= cachedSize)) break;
    reports.delete(key);
    size -= entry.size;
  }
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
