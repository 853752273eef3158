import type { Database } from '../db/client.js';
import { roundAssignments } from './round-assignments.js';

const quote = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The round's assignments, one line each (ids, kind, score, status): what a programme sends on
 * to providers. Rejected assignments are left out.
 */
export async function exportRoundCsv(db: Database, roundId: string): Promise<string> {
  // The list the assignment pages read (by participant then kind), kept until the next write.
  const kept = (await roundAssignments(db, roundId)).filter((a) => a.status !== 'rejected');
  const lines = [['round', 'participant', 'kind', 'resource', 'score', 'status'].join(',')];
  for (const a of kept) lines.push([roundId, a.participant, a.kind, a.resource, a.score.toFixed(4), a.status].map(quote).join(','));
  return `${lines.join('\n')}\n`;
}
