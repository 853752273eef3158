import type { Tx } from '../client.js';
import { insertRows, prismaDateTime } from './bulk-insert.js';

/** An assignment as a solve writes it; its status starts as `proposed`. */
export interface NewAssignment {
  id: string;
  roundId: string;
  participantId: string;
  resourceKind: string;
  resourceId: string;
  score: number;
  /** The score breakdown, as JSON. */
  breakdown: string;
}

const columns = ['id', 'roundId', 'participantId', 'resourceKind', 'resourceId', 'score', 'breakdown', 'createdAt'] as const;

/** A solve's assignments, written in bulk (a national round holds some 14,000). */
export async function insertAssignments(tx: Tx, rows: NewAssignment[]): Promise<void> {
  const createdAt = prismaDateTime(new Date());
  await insertRows(tx, 'Assignment', columns, rows.map((r) => [r.id, r.roundId, r.participantId, r.resourceKind, r.resourceId, r.score, r.breakdown, createdAt]));
}

/** The first line of a placement's outcome history, one per published assignment. */
export interface NewOutcome {
  id: string;
  participantId: string;
  resourceKind: string;
  resourceId: string;
  roundId: string;
  /** YYYY-MM-DD */
  placedOn: string;
}

const outcomeColumns = ['id', 'participantId', 'resourceKind', 'resourceId', 'roundId', 'placedOn', 'createdAt'] as const;

export async function insertOutcomes(tx: Tx, rows: NewOutcome[]): Promise<void> {
  const createdAt = prismaDateTime(new Date());
  await insertRows(tx, 'Outcome', outcomeColumns, rows.map((r) => [r.id, r.participantId, r.resourceKind, r.resourceId, r.roundId, r.placedOn, createdAt]));
}
