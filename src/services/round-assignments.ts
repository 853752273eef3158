import type { Database } from '../db/client.js';
import { assignmentViewColumns, toAssignmentView } from '../db/repositories/rounds.js';
import { NotFoundError } from './errors.js';
import { slicePage, type Page } from './page.js';
import { ReadCache } from './read-cache.js';
import type { AssignmentCounts, AssignmentQuery, AssignmentView } from './round-schemas.js';

const recentLists = new ReadCache<AssignmentView[]>(16);

/**
 * Every assignment of a round, by participant then kind. A national round holds some 14,000:
 * screens page through them and poll the counts, so the list is read once until the next write.
 */
export function roundAssignments(db: Database, roundId: string): Promise<AssignmentView[]> {
  return recentLists.get(db, roundId, async () => {
    if (!(await db.prisma.round.findUnique({ where: { id: roundId }, select: { id: true } }))) throw new NotFoundError('round', roundId);
    const rows = await db.prisma.assignment.findMany({ where: { roundId }, select: assignmentViewColumns, orderBy: [{ participantId: 'asc' }, { resourceKind: 'asc' }] });
    return rows.map(toAssignmentView);
  });
}

/** One page of a round's assignments; 404 for an unknown round, an empty page for a round not yet solved. */
export async function listAssignments(db: Database, roundId: string, query: AssignmentQuery): Promise<Page<AssignmentView>> {
  const all = await roundAssignments(db, roundId);
  const items = all.filter((a) => (query.participant === undefined || a.participant === query.participant)
    && (query.resource === undefined || a.resource === query.resource)
    && (query.kind === undefined || a.kind === query.kind)
    && (query.status === undefined || a.status === query.status));
  return slicePage(items, query.limit, query.offset);
}

export function countAssignments(assignments: AssignmentView[]): AssignmentCounts {
  const counts: AssignmentCounts = {
    total: assignments.length,
    byStatus: { proposed: 0, accepted: 0, rejected: 0, published: 0 },
    byKind: { mentor: 0, training: 0, opening: 0, housing: 0 },
  };
  for (const a of assignments) {
    counts.byStatus[a.status] += 1;
    counts.byKind[a.kind] += 1;
  }
  return counts;
}
