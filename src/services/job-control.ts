import type { Database } from '../db/client.js';
import type { Principal } from './api-keys.js';
import { ConflictError, ForbiddenError, NotFoundError } from './errors.js';
import { getJob, type JobView } from './job-views.js';
import type { JobRunner } from './jobs.js';

const active = ['queued', 'running'];

/**
 * DELETE /jobs/{id}: stops a queued or running job and answers it, `cancelled`. A stopped solve
 * leaves its round as it was before the solve; a stopped scenario is `cancelled`. Planners may
 * stop scenarios only: solves belong to the coordinators' rounds. Stopping a cancelled job again
 * answers it unchanged; a job that has already succeeded or failed is a 409.
 */
export async function stopJob(db: Database, jobs: JobRunner, principal: Principal | null, id: string): Promise<JobView> {
  const row = await db.prisma.job.findUnique({ where: { id }, select: { kind: true, status: true } });
  if (!row) throw new NotFoundError('job', id);
  if (principal?.role === 'planner' && row.kind !== 'scenario') throw new ForbiddenError(`role planner may stop scenario jobs only; job "${id}" is a ${row.kind}`);
  if (active.includes(row.status)) await jobs.cancel(id, { keyId: principal?.keyId ?? null });
  const job = await getJob(db, id);
  if (job.status !== 'cancelled') throw new ConflictError(`job "${id}" has ${job.status}: only a queued or running job can be stopped`);
  return job;
}

/** The queued or running solve of a round, stopped (the round goes back to its status before the solve). */
export async function stopRoundSolve(db: Database, jobs: JobRunner, roundId: string, principal: Principal | null): Promise<void> {
  const job = await db.prisma.job.findFirst({ where: { kind: 'solve', subjectId: roundId, status: { in: active } }, select: { id: true } });
  if (job) await jobs.cancel(job.id, { keyId: principal?.keyId ?? null });
}
