import type { Database } from '../db/client.js';
import { roundRow } from './rounds.js';

const quote = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The round's assignments, one line each (ids, kind, score, status): what a programme sends on
 * to providers. Rejected assignments are left out.
 */
export async function exportRoundCsv(db: Database, roundId: string): Promise<string> {
  await roundRow(db.prisma, roundId);
  const rows = await db.prisma.assignment.findMany({
    where: { roundId, status: { not: 'rejected' } },
    orderBy: [{ participantId: 'asc' }, { resourceKind: 'asc' }],
  });
  const lines = [['round', 'participant', 'kind', 'resource', 'score', 'status'].join(',')];
  for (const r of rows) lines.push([roundId, r.participantId, r.resourceKind, r.resourceId, r.score.toFixed(4), r.status].map(quote).join(','));
  return `${lines.join('\n')}\n`;
}
