import { randomUUID } from 'node:crypto';
import type { ProblemOverride } from '../../solver/problem.js';
import type { Database, Tx } from '../db/client.js';
import { inChunks } from '../db/id-chunks.js';
import { insertAssignments } from '../db/repositories/assignment-rows.js';
import type { RoundComputed } from './compute/tasks.js';
import { audit, type Actor } from './audit.js';
import { createJob, type JobRunner, type JobWork } from './jobs.js';
import { buildPool } from './pool-builder.js';
import { toRoundSummary, withoutReport } from '../db/repositories/rounds.js';
import { expectStatus, roundRow } from './rounds.js';

/**
 * Starts solving a round: the round becomes `solving` and a job is queued, in one
 * transaction. Returns the job's id at once; the solve itself runs in the job runner.
 */
export async function startSolve(db: Database, jobs: JobRunner, roundId: string, actor: Actor): Promise<{ jobId: string; roundId: string }> {
  const { jobId, previous } = await db.write(async (tx) => {
    const row = await roundRow(tx, roundId);
    expectStatus(row, ['draft', 'proposed'], 'solved');
    await tx.round.update({ where: { id: roundId }, data: { status: 'solving' }, select: { id: true } });
    await audit(tx, actor, 'solve', 'round', roundId);
    return { jobId: await createJob(tx, 'solve', roundId, actor.keyId), previous: row.status };
  });
  jobs.submit(jobId, solveWork(db, jobs, roundId, previous));
  return { jobId, roundId };
}

/** A stopped or failed solve leaves the round as it was before: draft, or proposed with its previous proposal. */
function solveWork(db: Database, jobs: JobRunner, roundId: string, previousStatus: string): JobWork {
  return {
    run: async (progress, signal) => {
      await progress(0.05, 'reading the pool');
      const round = toRoundSummary(await roundRow(db.prisma, roundId));
      const pool = await buildPool(db.prisma, round.name, round.filters, round.policy);
      const overrides = await roundOverrides(db, roundId, new Set(pool.participants.map((p) => p.id)));
      const previous = await publishedPairs(db, pool.participants.map((p) => p.id));
      signal.throwIfAborted();
      await progress(0.15, `solving: ${pool.participants.length} participants`);
      const outcome = await jobs.compute.run({ kind: 'round', pool, overrides, previous }, signal);
      await progress(0.9, 'saving the proposal');
      await db.write(async (tx) => {
        // Writes are queued: a stop asked for while this one waited must still keep the old proposal.
        signal.throwIfAborted();
        await saveProposal(tx, roundId, outcome);
      });
      const { totals } = outcome.header;
      return { roundId, status: outcome.result.status, objective: outcome.result.objective, placed: totals.placed, unplaced: totals.unplaced, milliseconds: outcome.result.stats.milliseconds };
    },
    recover: async (tx) => {
      await tx.round.updateMany({ where: { id: roundId, status: 'solving' }, data: { status: previousStatus } });
    },
  };
}

/** Overrides of participants that are still in the pool (others would name unknown ids). */
async function roundOverrides(db: Database, roundId: string, inPool: Set<string>): Promise<ProblemOverride[]> {
  const rows = await db.prisma.override.findMany({ where: { roundId } });
  return rows
    .filter((r) => inPool.has(r.participantId))
    .map((r) => ({ participant: r.participantId, resource: r.resourceId, action: r.action === 'require' ? 'require' : 'forbid' }));
}

async function publishedPairs(db: Database, participantIds: string[]): Promise<{ participant: string; resource: string }[]> {
  const rows = await inChunks(participantIds, (chunk) => db.prisma.assignment.findMany({
    where: { status: 'published', participantId: { in: chunk } },
    select: { participantId: true, resourceId: true },
  }));
  return rows.map((r) => ({ participant: r.participantId, resource: r.resourceId }));
}

/** Replaces the round's proposal by the new plan; decisions taken before live on as overrides. */
async function saveProposal(tx: Tx, roundId: string, outcome: RoundComputed): Promise<void> {
  const row = await tx.round.findUnique({ where: { id: roundId }, omit: withoutReport });
  if (row?.status !== 'solving') return; // cancelled or recovered meanwhile: the plan is stale
  await tx.assignment.deleteMany({ where: { roundId } });
  await insertAssignments(tx, outcome.result.assignments.map((a, i) => ({
    id: randomUUID(), roundId, participantId: a.participant, resourceKind: a.kind, resourceId: a.resource, score: a.score, breakdown: outcome.breakdowns[i]!,
  })));
  await tx.round.update({
    where: { id: roundId },
    data: {
      status: 'proposed',
      report: null,
      reportGzip: outcome.reportGzip,
      reportHeader: JSON.stringify(outcome.header),
      solveStatus: outcome.result.status,
      objective: outcome.result.objective,
      solvedAt: new Date(),
    },
    omit: withoutReport,
  });
}
